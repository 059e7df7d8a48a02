const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const b = Buffer.from('abcabc€abc');
const offsets = [undefined, 0, 1, 3, 4, -1, -3, -100, 100, 1.5, '1', null, NaN, {}, 'latin1'];
const needles = ['a', 'bc', 'abc', '€', '', 'zz', 98, 98 + 256, -158, 0, Buffer.from('ca'), Buffer.alloc(0), new Uint8Array([99])];
for (const n of needles) {
  for (const o of offsets) {
    const l = `${inspect(n)} @ ${inspect(o)}`;
    t(`indexOf ${l}`, () => b.indexOf(n, o));
    t(`lastIndexOf ${l}`, () => b.lastIndexOf(n, o));
  }
}
const cases = [
  ['includes', () => [b.includes('€'), b.includes('x'), b.includes(99, 9), b.includes('abc', -3)]],
  ['hex needle', () => b.indexOf('6361', 0, 'hex')],
  ['base64 needle', () => b.indexOf('Y2E=', 'base64')],
  ['latin1 needle', () => Buffer.from('x\u00e9y', 'latin1').indexOf('\u00e9', 0, 'latin1')],
  ['ucs2 needle', () => Buffer.from('abcb', 'ucs2').indexOf('b', 0, 'ucs2')],
  ['ucs2 last', () => Buffer.from('abcb', 'ucs2').lastIndexOf('b', undefined, 'ucs2')],
  ['ucs2 aligned', () => Buffer.from('\u0000b\u0000c\u0000', 'latin1').indexOf('b', 0, 'ucs2')],
  ['ucs2 odd offset', () => Buffer.from('abab', 'ucs2').indexOf('b', 3, 'ucs2')],
  ['ucs2 buffer needle', () => Buffer.from('abab', 'ucs2').indexOf(Buffer.from('b\u0000', 'latin1'), 0, 'ucs2')],
  ['ucs2 short haystack', () => Buffer.from('a').indexOf('a', 0, 'ucs2')],
  ['empty haystack', () => [Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(''), Buffer.alloc(0).lastIndexOf(''), Buffer.alloc(0).indexOf(97)]],
  ['bad enc', () => b.indexOf('a', 0, 'nope')],
  ['bad enc number', () => b.indexOf(97, 0, 'nope')],
  ['bad enc buffer', () => b.indexOf(Buffer.from('c'), 0, 'nope')],
  ['bad value', () => b.indexOf({})],
  ['bad value bool', () => b.indexOf(true)],
  ['bad value null', () => b.lastIndexOf(null)],
  ['big haystack', () => { const h = Buffer.alloc(100000, 0x61); h.write('xyz', 77777); return [h.indexOf('xyz'), h.lastIndexOf('xyz'), h.indexOf('xyz', 77778)]; }],
];
for (const [label, fn] of cases) t(label, fn);
