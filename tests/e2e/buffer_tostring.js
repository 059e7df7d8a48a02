const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const b = Buffer.from('hello world');
const cases = [
  ['no args', () => b.toString()],
  ['undefined enc', () => b.toString(undefined)],
  ['range', () => b.toString('utf8', 2, 5)],
  ['start only', () => b.toString('utf8', 6)],
  ['neg start', () => b.toString('utf8', -3)],
  ['start past end', () => b.toString('utf8', 20)],
  ['end past', () => b.toString('utf8', 0, 100)],
  ['end < start', () => b.toString('utf8', 5, 2)],
  ['float range', () => b.toString('utf8', 1.7, 4.2)],
  ['string range', () => b.toString('utf8', '1', '3')],
  ['NaN range', () => b.toString('utf8', NaN, NaN)],
  ['null range', () => b.toString('utf8', null, null)],
  ['end undefined', () => b.toString('hex', 8, undefined)],
  ['bad enc', () => b.toString('nope')],
  ['empty enc', () => b.toString('')],
  ['null enc', () => b.toString(null)],
  ['num enc', () => b.toString(1)],
  ['bad enc empty range', () => b.toString('nope', 5, 2)],
  ['toLocaleString', () => b.toLocaleString('hex', 0, 2)],
  ['template', () => `${b}`],
  ['concat', () => 'x' + Buffer.from('y')],
  ['utf8Slice', () => b.utf8Slice(0, 5)],
  ['utf8Slice default', () => b.utf8Slice()],
  ['latin1Slice', () => b.latin1Slice(6)],
  ['hexSlice', () => b.hexSlice(0, 2)],
  ['base64Slice', () => b.base64Slice(0, 4)],
  ['base64urlSlice', () => Buffer.from([0xfb, 0xff]).base64urlSlice()],
  ['asciiSlice', () => b.asciiSlice(1, 3)],
  ['ucs2Slice', () => Buffer.from('hi', 'ucs2').ucs2Slice()],
  ['slice end < start', () => b.latin1Slice(5, 1)],
  ['slice oob end', () => b.latin1Slice(0, 100)],
  ['slice oob start', () => b.latin1Slice(100)],
  ['slice neg', () => b.latin1Slice(-1)],
  ['slice empty buf', () => Buffer.alloc(0).latin1Slice(5, 10)],
  ['split utf8', () => Buffer.from('€').toString('utf8', 0, 2)],
  ['utf8 4byte partial', () => Buffer.from('𝄞').toString('utf8', 1)],
  ['String()', () => String(Buffer.from([0xe2, 0x82, 0xac]))],
];
for (const [label, fn] of cases) t(label, fn);
