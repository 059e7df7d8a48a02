const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const b = Buffer.from([0x01, 0x82, 0xff, 0x7f, 0x80, 0x00, 0xfe, 0x12, 0x34, 0x56]);
const fixed = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE',
  'readUint8', 'readUint16LE', 'readUint16BE', 'readUint32LE', 'readUint32BE'];
for (const m of fixed) {
  t(m, () => [0, 1, 2, 3, 4, 5, 6].map((o) => { try { return b[m](o); } catch (e) { return e.code; } }));
  t(`${m} default`, () => b[m]());
}
for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE', 'readUintLE', 'readUintBE']) {
  for (let n = 1; n <= 6; n++) t(`${m} ${n}`, () => [b[m](0, n), b[m](1, n), b[m](10 - n, n)]);
  t(`${m} oob`, () => b[m](6, 6));
  t(`${m} bad len 0`, () => b[m](0, 0));
  t(`${m} bad len 7`, () => b[m](0, 7));
  t(`${m} no len`, () => b[m](0));
  t(`${m} len str`, () => b[m](0, '2'));
  t(`${m} len float`, () => b[m](0, 2.5));
  t(`${m} len NaN`, () => b[m](0, NaN));
  t(`${m} no offset`, () => b[m](undefined, 3));
}
t('all ff 6', () => [Buffer.alloc(6, 0xff).readIntLE(0, 6), Buffer.alloc(6, 0xff).readUIntBE(0, 6), Buffer.alloc(3, 0xff).readIntBE(0, 3)]);
t('min values', () => [Buffer.from([0x80, 0, 0, 0, 0, 0]).readIntBE(0, 6), Buffer.from([0, 0, 0x80]).readIntLE(0, 3), Buffer.from([0, 0, 0, 0, 0x80]).readIntLE(0, 5)]);
t('aliases same', () => [Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.readUintBE === Buffer.prototype.readUIntBE, Buffer.prototype.readUint32LE.name]);
t('lengths', () => ['readUInt8', 'readIntLE', 'readInt32BE', 'readBigInt64LE', 'readDoubleLE'].map((m) => Buffer.prototype[m].length));
