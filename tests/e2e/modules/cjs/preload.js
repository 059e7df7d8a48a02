console.log('preloaded', module.id === require.resolve('./preload.js'), module.parent && module.parent.id);
