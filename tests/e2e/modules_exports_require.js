// package.json "exports" seen from require(): conditions, subpaths, patterns, null targets.
const show = (label, fn) => {
  try {
    console.log(label, '=>', fn());
  } catch (e) {
    console.log(label, '!!', e.code, '|', e.message);
  }
};
const ids = [
  'exp-string', 'exp-string/other', 'exp-string/main.js', 'exp-string/package.json',
  'exp-cond', 'exp-cond/feature', 'exp-cond/browser-first', 'exp-cond/only-import',
  'exp-cond/data.json', 'exp-cond/package.json', 'exp-cond/lib/a', 'exp-cond/lib/b.js',
  'exp-cond/lib/c.cjs', 'exp-cond/lib/private/secret', 'exp-cond/dir/a.js', 'exp-cond/deep/one/x',
  'exp-cond/deep/two/x', 'exp-cond/fallback', 'exp-cond/arr-invalid', 'exp-cond/arr-empty',
  'exp-cond/nested-cond', 'exp-cond/hidden.js', 'exp-cond/lib/', 'exp-sugar', 'exp-sugar/r.js',
  '@scope/pkg', '@scope/pkg/utils/str', '@scope/pkg/index.js', 'exp-no-main', 'exp-no-main/sub',
];
const probe = require("./modules/probe-root");
for (const id of ids) {
  show(`require(${id})`, () => JSON.stringify(probe(id)));
}
