module.exports = { parentIsMain: module.parent === require.main, loadedWhileRunning: module.loaded, id: module.id };
