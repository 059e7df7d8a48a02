// NODE_PATH directories are searched after node_modules.
console.log(require('np-pkg'), require('np-file'));
console.log(require.resolve('np-file').replace(__dirname, '$D'));
console.log(require.resolve.paths('np-pkg').filter((p) => p.includes('node_path')).map((p) => p.replace(__dirname, '$D')));
console.log(module.paths.some((p) => p.includes('node_path')));
