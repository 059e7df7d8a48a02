// package.json "main", index probing, extension order and directory requests.
const probe = require('./modules/probe-root');
const show = (label, fn) => {
  try {
    console.log(label, '=>', JSON.stringify(fn()));
  } catch (e) {
    console.log(label, '!!', e.code, '|', e.message.split('\n')[0], e.path ? `path=${e.path}` : '');
  }
};
for (const id of ['main-noext', 'main-dir', 'main-bad', 'main-broken', 'main-json', 'no-pkg-json',
  'no-pkg-json/sub', 'no-pkg-json/', 'no-pkg-json/index', 'esm-main', 'not-installed']) {
  show(id, () => probe(id));
}
for (const id of ['./modules/cjs/dot', './modules/cjs/dot.cjs', './modules/cjs/dir',
  './modules/cjs/dir/', './modules/cjs/only-json', './modules/cjs/multi.dot.name',
  './modules/cjs/addon.node', './modules/cjs/addon', './modules/data/noext-json', '/nonexistent/abs',
  `${__dirname}/modules/cjs/dot.cjs`, './modules/cjs/this']) {
  show(id, () => { try { return require(id); } catch (e) { if (id.includes('addon')) throw Object.assign(new Error('addon'), { code: e.code }); throw e; } });
}
show('strict this', () => require('./modules/cjs/strict') === undefined);
show('exports vs module.exports', () => require('./modules/cjs/exports-vs-module'));
show('replaced', () => [typeof require('./modules/cjs/replace'), require('./modules/cjs/replace').c]);
