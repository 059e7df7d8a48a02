const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
function w(m, ...args) {
  const b = Buffer.alloc(8, 0xee);
  const r = b[m](...args);
  return [r, b];
}
const specs = [
  ['writeUInt8', [0, 255, 127, 1.9, '7', NaN, 256, -1, 'x']],
  ['writeInt8', [0, 127, -128, -1, 128, -129]],
  ['writeUInt16LE', [0, 0xffff, 0x1234, 0x10000, -1]],
  ['writeUInt16BE', [0x1234, 65535.5]],
  ['writeInt16LE', [-1, -32768, 32767, 32768, -32769]],
  ['writeInt16BE', [-2, 0x1234]],
  ['writeUInt32LE', [0xdeadbeef, 0xffffffff, 2 ** 32, -1, 1.5]],
  ['writeUInt32BE', [0xdeadbeef, 0]],
  ['writeInt32LE', [-1, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1]],
  ['writeInt32BE', [-2, 0x12345678]],
  ['writeUint8', [5]], ['writeUint16LE', [5]], ['writeUint16BE', [5]], ['writeUint32LE', [5]], ['writeUint32BE', [5]],
];
for (const [m, values] of specs) {
  for (const v of values) t(`${m}(${inspect(v)})`, () => w(m, v));
  t(`${m} offset 1`, () => w(m, 1, 1));
  t(`${m} oob`, () => w(m, 1, 7));
  t(`${m} neg`, () => w(m, 1, -1));
  t(`${m} float off`, () => w(m, 1, 0.5));
  t(`${m} str off`, () => w(m, 1, '0'));
  t(`${m} null off`, () => w(m, 1, null));
  t(`${m} bad val + oob`, () => w(m, 1e10, 100));
}
for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE', 'writeUintLE', 'writeUintBE']) {
  const signed = m.startsWith('writeInt');
  for (let n = 1; n <= 6; n++) {
    const max = signed ? 2 ** (8 * n - 1) - 1 : 2 ** (8 * n) - 1;
    const min = signed ? -(2 ** (8 * n - 1)) : 0;
    t(`${m} ${n} max`, () => w(m, max, 0, n));
    t(`${m} ${n} min`, () => w(m, min, 1, n));
    t(`${m} ${n} mid`, () => w(m, signed ? -0x1234 : 0x123456 % (max + 1), 2, n));
    t(`${m} ${n} over`, () => w(m, max + 1, 0, n));
    t(`${m} ${n} under`, () => w(m, min - 1, 0, n));
    t(`${m} ${n} oob`, () => w(m, 0, 9 - n, n));
  }
  t(`${m} len 0`, () => w(m, 0, 0, 0));
  t(`${m} len 7`, () => w(m, 0, 0, 7));
  t(`${m} no len`, () => w(m, 0, 0));
  t(`${m} no offset`, () => w(m, 1, undefined, 3));
  t(`${m} NaN`, () => w(m, NaN, 0, 6));
  t(`${m} float`, () => w(m, 258.7, 0, 3));
}
t('roundtrip 48', () => { const b = Buffer.alloc(6); b.writeIntBE(-123456789012, 0, 6); return [b.readIntBE(0, 6), b]; });
t('roundtrip 40', () => { const b = Buffer.alloc(5); b.writeUIntLE(0xfedcba9876, 0, 5); return [b.readUIntLE(0, 5).toString(16), b]; });
