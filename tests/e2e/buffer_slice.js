const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const b = Buffer.from('abcdefgh');
const cases = [
  ['slice()', () => b.slice()],
  ['slice(2)', () => b.slice(2)],
  ['slice(2,5)', () => b.slice(2, 5)],
  ['slice(-3)', () => b.slice(-3)],
  ['slice(-3,-1)', () => b.slice(-3, -1)],
  ['slice(-100)', () => b.slice(-100)],
  ['slice(100)', () => b.slice(100)],
  ['slice(5,2)', () => b.slice(5, 2)],
  ['slice(1.9,3.1)', () => b.slice(1.9, 3.1)],
  ['slice("2","4")', () => b.slice('2', '4')],
  ['slice(NaN,NaN)', () => b.slice(NaN, NaN)],
  ['slice(0,undefined)', () => b.slice(0, undefined)],
  ['slice(0,null)', () => b.slice(0, null)],
  ['slice(Infinity)', () => b.slice(-Infinity, Infinity)],
  ['subarray(1,3)', () => b.subarray(1, 3)],
  ['subarray(-2)', () => b.subarray(-2)],
  ['is Buffer', () => [b.slice(1) instanceof Buffer, b.subarray(1).constructor.name]],
  ['shared', () => { const c = Buffer.from('xyz'); const s = c.slice(1); s[0] = 0x41; c[2] = 0x42; return [c, s]; }],
  ['shared buffer', () => { const s = b.slice(2); return [s.buffer === b.buffer, s.byteOffset - b.byteOffset]; }],
  ['parent', () => [b.parent === b.buffer, b.slice(3).offset - b.offset]],
  ['parent of u8', () => Object.getOwnPropertyDescriptor(Buffer.prototype, 'parent').get.call(new Uint8Array(2))],
  ['offset of u8', () => Object.getOwnPropertyDescriptor(Buffer.prototype, 'offset').get.call(new Uint8Array(2))],
  ['u8 subarray', () => Uint8Array.prototype.subarray.call(b, 1, 3)],
  ['u8 slice copies', () => { const s = Uint8Array.prototype.slice.call(b, 0, 2); s[0] = 0; return [s, b[0]]; }],
  ['length', () => [b.length, b.byteLength, b.slice(2, 4).length]],
  ['for of', () => [...Buffer.from('hi')]],
  ['entries', () => [...Buffer.from('hi').entries()]],
  ['keys', () => [...Buffer.from('hi').keys()]],
  ['values', () => [...Buffer.from('hi').values()]],
  ['toJSON', () => Buffer.from('hi').toJSON()],
  ['toJSON empty', () => Buffer.alloc(0).toJSON()],
  ['JSON.stringify', () => JSON.stringify({ b: Buffer.from([1, 255]) })],
  ['JSON roundtrip', () => Buffer.from(JSON.parse(JSON.stringify(Buffer.from('ok'))))],
  ['Array.from', () => Array.from(Buffer.from('ab'))],
  ['index oob', () => [b[100], b[-1]]],
  ['set index', () => { const c = Buffer.alloc(2); c[0] = 300; c[1] = -1; return c; }],
];
for (const [label, fn] of cases) t(label, fn);
