const buffer = require('buffer');
const { Buffer } = buffer;
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
t('keys', () => Object.keys(buffer));
t('constants', () => buffer.constants);
t('kMaxLength', () => [buffer.kMaxLength, buffer.kStringMaxLength, buffer.constants.MAX_LENGTH === buffer.kMaxLength]);
t('Buffer statics', () => Object.getOwnPropertyNames(Buffer).sort());
t('proto names', () => Object.getOwnPropertyNames(Buffer.prototype));
t('for in', () => { const k = []; for (const x in Buffer.alloc(1)) k.push(x); return k.length; });
t('poolSize desc', () => Object.getOwnPropertyDescriptor(Buffer, 'poolSize'));
t('species', () => [Buffer[Symbol.species] === Buffer, Buffer[Symbol.species].name]);
t('atob/btoa', () => [buffer.atob('aGVsbG8='), buffer.btoa('hello'), buffer.atob === globalThis.atob]);
t('isUtf8', () => [
  buffer.isUtf8(Buffer.from('héllo €𝄞')), buffer.isUtf8(Buffer.from([0xff])), buffer.isUtf8(Buffer.from([0xc0, 0x80])),
  buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])), buffer.isUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])),
  buffer.isUtf8(Buffer.from([0xe2, 0x82])), buffer.isUtf8(new ArrayBuffer(3)), buffer.isUtf8(new Uint16Array([0x4141])),
  buffer.isUtf8(Buffer.alloc(0)), buffer.isUtf8(Buffer.from([0xef, 0xbb, 0xbf])),
]);
t('isUtf8 bad', () => buffer.isUtf8('abc'));
t('isUtf8 none', () => buffer.isUtf8());
t('isAscii', () => [buffer.isAscii(Buffer.from('abc')), buffer.isAscii(Buffer.from('é')), buffer.isAscii(new ArrayBuffer(2)), buffer.isAscii(Buffer.alloc(0))]);
t('isAscii bad', () => buffer.isAscii([1]));
t('transcode utf8->ucs2', () => buffer.transcode(Buffer.from('€é'), 'utf8', 'ucs2'));
t('transcode ucs2->utf8', () => buffer.transcode(Buffer.from('€é', 'ucs2'), 'utf16le', 'utf8'));
t('transcode utf8->latin1', () => buffer.transcode(Buffer.from('€é'), 'utf8', 'latin1'));
t('transcode utf8->ascii', () => buffer.transcode(Buffer.from('a€é𝄞'), 'utf8', 'ascii'));
t('transcode latin1->utf8', () => buffer.transcode(Buffer.from([0xe9, 0x41]), 'latin1', 'utf8'));
t('transcode binary->ascii', () => buffer.transcode(Buffer.from([0xe9, 0x41]), 'binary', 'ascii'));
t('transcode same', () => buffer.transcode(Buffer.from('ab'), 'utf8', 'utf8'));
t('transcode empty', () => buffer.transcode(Buffer.alloc(0), 'utf8', 'hex'));
t('transcode hex', () => buffer.transcode(Buffer.from('a'), 'utf8', 'hex'));
t('transcode bad', () => buffer.transcode('a', 'utf8', 'ucs2'));
t('transcode u8', () => buffer.transcode(new Uint8Array([0x41]), 'latin1', 'ucs2'));
t('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('')]));
t('concat length', () => Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3));
t('concat longer', () => Buffer.concat([Buffer.from('ab')], 5));
t('concat empty', () => Buffer.concat([]));
t('concat empty len', () => Buffer.concat([], 5));
t('concat single copies', () => { const a = Buffer.from('x'); const c = Buffer.concat([a]); c[0] = 0; return a; });
t('concat bad list', () => Buffer.concat('ab'));
t('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
t('concat bad item len', () => Buffer.concat([Buffer.from('a'), 'b'], 1));
t('concat bad length', () => Buffer.concat([Buffer.from('a')], -1));
t('concat length str', () => Buffer.concat([Buffer.from('a')], '1'));
t('Buffer()', () => typeof Buffer);
t('SlowBuffer proto', () => Object.getPrototypeOf(buffer.SlowBuffer.prototype) === Uint8Array.prototype);
t('resolveObjectURL', () => buffer.resolveObjectURL('blob:nodedata:nope'));
t('require node:buffer', () => require('node:buffer') === buffer);
