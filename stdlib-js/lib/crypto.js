'use strict';
// node:crypto — so far hashes and HMACs (internal/crypto/hash), pbkdf2/hkdf/scrypt
// (internal/crypto/kdf), the random functions (internal/crypto/random), timingSafeEqual and
// Web Crypto (internal/crypto/webcrypto), ciphers (internal/crypto/cipher), KeyObject and key
// generation (internal/crypto/keys), signatures (internal/crypto/sig), RSA encryption
// (internal/crypto/cipher_pk) and ECDH (internal/crypto/diffiehellman), on binding.crypto.

const { Hash, Hmac, hash } = require('internal/crypto/hash');
const { getHashes, timingSafeEqual } = require('internal/crypto/util');
const kdf = require('internal/crypto/kdf');
const random = require('internal/crypto/random');
const { webcrypto, subtle } = require('internal/crypto/webcrypto');
const cipher = require('internal/crypto/cipher');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');
const pk = require('internal/crypto/cipher_pk');
const dh = require('internal/crypto/diffiehellman');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function getRandomValues(array) {
  return webcrypto.getRandomValues(array);
}

// The same order as Node's exports.
module.exports = {
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  createDiffieHellman: dh.createDiffieHellman,
  createDiffieHellmanGroup: dh.getDiffieHellman,
  createECDH: dh.createECDH,
  createHash,
  createHmac,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSecretKey: keys.createSecretKey,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  diffieHellman: dh.diffieHellman,
  getCiphers: cipher.getCiphers,
  getCipherInfo: cipher.getCipherInfo,
  getCurves: dh.getCurves,
  getDiffieHellman: dh.getDiffieHellman,
  getHashes,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  generateKeyPair: keys.generateKeyPair,
  generateKeyPairSync: keys.generateKeyPairSync,
  generateKey: keys.generateKey,
  generateKeySync: keys.generateKeySync,
  privateDecrypt: pk.privateDecrypt,
  privateEncrypt: pk.privateEncrypt,
  publicDecrypt: pk.publicDecrypt,
  publicEncrypt: pk.publicEncrypt,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  generatePrime: random.generatePrime,
  generatePrimeSync: random.generatePrimeSync,
  checkPrime: random.checkPrime,
  checkPrimeSync: random.checkPrimeSync,
  randomUUID: random.randomUUID,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  sign: sig.signOneShot,
  timingSafeEqual,
  verify: sig.verifyOneShot,
  hash,
  Cipher: cipher.Cipher,
  Cipheriv: cipher.Cipheriv,
  Decipher: cipher.Decipher,
  Decipheriv: cipher.Decipheriv,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  ECDH: dh.ECDH,
  Hash,
  Hmac,
  KeyObject: keys.KeyObject,
  Sign: sig.Sign,
  Verify: sig.Verify,
  X509Certificate: require('internal/crypto/x509').X509Certificate,
  constants: require('internal/crypto/constants'),
  webcrypto,
  subtle,
  getRandomValues,
};

// Old aliases of randomBytes, hidden from enumeration; --pending-deprecation warns on use.
const pendingDeprecation = process.execArgv.includes('--pending-deprecation') ||
  /^(1|true)$/i.test(process.env.NODE_PENDING_DEPRECATION || '');
// The password forms of the cipher constructors are deprecated (DEP0106) and not enumerable.
{
  const { deprecate } = require('util');
  for (const [name, fn] of [['createCipher', cipher.createCipher],
                            ['createDecipher', cipher.createDecipher]]) {
    Object.defineProperty(module.exports, name, {
      value: deprecate(fn, 'crypto.createCipher is deprecated.', 'DEP0106'),
      writable: false, enumerable: false, configurable: false,
    });
  }
}

for (const name of ['prng', 'pseudoRandomBytes', 'rng']) {
  const value = pendingDeprecation ?
    require('util').deprecate(random.randomBytes, `crypto.${name} is deprecated.`, 'DEP0115') :
    random.randomBytes;
  Object.defineProperty(module.exports, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
}
