// Nested node_modules: the closest copy wins; lookups walk up to the root.
const probe = require('./modules/probe-root');
console.log(probe('outer'));
console.log(probe('inner'));
console.log(probe.resolve('inner').replace(__dirname, '.'));
console.log(probe.paths('inner').filter((p) => p.includes(__dirname)).map((p) => p.replace(__dirname, '.')));
console.log(probe.paths('./x').map((p) => p.replace(__dirname, '.')));
console.log(require.resolve.paths('fs'), require.resolve.paths('node:fs'));
console.log(module.paths.filter((p) => p.includes(__dirname)).map((p) => p.replace(__dirname, '.')));
const { _nodeModulePaths } = require('module');
console.log(_nodeModulePaths('/a/node_modules/b/node_modules/c'), _nodeModulePaths('/'));
console.log(probe.resolve('inner', { paths: [`${__dirname}/modules/node_modules/outer`] }).replace(__dirname, '.'));
console.log(require.resolve('./modules/cjs/dot.cjs', { paths: [__dirname] }).replace(__dirname, '.'));
console.log(require.resolve('./dot.cjs', { paths: [`${__dirname}/modules/cjs`] }).replace(__dirname, '.'));
try {
  require.resolve('./dot', { paths: [`${__dirname}/modules`] });
} catch (e) {
  console.log(e.code, e.message.replaceAll(__dirname, '.'));
}
try {
  require.resolve('x', { paths: 'nope' });
} catch (e) {
  console.log(e.code, e.message);
}
