// The built-in registry from both module systems.
const Module = require('module');
console.log(require('fs') === require('node:fs'), require('node:path') === require('path'));
for (const id of ['fs', 'node:fs', 'fs/promises', 'node:nope', 'nope', 'node:', 'module']) {
  console.log(id, Module.isBuiltin(id));
}
console.log(Module.builtinModules.includes('fs'), Module.builtinModules.includes('node:fs'));
try {
  require('node:nope');
} catch (e) {
  console.log(e.code, e.message);
}
import('node:nope').catch((e) => console.log(e.code, e.message));
import('fs').then((ns) => console.log(ns.default === require('fs'), typeof ns.readFileSync));
const { createRequire } = Module;
const r = createRequire(`${__dirname}/modules/probe-root.js`);
console.log(r('exp-string').who, r.resolve('exp-string').replace(__dirname, '$D'));
const r2 = createRequire(require('url').pathToFileURL(`${__dirname}/modules/node_modules/selfie/x.js`));
console.log(r2('#dep').who);
try {
  createRequire('relative/path.js');
} catch (e) {
  console.log(e.code, e.message);
}
