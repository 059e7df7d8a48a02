'use strict';
// A secret KeyObject or CryptoKey works wherever node:crypto takes a secret key (HMAC, the
// ciphers; hkdf's ikm takes KeyObjects only); other key types get Node's errors.
const crypto = require('crypto');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, Buffer.isBuffer(r) ? r.toString('hex') :
      r instanceof ArrayBuffer ? Buffer.from(r).toString('hex') : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const secret = crypto.createSecretKey(Buffer.alloc(16, 3));
const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
show('hmac keyobject', () => crypto.createHmac('sha256', secret).update('x').digest());
show('hmac public', () => crypto.createHmac('sha256', publicKey));
show('cipher keyobject', () => {
  const c = crypto.createCipheriv('aes-128-cbc', secret, Buffer.alloc(16));
  return Buffer.concat([c.update('x'), c.final()]);
});
show('cipher public', () => crypto.createCipheriv('aes-128-cbc', publicKey, Buffer.alloc(16)));
show('hkdf keyobject', () => crypto.hkdfSync('sha256', secret, 'salt', 'info', 16));
show('pbkdf2 keyobject', () => crypto.pbkdf2Sync(secret, 'salt', 1, 16, 'sha256'));
show('plain object', () => crypto.createCipheriv('aes-128-cbc', { type: 'secret' }, Buffer.alloc(16)));

crypto.subtle.importKey('raw', Buffer.alloc(16, 3), 'AES-CBC', true, ['encrypt']).then((key) => {
  show('hmac cryptokey', () => crypto.createHmac('sha256', key).update('x').digest());
  show('cipher cryptokey', () => {
    const c = crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(16));
    return Buffer.concat([c.update('x'), c.final()]);
  });
  show('hkdf cryptokey', () => crypto.hkdfSync('sha256', key, 'salt', 'info', 16));
  show('keyobject from', () => crypto.KeyObject.from(key).export());
  show('constructor', () => key.constructor.name);
});
