const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const a = Buffer.from('abc');
const b = Buffer.from('abd');
const cases = [
  ['equals same', () => a.equals(a)],
  ['equals equal', () => a.equals(Buffer.from('abc'))],
  ['equals diff', () => a.equals(b)],
  ['equals len', () => a.equals(Buffer.from('ab'))],
  ['equals u8', () => a.equals(new Uint8Array([97, 98, 99]))],
  ['equals bad', () => a.equals('abc')],
  ['equals u16', () => a.equals(new Uint16Array(3))],
  ['compare', () => [a.compare(b), b.compare(a), a.compare(a), a.compare(Buffer.from('ab')), Buffer.from('ab').compare(a)]],
  ['compare empty', () => [Buffer.alloc(0).compare(Buffer.alloc(0)), Buffer.alloc(0).compare(a), a.compare(Buffer.alloc(0))]],
  ['compare ranges', () => [a.compare(b, 0, 2), a.compare(b, 0, 2, 0, 2), a.compare(b, 2, 3, 2, 3), a.compare(b, 1, 1), a.compare(b, 0, 3, 1, 1)]],
  ['compare ranges 2', () => [a.compare(b, 3), a.compare(b, 0, 3, 3), Buffer.from('xbc').compare(Buffer.from('bc'), 0, 2, 1)]],
  ['compare bad', () => a.compare('abc')],
  ['compare targetStart neg', () => a.compare(b, -1)],
  ['compare targetStart str', () => a.compare(b, '1')],
  ['compare targetStart float', () => a.compare(b, 1.5)],
  ['compare targetEnd oob', () => a.compare(b, 0, 4)],
  ['compare sourceStart', () => a.compare(b, 0, 3, -1)],
  ['compare sourceEnd oob', () => a.compare(b, 0, 3, 0, 4)],
  ['compare undefined args', () => a.compare(b, undefined, undefined, undefined, undefined)],
  ['compare high bytes', () => Buffer.from([0xff]).compare(Buffer.from([0x01]))],
  ['Buffer.compare', () => [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a)]],
  ['Buffer.compare u8', () => Buffer.compare(new Uint8Array([1]), new Uint8Array([2]))],
  ['Buffer.compare bad1', () => Buffer.compare('a', a)],
  ['Buffer.compare bad2', () => Buffer.compare(a, null)],
  ['sort', () => [Buffer.from('b'), Buffer.from('a'), Buffer.from('ab'), Buffer.from('')].sort(Buffer.compare).map(String)],
];
for (const [label, fn] of cases) t(label, fn);
const big = Buffer.alloc(300, 0x41);
for (const pos of [0, 3, 4, 63, 64, 100, 255, 299]) {
  const other = Buffer.from(big);
  other[pos] = 0x42;
  t(`big diff @${pos}`, () => [big.equals(other), big.compare(other), other.compare(big), Buffer.compare(big, other),
    big.compare(other, pos + 1, 300, pos + 1, 300), big.subarray(1).compare(other.subarray(1))]);
}
t('big unaligned', () => { const x = Buffer.alloc(301, 7); return [x.subarray(1).equals(Buffer.alloc(300, 7)), x.subarray(1).compare(Buffer.alloc(300, 8))]; });
t('big prefix', () => [big.compare(big.subarray(0, 200)), big.subarray(0, 200).compare(big)]);
