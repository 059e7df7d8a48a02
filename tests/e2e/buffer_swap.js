const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const mk = (n) => Buffer.from(Array.from({ length: n }, (_, i) => i + 1));
for (const m of ['swap16', 'swap32', 'swap64']) {
  for (const n of [0, 1, 2, 3, 4, 6, 8, 12, 16, 24]) t(`${m} ${n}`, () => mk(n)[m]());
  t(`${m} returns this`, () => { const b = mk(8); return b[m]() === b; });
  t(`${m} slice`, () => { const b = mk(10); b.subarray(1, 9)[m](); return b; });
  t(`${m} large`, () => { const b = Buffer.alloc(1024); for (let i = 0; i < 1024; i++) b[i] = i; b[m](); return [b[0], b[1], b[7], b[1023]]; });
}
