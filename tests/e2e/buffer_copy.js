const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
function c(...args) {
  const src = Buffer.from('abcdef');
  const dst = Buffer.alloc(4, 0x2e);
  const n = src.copy(dst, ...args);
  return [n, dst.toString('latin1')];
}
const cases = [
  ['default', () => c()],
  ['targetStart', () => c(2)],
  ['sourceStart', () => c(0, 3)],
  ['sourceEnd', () => c(0, 1, 3)],
  ['all', () => c(1, 2, 4)],
  ['targetStart past', () => c(4)],
  ['targetStart big', () => c(100)],
  ['sourceStart >= end', () => c(0, 3, 3)],
  ['sourceEnd past', () => c(0, 4, 100)],
  ['float args', () => c(1.5, 1.9)],
  ['string args', () => c('1', '2', '4')],
  ['NaN args', () => c(NaN, NaN, NaN)],
  ['null args', () => c(null, null)],
  ['targetStart neg', () => c(-1)],
  ['sourceStart neg', () => c(0, -1)],
  ['sourceStart oob', () => c(0, 7)],
  ['sourceStart = len', () => c(0, 6)],
  ['sourceEnd neg', () => c(0, 0, -1)],
  ['bad target', () => Buffer.from('a').copy('x')],
  ['bad target arr', () => Buffer.from('a').copy([0])],
  ['to Uint8Array', () => { const u = new Uint8Array(3); return [Buffer.from('xyz').copy(u), u]; }],
  ['from Uint8Array via call', () => { const d = Buffer.alloc(2); return [Buffer.prototype.copy.call(new Uint8Array([5, 6]), d), d]; }],
  ['overlap fwd', () => { const b = Buffer.from('abcdefgh'); b.copy(b, 2, 0, 5); return b.toString(); }],
  ['overlap back', () => { const b = Buffer.from('abcdefgh'); b.copy(b, 0, 2); return b.toString(); }],
  ['overlap slices', () => { const b = Buffer.from('abcdefgh'); b.subarray(0, 6).copy(b.subarray(1)); return b.toString(); }],
  ['big copy', () => { const s = Buffer.alloc(10000, 7); const d = Buffer.alloc(20000); return [s.copy(d, 5000), d[4999], d[5000], d[14999], d[15000]]; }],
];
for (const [label, fn] of cases) t(label, fn);
