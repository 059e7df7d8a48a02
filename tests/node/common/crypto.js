'use strict';
// test/common/crypto: checks shared by the crypto key tests (PEM shapes, key sizes, and that a
// key pair really encrypts/decrypts and signs/verifies).

const assert = require('assert');
const crypto = require('crypto');

// RFC 2409's second Oakley group (1024-bit MODP), as a buffer.
const modp2buf = Buffer.from(
  'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a0879' +
  '8e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b' +
  '0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff', 'hex');

/** A key's length (chars of a PEM string, bytes of DER) within 10% of `expectedSize`. */
function assertApproximateSize(key, expectedSize) {
  const unit = typeof key === 'string' ? 'chars' : 'bytes';
  const min = Math.floor(0.9 * expectedSize);
  const max = Math.ceil(1.1 * expectedSize);
  assert(key.length >= min && key.length <= max,
         `Key (${key.length} ${unit}) is shorter or longer than expected (${min}-${max} ${unit})`);
}

/** Encrypting with the public key (or the private one) decrypts with the private key. */
function testEncryptDecrypt(publicKey, privateKey) {
  const message = 'Hello Node.js world!';
  const plaintext = Buffer.from(message, 'utf8');
  for (const key of [publicKey, privateKey]) {
    const ciphertext = crypto.publicEncrypt(key, plaintext);
    const received = crypto.privateDecrypt(privateKey, ciphertext);
    assert.strictEqual(received.toString('utf8'), message);
  }
}

/** Both signing APIs sign with the private key, and both verify APIs accept it. */
function testSignVerify(publicKey, privateKey) {
  const message = Buffer.from('Hello Node.js world!');
  const signers = [
    (algorithm, data, key) => crypto.sign(algorithm, data, key),
    (algorithm, data, key) => crypto.createSign(algorithm).update(data).sign(key),
  ];
  const verifiers = [
    (algorithm, data, key, signature) => crypto.verify(algorithm, data, key, signature),
    (algorithm, data, key, signature) =>
      crypto.createVerify(algorithm).update(data).verify(key, signature),
  ];
  for (const sign of signers) {
    const signature = sign('SHA256', message, privateKey);
    for (const verify of verifiers) {
      for (const key of [publicKey, privateKey]) {
        assert(verify('SHA256', message, key, signature), 'signature did not verify');
      }
    }
  }
}

// A PEM block with `label`, optionally with the RFC 1421 headers of an encrypted key.
function pemRegExp(label, cipher) {
  const dashes = '-----';
  const head = `${dashes}BEGIN ${label}${dashes}`;
  const encrypted = cipher == null ? '' :
    `\nProc-Type: 4,ENCRYPTED\nDEK-Info: ${cipher},[^\n]+\n`;
  const body = '(?:[a-zA-Z0-9+/=]{64}\n)*[a-zA-Z0-9+/=]{1,64}';
  const tail = `${dashes}END ${label}${dashes}`;
  return new RegExp(`^${head}${encrypted}\n${body}\n${tail}\n$`);
}

module.exports = {
  assertApproximateSize,
  hasOpenSSL3: typeof process.versions.openssl === 'string' &&
    Number(process.versions.openssl.split('.')[0]) >= 3,
  modp2buf,
  pkcs1EncExp: (cipher) => pemRegExp('RSA PRIVATE KEY', cipher),
  pkcs1PrivExp: pemRegExp('RSA PRIVATE KEY'),
  pkcs1PubExp: pemRegExp('RSA PUBLIC KEY'),
  pkcs8EncExp: pemRegExp('ENCRYPTED PRIVATE KEY'),
  pkcs8Exp: pemRegExp('PRIVATE KEY'),
  sec1EncExp: (cipher) => pemRegExp('EC PRIVATE KEY', cipher),
  sec1Exp: pemRegExp('EC PRIVATE KEY'),
  spkiExp: pemRegExp('PUBLIC KEY'),
  testEncryptDecrypt,
  testSignVerify,
};
