const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
function w(...args) {
  const b = Buffer.alloc(8, 0x2e);
  const n = b.write(...args);
  return [n, b];
}
const cases = [
  ['str', () => w('abc')],
  ['offset', () => w('abc', 2)],
  ['offset length', () => w('abcdef', 2, 3)],
  ['offset enc', () => w('6162', 1, 'hex')],
  ['enc only', () => w('6162', 'hex')],
  ['offset length enc', () => w('abcd', 1, 2, 'latin1')],
  ['truncate', () => w('abcdefghijk')],
  ['truncate utf8 boundary', () => w('aaaaaaa€')],
  ['truncate utf8 4byte', () => w('aaaaa𝄞')],
  ['ucs2 odd len', () => w('abcd', 0, 3, 'ucs2')],
  ['ucs2', () => w('a€', 'utf16le')],
  ['latin1 high', () => w('é€', 'latin1')],
  ['ascii', () => w('é€a', 'ascii')],
  ['base64', () => w('aGVsbG8=', 'base64')],
  ['base64url', () => w('-_-_', 'base64url')],
  ['empty', () => w('')],
  ['offset at end', () => w('abc', 8)],
  ['length 0', () => w('abc', 0, 0)],
  ['length > remaining', () => w('abcdef', 6, 5)],
  ['offset oob', () => w('abc', 9)],
  ['offset neg', () => w('abc', -1)],
  ['offset float', () => w('abc', 1.5)],
  ['offset str', () => w('abc', '1', 2)],
  ['length oob', () => w('abc', 0, 9)],
  ['length neg', () => w('abc', 0, -1)],
  ['length float', () => w('abc', 0, 1.5)],
  ['bad enc', () => w('abc', 0, 2, 'nope')],
  ['bad enc only', () => w('abc', 'nope')],
  ['null enc', () => w('abc', 0, 2, null)],
  ['not string', () => w(123)],
  ['not string w/ offset', () => w(123, 0)],
  ['not string bad offset', () => w(123, 99)],
  ['utf8Write', () => { const b = Buffer.alloc(4); return [b.utf8Write('é€'), b]; }],
  ['latin1Write offset', () => { const b = Buffer.alloc(4); return [b.latin1Write('xyzw', 1), b]; }],
  ['hexWrite len', () => { const b = Buffer.alloc(4); return [b.hexWrite('aabbcc', 0, 2), b]; }],
  ['ucs2Write', () => { const b = Buffer.alloc(5); return [b.ucs2Write('abc'), b]; }],
  ['asciiWrite', () => { const b = Buffer.alloc(2); return [b.asciiWrite('ab'), b]; }],
  ['base64Write', () => { const b = Buffer.alloc(3); return [b.base64Write('QUJD'), b]; }],
  ['base64urlWrite', () => { const b = Buffer.alloc(3); return [b.base64urlWrite('QUJD'), b]; }],
  ['xWrite offset oob', () => Buffer.alloc(2).latin1Write('a', 3)],
  ['xWrite offset neg', () => Buffer.alloc(2).latin1Write('a', -1)],
  ['xWrite not string', () => Buffer.alloc(2).latin1Write(1)],
  ['xWrite at end', () => Buffer.alloc(2).latin1Write('a', 2)],
];
for (const [label, fn] of cases) t(label, fn);
