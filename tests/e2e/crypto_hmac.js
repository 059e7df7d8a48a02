// HMAC vectors over several digests and every kind of key: strings (UTF-8 and with
// options.encoding), Buffers, other typed arrays, DataView, ArrayBuffer, empty and
// longer-than-a-block keys.
const crypto = require('crypto');

const keyBytes = Buffer.from('000102030405060708090a0b0c0d0e0f10111213', 'hex');
const keys = [
  ['string', 'Node'],
  ['utf8 string', 'clé ✓'],
  ['empty string', ''],
  ['Buffer', keyBytes],
  ['Uint8Array', new Uint8Array(keyBytes)],
  ['Uint32Array', new Uint32Array(new Uint8Array(keyBytes).buffer)],
  ['DataView', new DataView(new Uint8Array(keyBytes).buffer, 2, 10)],
  ['ArrayBuffer', new Uint8Array(keyBytes).buffer],
  ['long key', Buffer.alloc(200, 0xaa)],
  ['block-size key', Buffer.alloc(64, 0x0b)],
];
const digests = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256',
  'sha3-256', 'sha3-512', 'ripemd160', 'blake2b512', 'blake2s256', 'sm3', 'RSA-SHA256'];

for (const digest of digests) {
  for (const [label, key] of keys) {
    const mac = crypto.createHmac(digest, key).update('some data').update(' to hmac').digest('hex');
    console.log(digest, label, mac);
  }
}

// options.encoding decodes a string key.
console.log('hex key', crypto.createHmac('sha256', '0b0b0b0b', { encoding: 'hex' }).update('x').digest('hex'));
console.log('same', crypto.createHmac('sha256', Buffer.from('0b0b0b0b', 'hex')).update('x').digest('hex'));
console.log('base64 key', crypto.createHmac('sha1', 'a2V5', { encoding: 'base64' }).update('x').digest('base64'));
console.log('latin1 key', crypto.createHmac('sha1', 'clé', { encoding: 'latin1' }).update('x').digest('base64url'));

// RFC 4231 case 2 and RFC 2202 case 1.
console.log(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
console.log(crypto.createHmac('md5', Buffer.alloc(16, 0x0b)).update('Hi There').digest('hex'));

// Large input in pieces.
const h = crypto.createHmac('sha512', 'k');
for (let i = 0; i < 1024; i++) h.update(Buffer.alloc(1024, i & 0xff));
console.log('1MiB', h.digest('base64'));
