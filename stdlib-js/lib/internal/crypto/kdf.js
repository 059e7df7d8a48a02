'use strict';
// Key derivation for node:crypto: pbkdf2/pbkdf2Sync, hkdf/hkdfSync, scrypt/scryptSync. JS
// checks every argument as Node does (the natives trust them); the native call derives the
// bytes at once, or on the worker pool and calls back with them (or null on failure).
// Natives: binding.crypto.pbkdf2/hkdf/scrypt (bindings/src/crypto_hash.rs).

const {
  codes,
  validateFunction,
  validateInt32,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/errors');
const {
  digestInfo,
  getArrayBufferOrView,
  isAnyArrayBuffer,
  nativeError,
  secretKeyBytes,
  toBuffer,
} = require('internal/crypto/util');
const { bindToCurrent } = require('internal/async_context');

const {
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = codes;

const native = binding.crypto;
const kMaxLength = 2 ** 32;

function derivingFailed() {
  return new Error('Deriving bits failed');
}

function invalidDigest(digest) {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
}

/**
 * Checks that `digest` can key an HMAC: throws for an unknown name; false for one that exists
 * but cannot (an XOF), which Node reports as a failed derivation.
 */
function macDigest(digest) {
  const info = digestInfo(digest);
  if (info === undefined) throw invalidDigest(digest);
  return info.xof ? undefined : info;
}

/**
 * `callback` bound to the current async context as a resource of `type`, and to the active
 * domain (which itself only binds timer and nextTick callbacks).
 */
function bindCallback(callback, type) {
  const done = bindToCurrent(callback, type);
  const domain = process.domain;
  return domain ? domain.bind(done) : done;
}

/** Runs `start(cb)` on the pool and reports `(err, convert(bytes))` to `callback`. */
function runAsync(type, callback, usable, convert, start) {
  const done = bindCallback(callback, type);
  if (!usable) {
    process.nextTick(done, derivingFailed());
    return;
  }
  start((bytes) => {
    if (bytes === null || bytes === undefined) done(derivingFailed());
    else done(null, convert(bytes));
  });
}

// ===== pbkdf2 =====

function pbkdf2Params(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes both as C ints.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    pbkdf2Params(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const usable = macDigest(digest) !== undefined;
  runAsync('PBKDF2REQUEST', callback, usable, toBuffer, (cb) => {
    native.pbkdf2(password, salt, iterations, keylen, digest, cb);
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    pbkdf2Params(password, salt, iterations, keylen, digest));
  if (macDigest(digest) === undefined) throw derivingFailed();
  const out = native.pbkdf2(password, salt, iterations, keylen, digest);
  if (out === undefined) throw derivingFailed();
  return toBuffer(out);
}

// ===== hkdf =====

function toBytes(value) {
  return typeof value === 'string' ? require('buffer').Buffer.from(value, 'utf8') : value;
}

function byteSource(value, name) {
  value = toBytes(value);
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], value);
}

function hkdfParams(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  ikm = toBytes(ikm);
  const secret = secretKeyBytes(ikm, true);
  if (secret !== undefined) {
    ikm = secret;
  } else if (isAnyArrayBuffer(ikm)) {
    ikm = new Uint8Array(ikm);
  } else if (!ArrayBuffer.isView(ikm)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], ikm);
  }
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(keylen, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { digest, ikm, salt, info, keylen };
}

/** Throws Node's errors for a digest or length HKDF cannot take; false for an XOF digest. */
function hkdfUsable(digest, keylen) {
  const info = macDigest(digest);
  if (info === undefined) return false;
  if (keylen > 255 * info.size) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  }
  return true;
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  ({ digest, ikm, salt, info, keylen } = hkdfParams(digest, ikm, salt, info, keylen));
  validateFunction(callback, 'callback');
  const usable = hkdfUsable(digest, keylen);
  runAsync('HKDFREQUEST', callback, usable, (bytes) => bytes.buffer, (cb) => {
    native.hkdf(digest, ikm, salt, info, keylen, cb);
  });
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  ({ digest, ikm, salt, info, keylen } = hkdfParams(digest, ikm, salt, info, keylen));
  if (!hkdfUsable(digest, keylen)) throw derivingFailed();
  const out = native.hkdf(digest, ikm, salt, info, keylen);
  if (out === undefined) throw derivingFailed();
  return out.buffer;
}

// ===== scrypt =====

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

/** One scrypt option given under its short or long name (not both), validated. */
function scryptOption(options, short, long, value) {
  const hasShort = options[short] !== undefined;
  if (hasShort) {
    value = options[short];
    validateUint32(value, short);
  }
  if (options[long] !== undefined) {
    if (hasShort) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
    value = options[long];
    validateUint32(value, long);
  }
  return value;
}

function scryptParams(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    N = scryptOption(options, 'N', 'cost', N);
    r = scryptOption(options, 'r', 'blockSize', r);
    p = scryptOption(options, 'p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    // Zero means "the default" for each of them.
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

/**
 * OpenSSL's limits, with its messages: N must be a power of two above 1; then r*p must stay
 * below 2^30, N below 2^(16r), and the memory scrypt needs - 128*r*p bytes for B plus
 * 128*r*(N + 2) for V - within maxmem.
 */
function checkScryptCost(N, r, p, maxmem) {
  if (N < 2 || (N & (N - 1)) !== 0) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  }
  const bLen = 128n * BigInt(r) * BigInt(p);
  const vLen = 128n * BigInt(r) * (BigInt(N) + 2n);
  if (r * p >= 2 ** 30 ||
      (16 * r < 64 && N >= 2 ** (16 * r)) ||
      bLen > 2147483647n ||
      bLen + vLen > BigInt(maxmem)) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
                      'Invalid scrypt params: error:030000AC:digital envelope routines::' +
                      'memory limit exceeded');
  }
}

// The native side cannot give an empty key: derive one byte (the parameters still get used,
// as Node's zero-length call checks them) and hand back none.
const scryptLength = (keylen) => (keylen === 0 ? 1 : keylen);

function scryptResult(bytes, keylen) {
  return toBuffer(keylen === 0 ? bytes.subarray(0, 0) : bytes);
}

function scryptUnsupported() {
  // The parameters were checked above; the native scrypt refuses nothing else it is given.
  return new Error('scrypt failed');
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  let N, r, p, maxmem;
  ({ password, salt, keylen, N, r, p, maxmem } = scryptParams(password, salt, keylen, options));
  validateFunction(callback, 'callback');
  checkScryptCost(N, r, p, maxmem);
  const done = bindCallback(callback, 'SCRYPTREQUEST');
  native.scrypt(password, salt, N, r, p, scryptLength(keylen), (bytes) => {
    if (bytes === null) done(scryptUnsupported());
    else done(null, scryptResult(bytes, keylen));
  });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  let N, r, p, maxmem;
  ({ password, salt, keylen, N, r, p, maxmem } = scryptParams(password, salt, keylen, options));
  checkScryptCost(N, r, p, maxmem);
  const out = native.scrypt(password, salt, N, r, p, scryptLength(keylen));
  if (out === undefined) throw scryptUnsupported();
  return scryptResult(out, keylen);
}

module.exports = {
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
};
