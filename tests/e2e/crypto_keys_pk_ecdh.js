'use strict';
// RSA encryption against Node's ciphertexts (OAEP with SHA-1, OAEP-SHA256 with a binary label),
// privateEncrypt (deterministic: PKCS#1 type 1) and publicDecrypt, round trips, errors; key
// agreement with fixed keys (ECDH, ECDH.convertKey, diffieHellman for EC and X25519); key
// generation shapes and errors.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { promisify } = require('util');

const dir = path.join(__dirname, 'crypto_keys');
const text = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const sigs = JSON.parse(text('signatures.json'));
const msg = Buffer.from('The quick brown fox jumps over the lazy dog');
const { RSA_NO_PADDING, RSA_PKCS1_PADDING } = crypto.constants;

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString('hex').slice(0, 32) : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const rsa = crypto.createPrivateKey(text('rsa_private.pem'));
const rsaPub = crypto.createPublicKey(rsa);
console.log('oaep node', crypto.privateDecrypt(rsa, Buffer.from(sigs.oaep_sha1, 'base64')).toString());
console.log('oaep label node', crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256', oaepLabel: Buffer.from([0, 1, 2, 0xff]) },
                                                     Buffer.from(sigs.oaep_sha256_label, 'base64')).toString());
const c1 = crypto.publicEncrypt(text('rsa_public.pem'), msg);
console.log('oaep self', c1.length, crypto.privateDecrypt(text('rsa_private.pem'), c1).equals(msg));
const c2 = crypto.publicEncrypt({ key: rsaPub, oaepHash: 'sha512', oaepLabel: 'label', encoding: 'utf8' }, 'text');
console.log('oaep sha512', crypto.privateDecrypt({ key: rsa, oaepHash: 'sha512', oaepLabel: 'label', encoding: 'utf8' }, c2).toString());
const pe = crypto.privateEncrypt(rsa, msg);
console.log('privateEncrypt', pe.toString('base64').slice(0, 60));
console.log('publicDecrypt', crypto.publicDecrypt(rsaPub, pe).toString(), crypto.publicDecrypt(rsa, pe).length);
const raw = Buffer.alloc(256, 7);
const rc = crypto.publicEncrypt({ key: rsaPub, padding: RSA_NO_PADDING }, raw);
console.log('no padding', crypto.privateDecrypt({ key: rsa, padding: RSA_NO_PADDING }, rc).equals(raw));
const pkcs1 = crypto.publicEncrypt({ key: rsaPub, padding: RSA_PKCS1_PADDING }, msg);
console.log('pkcs1 enc', pkcs1.length);
attempt('pkcs1 dec', () => crypto.privateDecrypt({ key: rsa, padding: RSA_PKCS1_PADDING }, pkcs1));
attempt('oaep wrong label', () => crypto.privateDecrypt({ key: rsa, oaepLabel: Buffer.from('x') }, c1));
attempt('oaep garbage', () => crypto.privateDecrypt(rsa, Buffer.alloc(256, 1)));
attempt('too long', () => crypto.publicEncrypt(rsaPub, Buffer.alloc(250)));
attempt('pkcs1 too long', () => crypto.publicEncrypt({ key: rsaPub, padding: RSA_PKCS1_PADDING }, Buffer.alloc(250)));
attempt('bad padding', () => crypto.publicEncrypt({ key: rsaPub, padding: 7 }, msg));
attempt('bad oaepHash', () => crypto.publicEncrypt({ key: rsaPub, oaepHash: 'nope' }, msg));
attempt('bad label type', () => crypto.publicEncrypt({ key: rsaPub, oaepLabel: 5 }, msg));
attempt('publicDecrypt garbage', () => crypto.publicDecrypt(rsaPub, Buffer.alloc(256, 1)));
attempt('ec encrypt', () => crypto.publicEncrypt(text('p256_public.pem'), msg));
attempt('pss encrypt', () => crypto.publicEncrypt(text('pss_public.pem'), msg));

// ECDH with fixed keys: the scalars from the fixtures' JWKs.
const jwk1 = crypto.createPrivateKey(text('p256_private.pem')).export({ format: 'jwk' });
const jwk2 = crypto.createPrivateKey(text('p256b_private.pem')).export({ format: 'jwk' });
const a = crypto.createECDH('prime256v1');
a.setPrivateKey(jwk1.d, 'base64url');
const b = crypto.createECDH('prime256v1');
attempt('ecdh nist name', () => crypto.createECDH('P-256'));
b.setPrivateKey(Buffer.from(jwk2.d, 'base64url'));
console.log('ecdh pub', a.getPublicKey('hex').slice(0, 40), a.getPublicKey('hex', 'compressed'),
            a.getPublicKey('base64', 'hybrid').slice(0, 10));
const s1 = a.computeSecret(b.getPublicKey());
console.log('ecdh secret', s1.toString('hex'), b.computeSecret(a.getPublicKey('hex', 'compressed'), 'hex', 'hex') === s1.toString('hex'));
console.log('ecdh private', a.getPrivateKey('base64url') === jwk1.d);
console.log('diffieHellman ec', crypto.diffieHellman({
  privateKey: crypto.createPrivateKey(text('p256_private.pem')),
  publicKey: crypto.createPublicKey(text('p256b_public.pem')) }).equals(s1));
const x = crypto.diffieHellman({ privateKey: crypto.createPrivateKey(text('x25519_private.pem')),
                                 publicKey: crypto.createPublicKey(text('x25519b_public.pem')) });
console.log('diffieHellman x25519', x.toString('hex'), x.equals(crypto.diffieHellman({
  privateKey: crypto.createPrivateKey(text('x25519b_private.pem')),
  publicKey: crypto.createPublicKey(text('x25519_private.pem')) })));
const compressed = crypto.ECDH.convertKey(a.getPublicKey(), 'prime256v1', undefined, 'hex', 'compressed');
console.log('convertKey', compressed, crypto.ECDH.convertKey(compressed, 'prime256v1', 'hex', 'hex') === a.getPublicKey('hex'));
const k = crypto.createECDH('secp256k1');
console.log('secp256k1', k.generateKeys().length, k.getPrivateKey().length <= 32, crypto.getCurves().includes('secp256k1'));
attempt('ecdh bad curve', () => crypto.createECDH('nope'));
attempt('ecdh bad point', () => a.computeSecret(Buffer.alloc(65, 1)));
attempt('ecdh bad private', () => crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32)));
attempt('ecdh no keys', () => crypto.createECDH('prime256v1').getPublicKey());
attempt('ecdh bad format', () => a.getPublicKey('hex', 'weird'));
attempt('convertKey bad', () => crypto.ECDH.convertKey(Buffer.alloc(65, 3), 'prime256v1'));
attempt('dh mixed', () => crypto.diffieHellman({ privateKey: crypto.createPrivateKey(text('x25519_private.pem')),
                                                 publicKey: crypto.createPublicKey(text('p256_public.pem')) }));
attempt('dh rsa', () => crypto.diffieHellman({ privateKey: rsa, publicKey: rsaPub }));
attempt('dh not keys', () => crypto.diffieHellman({ privateKey: 1, publicKey: rsaPub }));

// Generation.
for (const [type, opts] of [['rsa', { modulusLength: 1024 }], ['rsa', { modulusLength: 768, publicExponent: 3 }],
                            ['rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha384', saltLength: 12 }],
                            ['rsa-pss', { modulusLength: 1024 }],
                            ['ec', { namedCurve: 'P-384' }], ['ec', { namedCurve: 'secp256k1' }],
                            ['ed25519'], ['x25519']]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, opts);
  console.log('gen', type, privateKey.asymmetricKeyType, publicKey.asymmetricKeyDetails,
              crypto.createPublicKey(privateKey).equals(publicKey));
}
const enc = crypto.generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'der' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top secret' },
});
console.log('gen encoded', enc.publicKey.length, enc.privateKey.split('\n')[0],
            crypto.createPrivateKey({ key: enc.privateKey, passphrase: 'top secret' }).asymmetricKeyType);
const jwkPair = crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } });
console.log('gen jwk', Object.keys(jwkPair.publicKey), Object.keys(jwkPair.privateKey));
attempt('gen small rsa', () => crypto.generateKeyPairSync('rsa', { modulusLength: 256 }));
attempt('gen even exponent', () => crypto.generateKeyPairSync('rsa', { modulusLength: 512, publicExponent: 4 }));
attempt('gen no length', () => crypto.generateKeyPairSync('rsa', {}));
attempt('gen bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-999' }));
attempt('gen bad type', () => crypto.generateKeyPairSync('rsa3', {}));
attempt('gen pkcs1 for ec', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }));
attempt('gen bad cipher', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'xyz', passphrase: 'a' } }));
attempt('gen secret hmac', () => crypto.generateKeySync('hmac', { length: 123 }).symmetricKeySize);
attempt('gen secret aes', () => crypto.generateKeySync('aes', { length: 192 }).symmetricKeySize);
attempt('gen secret bad', () => crypto.generateKeySync('aes', { length: 100 }));
crypto.generateKeyPair('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }, (err, pub, priv) => {
  console.log('async gen', err, pub.split('\n')[0], priv.asymmetricKeyDetails.modulusLength);
  promisify(crypto.generateKeyPair)('ed25519').then(({ publicKey, privateKey }) => {
    console.log('promisified', publicKey.type, privateKey.type);
    crypto.generateKeyPair('rsa', { modulusLength: 100 }, (e) => console.log('async error', e.message));
  });
});
crypto.generateKey('hmac', { length: 256 }, (err, key) => console.log('async secret', err, key.symmetricKeySize));

// secp224r1 (P-224): keys, ECDSA both ways, ECDH, and no JWK form.
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-224' });
  console.log('p224', JSON.stringify(privateKey.asymmetricKeyDetails), publicKey.export({ type: 'spki', format: 'der' }).length);
  const s = crypto.sign('sha256', Buffer.from('p224'), privateKey);
  console.log('p224 ecdsa', crypto.verify('sha256', Buffer.from('p224'), publicKey, s),
              crypto.sign('sha256', Buffer.from('p224'), { key: privateKey, dsaEncoding: 'ieee-p1363' }).length);
  attempt('p224 jwk', () => publicKey.export({ format: 'jwk' }));
  attempt('p224 private jwk', () => privateKey.export({ format: 'jwk' }));
  const a = crypto.createECDH('secp224r1');
  const b = crypto.createECDH('secp224r1');
  a.generateKeys();
  b.generateKeys();
  console.log('p224 ecdh', a.getPublicKey().length, a.computeSecret(b.getPublicKey()).equals(b.computeSecret(a.getPublicKey())));
  attempt('p224 nist name for ECDH', () => crypto.createECDH('P-224'));
}
