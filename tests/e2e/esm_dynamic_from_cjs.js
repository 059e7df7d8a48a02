console.log('cjs start');
import('./esm/lib.mjs').then((m) => {
  console.log('loaded', m.named, typeof m.default);
  return import('./esm/dep.cjs');
}).then((m) => console.log(m.default.a, m.a));
console.log('cjs end');
