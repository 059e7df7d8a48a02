'use strict';
// node:crypto — so far hashes and HMACs (internal/crypto/hash), pbkdf2/hkdf/scrypt
// (internal/crypto/kdf), the random functions (internal/crypto/random), timingSafeEqual and
// Web Crypto's digest (internal/crypto/webcrypto), on binding.crypto. Ciphers, keys and
// signatures come later.

const { Hash, Hmac, hash } = require('internal/crypto/hash');
const { getHashes, timingSafeEqual } = require('internal/crypto/util');
const kdf = require('internal/crypto/kdf');
const random = require('internal/crypto/random');
const { webcrypto, subtle } = require('internal/crypto/webcrypto');
const cipher = require('internal/crypto/cipher');

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
  createHash,
  createHmac,
  getCiphers: cipher.getCiphers,
  getCipherInfo: cipher.getCipherInfo,
  getHashes,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  timingSafeEqual,
  hash,
  Cipher: cipher.Cipher,
  Cipheriv: cipher.Cipheriv,
  Decipher: cipher.Decipher,
  Decipheriv: cipher.Decipheriv,
  Hash,
  Hmac,
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
