const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const b = Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88, 0xff, 0xfe]);
for (const m of ['readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE', 'readBigUint64LE', 'readBigUint64BE']) {
  t(m, () => [b[m](), b[m](0), b[m](1), b[m](2)]);
  t(`${m} oob`, () => b[m](3));
  t(`${m} neg`, () => b[m](-1));
  t(`${m} float`, () => b[m](1.5));
  t(`${m} str`, () => b[m]('1'));
  t(`${m} short`, () => Buffer.alloc(7)[m](0));
}
const values = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 63n) - 1n, 0x0102030405060708n, 1, '1', null];
for (const m of ['writeBigUInt64LE', 'writeBigUInt64BE', 'writeBigInt64LE', 'writeBigInt64BE', 'writeBigUint64LE', 'writeBigUint64BE']) {
  for (const v of values) {
    t(`${m}(${inspect(v)})`, () => { const c = Buffer.alloc(9, 0xee); return [c[m](v, 1), c]; });
  }
  t(`${m} oob`, () => Buffer.alloc(9)[m](1n, 2));
  t(`${m} default offset`, () => { const c = Buffer.alloc(8); c[m](5n); return c; });
  t(`${m} bad offset`, () => Buffer.alloc(9)[m](1n, '0'));
}
t('roundtrip', () => {
  const c = Buffer.alloc(8);
  return [-5n, 123456789012345678n, -(2n ** 63n)].map((v) => { c.writeBigInt64BE(v); return c.readBigInt64BE() === v; });
});
