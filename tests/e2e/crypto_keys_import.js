'use strict';
// KeyObject import/export: every fixture format (PEM pkcs1/pkcs8/spki/sec1, encrypted PKCS#8
// and traditional PEM, DER, JWK) read back into the same key, exports byte-for-byte as Node
// writes them, details, equality, and Node's errors for bad input.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'crypto_keys');
const read = (name) => fs.readFileSync(path.join(dir, name));
const text = (name) => read(name).toString();
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const show = (v) => JSON.stringify(v, (k, x) => typeof x === 'bigint' ? `${x}n` : x);

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', typeof r === 'string' || Buffer.isBuffer(r) ? sha(r) : show(r));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

for (const name of ['rsa', 'rsa1024e3', 'pss', 'p256', 'p384', 'p521', 'k256', 'ed25519',
                    'x25519']) {
  const priv = crypto.createPrivateKey(text(`${name}_private.pem`));
  const pub = crypto.createPublicKey(text(`${name}_public.pem`));
  console.log(name, priv.type, pub.type, priv.asymmetricKeyType, show(priv.asymmetricKeyDetails),
              show(pub.asymmetricKeyDetails), priv instanceof crypto.KeyObject);
  // Exports are canonical: the PEM read is the PEM written.
  console.log('  pkcs8 same', priv.export({ type: 'pkcs8', format: 'pem' }) === text(`${name}_private.pem`));
  console.log('  spki same', pub.export({ type: 'spki', format: 'pem' }) === text(`${name}_public.pem`));
  const der = priv.export({ type: 'pkcs8', format: 'der' });
  console.log('  der', der.length, sha(der), crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).equals(priv));
  const spki = pub.export({ type: 'spki', format: 'der' });
  console.log('  spki der', spki.length, sha(spki), crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' }).equals(pub));
  console.log('  derived public', crypto.createPublicKey(priv).equals(pub),
              crypto.createPublicKey(text(`${name}_private.pem`)).equals(pub));
  if (name !== 'pss') {
    const jwk = priv.export({ format: 'jwk' });
    console.log('  jwk', Object.keys(jwk).join(','), sha(JSON.stringify(jwk)),
                show(pub.export({ format: 'jwk' })).length);
    console.log('  jwk back', crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(priv),
                crypto.createPublicKey({ key: jwk, format: 'jwk' }).equals(pub));
  } else {
    attempt('  jwk', () => priv.export({ format: 'jwk' }));
  }
  const enc = priv.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' });
  console.log('  encrypted', enc.split('\n')[0],
              crypto.createPrivateKey({ key: enc, passphrase: 'x' }).equals(priv));
  console.log('  equals', priv.equals(pub), pub.equals(crypto.createPublicKey(priv)));
}

const rsa = crypto.createPrivateKey(text('rsa_private.pem'));
console.log('pkcs1', rsa.export({ type: 'pkcs1', format: 'pem' }) === text('rsa_pkcs1.pem'),
            crypto.createPrivateKey(text('rsa_pkcs1.pem')).equals(rsa));
console.log('pkcs1 public', crypto.createPublicKey(rsa).export({ type: 'pkcs1', format: 'pem' }) === text('rsa_pkcs1_public.pem'),
            crypto.createPublicKey(text('rsa_pkcs1_public.pem')).equals(crypto.createPublicKey(rsa)));
console.log('pkcs1 der', crypto.createPrivateKey({ key: rsa.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' }).equals(rsa));
console.log('pkcs1 aes', crypto.createPrivateKey({ key: text('rsa_pkcs1_aes256.pem'), passphrase: 'secret' }).equals(rsa));
console.log('pkcs8 aes128', crypto.createPrivateKey({ key: text('rsa_pkcs8_aes128.pem'), passphrase: Buffer.from('secret') }).equals(rsa));
console.log('pkcs8 des3 der', crypto.createPrivateKey({ key: read('rsa_pkcs8_des3.der'), format: 'der', type: 'pkcs8', passphrase: 'secret' }).equals(rsa));
const p256 = crypto.createPrivateKey(text('p256_private.pem'));
console.log('sec1', p256.export({ type: 'sec1', format: 'pem' }) === text('p256_sec1.pem'),
            crypto.createPrivateKey(text('p256_sec1.pem')).equals(p256),
            crypto.createPrivateKey({ key: text('p256_sec1_aes.pem'), passphrase: 'pw' }).equals(p256));
const legacy = rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: 'p' });
console.log('legacy out', legacy.split('\n').slice(0, 2).join('|'),
            crypto.createPrivateKey({ key: legacy, passphrase: 'p' }).equals(rsa));

// Secret keys.
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
console.log('secret', secret.type, secret.symmetricKeySize, secret.export().toString(),
            show(secret.export({ format: 'jwk' })), secret.equals(crypto.createSecretKey('0123456789abcdef', 'utf8')),
            secret.equals(crypto.createSecretKey(Buffer.from('0123456789abcdeF'))));
console.log(secret, rsa, crypto.createPublicKey(rsa));
console.log(Object.prototype.toString.call(rsa), typeof crypto.KeyObject.from);

// Errors.
attempt('garbage', () => crypto.createPrivateKey('garbage'));
attempt('empty', () => crypto.createPublicKey(Buffer.alloc(0)));
attempt('bad base64', () => crypto.createPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'));
attempt('der short pkcs8', () => crypto.createPrivateKey({ key: Buffer.from([1, 2, 3]), format: 'der', type: 'pkcs8' }));
attempt('der short spki', () => crypto.createPublicKey({ key: Buffer.from([1, 2, 3]), format: 'der', type: 'spki' }));
attempt('der no type', () => crypto.createPrivateKey({ key: Buffer.from([1, 2, 3]), format: 'der' }));
attempt('wrong passphrase', () => crypto.createPrivateKey({ key: text('rsa_pkcs8_aes128.pem'), passphrase: 'nope' }));
attempt('no passphrase pem', () => crypto.createPrivateKey(text('rsa_pkcs8_aes128.pem')));
attempt('no passphrase der', () => crypto.createPrivateKey({ key: read('rsa_pkcs8_des3.der'), format: 'der', type: 'pkcs8' }));
attempt('public as private', () => crypto.createPrivateKey(text('rsa_public.pem')));
attempt('key object to private', () => crypto.createPrivateKey(rsa));
attempt('public from public object', () => crypto.createPublicKey(crypto.createPublicKey(rsa)));
attempt('public from secret', () => crypto.createPublicKey(secret));
attempt('number', () => crypto.createPublicKey(5));
attempt('secret number', () => crypto.createSecretKey(5));
attempt('export no options', () => rsa.export());
attempt('export pkcs1 ec', () => p256.export({ type: 'pkcs1', format: 'pem' }));
attempt('export sec1 rsa', () => rsa.export({ type: 'sec1', format: 'pem' }));
attempt('export public pkcs8', () => crypto.createPublicKey(rsa).export({ type: 'pkcs8', format: 'pem' }));
attempt('export bad format', () => rsa.export({ type: 'pkcs8', format: 'xml' }));
attempt('export bad cipher', () => rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'nope', passphrase: 'x' }));
attempt('export der pkcs1 cipher', () => rsa.export({ type: 'pkcs1', format: 'der', cipher: 'aes-128-cbc', passphrase: 'x' }));
attempt('export passphrase no cipher', () => rsa.export({ type: 'pkcs8', format: 'pem', passphrase: 'x' }));
attempt('jwk passphrase', () => rsa.export({ format: 'jwk', passphrase: 'x' }));
attempt('jwk bad kty', () => crypto.createPublicKey({ key: { kty: 'XYZ' }, format: 'jwk' }));
attempt('jwk missing n', () => crypto.createPublicKey({ key: { kty: 'RSA', e: 'AQAB' }, format: 'jwk' }));
attempt('jwk bad crv', () => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-999', x: 'AA', y: 'AA' }, format: 'jwk' }));
attempt('jwk okp short', () => crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, format: 'jwk' }));
attempt('equals number', () => rsa.equals(5));
attempt('new KeyObject', () => new crypto.KeyObject('secret', {}));
attempt('new KeyObject type', () => new crypto.KeyObject('nope', {}));

// An EC scalar with a leading zero byte (OpenSSH's mpint, as ssh2 writes SEC1 keys) is the same key.
{
  const sec1 = p256.export({ type: 'sec1', format: 'der' });
  const padded = Buffer.concat([Buffer.from([0x30, sec1[1] + 1, 2, 1, 1, 4, 33, 0]), sec1.subarray(7)]);
  console.log('padded scalar', crypto.createPrivateKey({ key: padded, format: 'der', type: 'sec1' }).equals(p256));
}
