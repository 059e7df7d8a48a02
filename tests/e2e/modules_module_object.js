// module.id/filename/loaded/parent/children/paths, require.main, require.cache and reloading.
const path = require('path');
const rel = (p) => (typeof p === 'string' ? p.replace(__dirname, '$D') : p);
console.log(module.id, rel(module.filename), module.loaded, module.parent, require.main === module);
console.log(rel(__filename), rel(__dirname), this === module.exports, rel(module.path));
const child = require('./modules/cjs/child');
console.log(child);
console.log(module.children.map((m) => rel(m.id)));
const m = module.children[0];
console.log(m.parent === module, m.loaded, rel(m.filename), m.paths.length > 0, rel(m.path));
const first = require('./modules/cjs/counter');
const again = require('./modules/cjs/counter');
console.log(first === again, first.loads);
delete require.cache[require.resolve('./modules/cjs/counter')];
const third = require('./modules/cjs/counter');
console.log(third === first, third.loads);
console.log(module.children.length, module.children.filter((c) => c.id.endsWith('counter.js')).length);
try {
  require('./modules/cjs/throws');
} catch (e) {
  console.log(e.message, require.cache[path.join(__dirname, 'modules/cjs/throws.js')]);
}
console.log(typeof require.extensions['.js'], ['.js', '.json', '.node'].every((e) => e in require.extensions));
console.log(require.cache === require('module')._cache);
const Module = require('module');
console.log(Module === module.constructor, typeof Module.wrap, Module.wrap('x'));
console.log(module instanceof Module, typeof Module._load, typeof Module._resolveFilename);
const fake = new Module('fake-id', module);
console.log(fake.id, fake.filename, fake.loaded, fake.parent === module, module.children.includes(fake));
fake._compile('module.exports = __filename + " " + typeof require;', path.join(__dirname, 'virtual.js'));
console.log(rel(fake.exports));
for (const bad of [1, '', null]) {
  try {
    require(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
setImmediate(() => console.log('loaded later:', module.loaded));
