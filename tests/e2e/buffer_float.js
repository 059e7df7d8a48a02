const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const values = [0, -0, 1, -1.5, 3.14159, 1e-40, 1e40, Infinity, -Infinity, NaN, 2 ** -1074, Number.MAX_VALUE, '2.5', null, undefined, {}, true];
for (const m of ['writeFloatLE', 'writeFloatBE', 'writeDoubleLE', 'writeDoubleBE']) {
  const read = m.replace('write', 'read');
  for (const v of values) {
    t(`${m}(${inspect(v)})`, () => { const b = Buffer.alloc(10, 0xee); const r = b[m](v, 1); return [r, b, b[read](1)]; });
  }
  t(`${m} default`, () => { const b = Buffer.alloc(8); b[m](1); return b; });
  t(`${m} oob`, () => Buffer.alloc(9)[m](1, 6));
  t(`${m} neg`, () => Buffer.alloc(9)[m](1, -1));
  t(`${m} float off`, () => Buffer.alloc(9)[m](1, 0.5));
  t(`${m} str off`, () => Buffer.alloc(9)[m](1, '1'));
  t(`${m} short`, () => Buffer.alloc(3)[m](1, 0));
  t(`${read} oob`, () => Buffer.alloc(9)[read](6));
  t(`${read} default`, () => Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0, 0])[read]());
  t(`${read} unaligned`, () => Buffer.from([1, 0, 0, 0x80, 0x3f, 0, 0, 0xf0, 0x3f])[read](1));
  t(`${read} nan bytes`, () => Buffer.alloc(8, 0xff)[read](0));
}
t('float precision', () => { const b = Buffer.alloc(4); b.writeFloatLE(0.1); return b.readFloatLE(); });
