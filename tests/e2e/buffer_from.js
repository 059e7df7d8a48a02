const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const ab = new ArrayBuffer(8);
new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
const cases = [
  ['string', () => Buffer.from('hello')],
  ['string utf8 multi', () => Buffer.from('héllo €𝄞')],
  ['string lone surrogate', () => Buffer.from('a\ud800b')],
  ['string empty', () => Buffer.from('')],
  ['string enc', () => Buffer.from('hi', 'utf16le')],
  ['string enc upper', () => Buffer.from('hi', 'UTF-16LE')],
  ['string enc null', () => Buffer.from('hi', null)],
  ['string enc bad', () => Buffer.from('hi', 'utf9')],
  ['string long', () => Buffer.from('x'.repeat(5000)).length],
  ['string long multi', () => Buffer.from('é'.repeat(3000)).length],
  ['array', () => Buffer.from([1, 2, 3])],
  ['array wrap', () => Buffer.from([256, -1, 1.7, '5', 'x', null])],
  ['array empty', () => Buffer.from([])],
  ['array-like', () => Buffer.from({ length: 3, 0: 1, 1: 2, 2: 3 })],
  ['array-like bad length', () => Buffer.from({ length: 'x', 0: 1 })],
  ['json object', () => Buffer.from({ type: 'Buffer', data: [4, 5] })],
  ['u16 array', () => Buffer.from(new Uint16Array([1, 256, 257]))],
  ['f64 array', () => Buffer.from(new Float64Array([1.5, -1]))],
  ['buffer copy', () => { const a = Buffer.from('ab'); const b = Buffer.from(a); b[0] = 0; return [a, b]; }],
  ['arraybuffer shared', () => { const b = Buffer.from(ab); b[0] = 9; return [b, new Uint8Array(ab)[0], b.buffer === ab]; }],
  ['arraybuffer offset', () => Buffer.from(ab, 2)],
  ['arraybuffer offset len', () => Buffer.from(ab, 2, 3)],
  ['arraybuffer offset str', () => Buffer.from(ab, '6')],
  ['arraybuffer offset NaN', () => Buffer.from(ab, 'x', 2)],
  ['arraybuffer len 0', () => Buffer.from(ab, 1, -3)],
  ['arraybuffer bad offset', () => Buffer.from(ab, 9)],
  ['arraybuffer bad len', () => Buffer.from(ab, 4, 5)],
  ['shared array buffer', () => Buffer.from(new SharedArrayBuffer(2))],
  ['valueOf string', () => Buffer.from(new String('abc'))],
  ['valueOf obj', () => Buffer.from({ valueOf() { return [7, 8]; } })],
  ['toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } })],
  ['toPrimitive enc', () => Buffer.from({ [Symbol.toPrimitive]() { return '6869'; } }, 'hex')],
  ['number', () => Buffer.from(5)],
  ['null', () => Buffer.from(null)],
  ['undefined', () => Buffer.from()],
  ['bool', () => Buffer.from(true)],
  ['symbol', () => Buffer.from(Symbol('s'))],
  ['plain object', () => Buffer.from({})],
  ['function', () => Buffer.from(function foo() {})],
  ['copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1)],
  ['copyBytesFrom len', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 0, 1)],
  ['copyBytesFrom bad', () => Buffer.copyBytesFrom([1, 2])],
  ['copyBytesFrom bad offset', () => Buffer.copyBytesFrom(new Uint8Array(2), -1)],
];
for (const [label, fn] of cases) t(label, fn);
