// require() of ES modules (Node 22 behaviour, also in Node 20.19+): the namespace, or
// ERR_REQUIRE_ASYNC_MODULE for a graph with top-level await.
const show = (label, fn) => {
  try {
    console.log(label, '=>', fn());
  } catch (e) {
    console.log(label, '!!', e.code, '|', e.message.split('\n')[0].replaceAll(__dirname, '$D'));
  }
};
show('plain.mjs', () => require('./modules/esm/plain.mjs'));
show('same namespace', () => require('./modules/esm/plain.mjs') === require('./modules/esm/plain.mjs'));
show('tla.mjs', () => require('./modules/esm/tla.mjs'));
show('imports-tla.mjs', () => require('./modules/esm/imports-tla.mjs'));
show('throws.mjs', () => require('./modules/esm/throws.mjs'));
show('cjs-interop.mjs', () => require('./modules/esm/cjs-interop.mjs'));
show('default-only.mjs', () => require('./modules/esm/default-only.mjs'));
show('esmodule-flag.mjs', () => require('./modules/esm/esmodule-flag.mjs'));
show('typed/mod.js', () => require('./modules/typed/mod.js'));
show('typed/legacy.cjs', () => require('./modules/typed/legacy.cjs'));
show('typed/commonjs-sub/x.js', () => require('./modules/typed/commonjs-sub/x.js'));
const probe = require('./modules/probe-root');
show('esm-only', () => probe('esm-only'));
show('esm-import-only', () => probe('esm-import-only'));
show('esm-tla', () => probe('esm-tla'));
show('esm-main', () => probe('esm-main'));
show('cache key', () => Object.keys(require.cache).filter((k) => k.endsWith('.mjs')).length);
