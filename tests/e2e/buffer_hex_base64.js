const { Buffer } = require('buffer');
const { inspect } = require('util');
function t(label, fn) {
  try { console.log(label, inspect(fn())); } catch (e) { console.log(label, 'THROWS', e.code, e.name, e.message); }
}
const hexInputs = ['', '0', '00', 'abc', 'ABCDEF', 'aBcD', 'zz', 'abzz12', '12 34', 'g0', '0g', '123', 'ab\u0100cd', '-1'];
for (const s of hexInputs) t(`hex ${JSON.stringify(s)}`, () => Buffer.from(s, 'hex'));
const b64Inputs = ['', 'QQ', 'QQ=', 'QQ==', 'QUJD', 'QUJDRA', 'QUJDRA==', 'Q U J D', 'QU\nJD\r\n', 'QUJ=D', '=QUJD',
  'a-_b', 'a+/b', '!!!!', 'Q!Q', 'QUJDR', 'QUJDRA=x', '////', '____', 'aGVsbG8gd29ybGQ', '\u00e9QUJD'];
for (const s of b64Inputs) {
  t(`base64 ${JSON.stringify(s)}`, () => Buffer.from(s, 'base64'));
  t(`base64url ${JSON.stringify(s)}`, () => Buffer.from(s, 'base64url'));
}
for (let n = 0; n <= 7; n++) {
  const b = Buffer.from('\xfb\xff\xbe\x00\x01\x02\x03', 'latin1').subarray(0, n);
  t(`encode ${n}`, () => [b.toString('base64'), b.toString('base64url'), b.toString('hex')]);
}
t('write hex partial', () => { const b = Buffer.alloc(4); return [b.write('aabbzz', 'hex'), b]; });
t('write hex odd', () => { const b = Buffer.alloc(4); return [b.write('abc', 'hex'), b]; });
t('write hex small', () => { const b = Buffer.alloc(2); return [b.write('aabbccdd', 'hex'), b]; });
t('write hex invalid first', () => Buffer.alloc(2).write('xx', 'hex'));
t('write base64', () => { const b = Buffer.alloc(4); return [b.write('QUJDRA==', 'base64'), b]; });
t('write base64 small', () => { const b = Buffer.alloc(2); return [b.write('QUJDRA==', 1, 'base64'), b]; });
t('atob', () => require('buffer').atob('aGk='));
t('btoa', () => require('buffer').btoa('hi'));
t('two-byte hex', () => [Buffer.from('\u0161b', 'hex'), Buffer.from('ab\u0100cd', 'hex')]);
t('two-byte base64', () => [Buffer.from('QUJ\u0141', 'base64'), Buffer.from('a\ud83db', 'base64'), Buffer.from('\u20acQUJD', 'base64')]);
const long = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff));
const enc = long.toString('base64');
t('long roundtrip', () => Buffer.from(enc, 'base64').equals(long));
t('long with newlines', () => Buffer.from(enc.replace(/(.{76})/g, '$1\n'), 'base64').equals(long));
t('long with bad chars', () => Buffer.from(enc.slice(0, 400) + '!*' + enc.slice(400), 'base64').equals(long));
t('long url', () => Buffer.from(long.toString('base64url'), 'base64url').equals(long));
t('long stops at =', () => Buffer.from(enc.slice(0, 401) + '=' + enc.slice(401), 'base64').length);
t('long hex roundtrip', () => Buffer.from(long.toString('hex'), 'hex').equals(long));
t('long hex upper', () => Buffer.from(long.toString('hex').toUpperCase(), 'hex').equals(long));
t('long hex bad mid', () => Buffer.from(long.toString('hex').slice(0, 501) + 'x' + long.toString('hex').slice(502), 'hex').length);
t('write base64 into small', () => { const b = Buffer.alloc(10); return [b.write(enc, 'base64'), b]; });
