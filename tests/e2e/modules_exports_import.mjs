// package.json "exports" seen from import(): the import condition wins; errors name the importer.
import probe from './modules/probe-root.js';

const show = async (id) => {
  try {
    const m = await probe.imp(id);
    console.log(id, '=>', JSON.stringify(m.who ?? m.default?.who ?? m.default));
  } catch (e) {
    console.log(id, '!!', e.code, '|', e.message);
  }
};
for (const id of ['exp-string', 'exp-string/other', 'exp-cond', 'exp-cond/feature',
  'exp-cond/only-import', 'exp-cond/lib/a', 'exp-cond/lib/c.cjs', 'exp-cond/lib/private/secret',
  'exp-cond/fallback', 'exp-cond/nested-cond', 'exp-sugar', '@scope/pkg/utils/str',
  'exp-no-main', 'exp-invalid', 'exp-invalid/outside', 'exp-mixed', 'main-noext', 'main-dir',
  'main-json', 'no-pkg-json', 'no-pkg-json/sub', 'no-pkg-json/sub.js', 'main-broken',
  'not-installed', '@scope/missing', 'esm-only', 'dual', '.hidden', '@bad', 'exp-cond/data.json',
  './nope.js', './modules/']) {
  await show(id);
}
