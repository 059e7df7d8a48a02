const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const encs = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'UCS2', 'latin1', 'binary',
  'ascii', 'ASCII', 'base64', 'base64url', 'hex', 'HEX', 'Latin1'];
const inputs = ['hello', 'héllo wörld', '€ 𝄞 ☃', '\u0000\u007f\u0080\u00ff', 'a\ud83db', ''];
for (const enc of encs) {
  for (const s of inputs) {
    t(`${enc} ${JSON.stringify(s)}`, () => {
      const b = Buffer.from(s, enc);
      return [b, b.toString(enc), Buffer.byteLength(s, enc)];
    });
  }
}
const bytes = Buffer.from([0x00, 0x41, 0x7f, 0x80, 0xc3, 0xa9, 0xff, 0xfe, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98]);
for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
  t(`decode ${enc}`, () => bytes.toString(enc));
  t(`decode odd ${enc}`, () => bytes.subarray(1, 6).toString(enc));
}
t('invalid utf8 seqs', () => Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe2, 0x82, 0x41]).toString());
t('bom kept', () => Buffer.from([0xef, 0xbb, 0xbf, 0x41]).toString().length);
t('ascii high', () => Buffer.from([0xff, 0x80, 0x41, 0xc8]).toString('ascii'));
t('long latin1', () => { const s = Buffer.alloc(20000, 0xe9).toString('latin1'); return [s.length, s.charCodeAt(19999)]; });
t('long ascii', () => Buffer.alloc(20000, 0xc1).toString('ascii').slice(0, 5));
t('long ucs2', () => Buffer.from('ab'.repeat(10000), 'ucs2').toString('ucs2').length);
t('ucs2 unaligned', () => Buffer.from([0, 0x61, 0, 0x62, 0]).subarray(1).toString('ucs2'));
t('long hex', () => Buffer.alloc(1000, 0xab).toString('hex').length);
t('long base64', () => { const s = Buffer.alloc(1000, 0xfb).toString('base64'); return [s.length, s.slice(-4)]; });
t('isEncoding', () => ['utf8', 'UTF-8', 'hex', 'binary', 'ucs-2', 'base64url', 'utf16', 'latin', '', null, 1, 'buffer']
  .map((e) => Buffer.isEncoding(e)));
t('byteLength default', () => [Buffer.byteLength('€'), Buffer.byteLength('𝄞'), Buffer.byteLength('\ud800'), Buffer.byteLength('\ud800\ud800x')]);
t('byteLength base64', () => ['', 'QQ', 'QQ==', 'QUI=', 'QUJD', 'QUJD\n', 'a'].map((s) => Buffer.byteLength(s, 'base64')));
t('byteLength hex', () => ['', 'a', 'ab', 'abc', 'zz'].map((s) => Buffer.byteLength(s, 'hex')));
t('byteLength bad enc', () => Buffer.byteLength('€', 'nope'));
t('byteLength views', () => [Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(5)), Buffer.byteLength(new DataView(new ArrayBuffer(4)))]);
t('byteLength bad', () => Buffer.byteLength(5));
t('byteLength obj', () => Buffer.byteLength({}));
