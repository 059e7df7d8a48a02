'use strict';
// node:crypto - so far hashes and HMACs (internal/crypto/hash), pbkdf2/hkdf/scrypt
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
const { codes, validateString, validateNumber } = require('internal/errors');
const workerState = require('internal/worker/state');

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function getRandomValues(array) {
  return webcrypto.getRandomValues(array);
}

// Eddy's crypto has no FIPS provider, no OpenSSL engines and no secure heap: these answer as
// Node does on an OpenSSL build without them.
function getFips() {
  return 0;
}

function setFips(val) {
  if (!workerState.isMainThread) throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('Calling crypto.setFips()');
  if (!val) return;
  // What OpenSSL 3 reports when its FIPS provider cannot be loaded.
  const err = new Error('error:12800067:DSO support routines::could not load the shared library');
  err.library = 'DSO support routines';
  err.reason = 'could not load the shared library';
  err.code = 'ERR_OSSL_DSO_COULD_NOT_LOAD_THE_SHARED_LIBRARY';
  throw err;
}

function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags !== undefined) validateNumber(flags, 'flags');
  throw new codes.ERR_CRYPTO_ENGINE_UNKNOWN(id);
}

function secureHeapUsed() {
  return { total: 0, used: 0, utilization: 0, min: 0 };
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
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify: sig.verifyOneShot,
  hash,
  Certificate: require('internal/crypto/certificate').Certificate,
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
  secureHeapUsed,
  constants: require('internal/crypto/constants'),
  webcrypto,
  subtle,
  getRandomValues,
};

// crypto.fips: the FIPS mode as a property (deprecated by DEP0093, not enumerable).
Object.defineProperty(module.exports, 'fips', {
  get: getFips, set: setFips, enumerable: false, configurable: false,
});

// Old aliases of randomBytes, hidden from enumeration; --pending-deprecation warns on use.
const pendingDeprecation = require('internal/options').getOptionValue('--pending-deprecation') ||
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
