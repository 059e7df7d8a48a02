// Node 22 syntax detection: ESM syntax in a .js file with no "type" makes it an ES module.
console.log(require('./modules/detect/esm-syntax.js'));
console.log(require('./modules/detect/cjs-syntax.js'));
console.log(require('./modules/detect/meta.js'));
import('./modules/detect/esm-syntax.js').then((ns) => console.log('import:', ns.name));
