'use strict';
// Web Crypto's secret-key algorithms: AES-GCM, AES-CBC, AES-CTR and AES-KW keys and ciphers,
// HMAC keys and signatures, PBKDF2 and HKDF derivation. SubtleCrypto (internal/crypto/webcrypto)
// normalizes the arguments it is given and calls in here by algorithm name. Ciphers run on the
// calling thread through the cipher natives (the promise settles later); PBKDF2 and HKDF run
// on the worker pool. Messages and DOMException names are Node's.

const { Buffer } = require('buffer');
const { createSecretCryptoKey, kAlgorithm, kMaterial } = require('internal/crypto/webcrypto_keys');
const modes = require('internal/crypto/cipher_modes');

const native = binding.crypto;

function domException(message, name) {
  const { DOMException } = require('internal/encoding');
  return new DOMException(message, name);
}

const operationFailed = () =>
  domException('The operation failed for an operation-specific reason', 'OperationError');
const invalidAccess = () =>
  domException('The requested operation is not valid for the provided key', 'InvalidAccessError');

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function copyOf(view) {
  return bytesOf(view).slice();
}

/** A fresh ArrayBuffer holding exactly `bytes`. */
function arrayBufferOf(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

// ===== usages =====

const aesUsages = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
const usagesByAlgorithm = {
  'AES-GCM': aesUsages, 'AES-CBC': aesUsages, 'AES-CTR': aesUsages,
  'AES-KW': ['wrapKey', 'unwrapKey'],
  'HMAC': ['sign', 'verify'],
  'PBKDF2': ['deriveKey', 'deriveBits'],
  'HKDF': ['deriveKey', 'deriveBits'],
};

function article(kind) {
  return /^[AEIOH]/.test(kind) && kind !== 'PBKDF2' ? 'an' : 'a';
}

function kindOf(name) {
  return name.startsWith('AES') ? 'AES' : name;
}

function checkUsages(name, usages) {
  const allowed = usagesByAlgorithm[name];
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      const kind = kindOf(name);
      const a = kind === 'HKDF' ? 'a' : article(kind);
      throw domException(`Unsupported key usage for ${a} ${kind} key`, 'SyntaxError');
    }
  }
}

// ===== hashes =====

const hashInfo = {
  'SHA-1': { native: 'sha1', block: 512, jwk: 'HS1' },
  'SHA-256': { native: 'sha256', block: 512, jwk: 'HS256' },
  'SHA-384': { native: 'sha384', block: 1024, jwk: 'HS384' },
  'SHA-512': { native: 'sha512', block: 1024, jwk: 'HS512' },
};

// ===== keys =====

const aesLengths = [128, 192, 256];

function aesKey(name, bytes, extractable, usages) {
  return createSecretCryptoKey(bytes, { name, length: bytes.length * 8 }, extractable, usages);
}

function hmacKey(hash, bytes, lengthBits, extractable, usages, generated) {
  // Node lists the members in a different order for generated and imported keys.
  const algorithm = generated ?
    { name: 'HMAC', length: lengthBits, hash: { name: hash } } :
    { name: 'HMAC', hash: { name: hash }, length: lengthBits };
  return createSecretCryptoKey(bytes, algorithm, extractable, usages);
}

function randomBytes(n) {
  const bytes = new Uint8Array(n);
  native.randomFill(bytes, 0, n);
  return bytes;
}

function generateKey(algorithm, extractable, usages) {
  const { name } = algorithm;
  checkUsages(name, usages);
  if (name === 'HMAC') {
    const length = algorithm.length === undefined ? hashInfo[algorithm.hash.name].block :
      algorithm.length;
    if (length === 0) throw operationFailed();
    checkSecretUsages(usages, 'creating a key');
    return hmacKey(algorithm.hash.name, randomBytes(length / 8), length, extractable, usages, true);
  }
  if (!aesLengths.includes(algorithm.length)) {
    throw domException('AES key length must be 128, 192, or 256 bits', 'OperationError');
  }
  checkSecretUsages(usages, 'creating a key');
  return aesKey(name, randomBytes(algorithm.length / 8), extractable, usages);
}

function checkSecretUsages(usages, what) {
  if (usages.length === 0) {
    throw domException(`Usages cannot be empty when ${what}.`, 'SyntaxError');
  }
}

function jwkSecret(jwk, extractable, usages, use) {
  if (jwk.kty === undefined) throw domException('Invalid keyData', 'DataError');
  if (jwk.kty !== 'oct') throw domException('Invalid JWK "kty" Parameter', 'DataError');
  if (typeof jwk.k !== 'string') throw domException('Invalid keyData', 'DataError');
  if (jwk.use !== undefined && jwk.use !== use) {
    throw domException('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops) || !usages.every((u) => jwk.key_ops.includes(u))) {
      throw domException('Key operations and usage mismatch', 'DataError');
    }
  }
  if (jwk.ext === false && extractable) {
    throw domException('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  return new Uint8Array(Buffer.from(jwk.k, 'base64url'));
}

function importKey(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  if (name === 'PBKDF2' || name === 'HKDF') {
    if (format !== 'raw') {
      throw domException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    }
    checkUsages(name, usages);
    if (extractable) throw domException(`${name} keys are not extractable`, 'SyntaxError');
    return createSecretCryptoKey(copyOf(keyData), { name }, false, usages);
  }
  if (name === 'HMAC') return importHmac(format, keyData, algorithm, extractable, usages);
  if (format !== 'raw' && format !== 'jwk') {
    throw domException(`Unable to import AES key with format ${format}`, 'NotSupportedError');
  }
  checkUsages(name, usages);
  let bytes;
  if (format === 'raw') {
    bytes = copyOf(keyData);
  } else {
    bytes = jwkSecret(keyData, extractable, usages, 'enc');
    if (keyData.alg !== undefined &&
        keyData.alg !== `A${bytes.length * 8}${name.slice(4)}`) {
      throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
  if (!aesLengths.includes(bytes.length * 8)) throw domException('Invalid key length', 'DataError');
  checkSecretUsages(usages, 'importing a secret key');
  return aesKey(name, bytes, extractable, usages);
}

function importHmac(format, keyData, algorithm, extractable, usages) {
  if (format !== 'raw' && format !== 'jwk') {
    // Node names this DOMException plain "Error".
    throw domException(`Unable to import HMAC key with format ${format}`, 'Error');
  }
  checkUsages('HMAC', usages);
  const hash = algorithm.hash.name;
  let bytes;
  if (format === 'raw') {
    bytes = copyOf(keyData);
  } else {
    bytes = jwkSecret(keyData, extractable, usages, 'sig');
    if (keyData.alg !== undefined && keyData.alg !== hashInfo[hash].jwk) {
      throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
  const length = algorithm.length === undefined ? bytes.length * 8 : algorithm.length;
  if (bytes.length === 0 || length === 0) {
    throw domException('Zero-length key is not supported', 'DataError');
  }
  if (length !== bytes.length * 8) throw domException('Invalid key length', 'DataError');
  checkSecretUsages(usages, 'importing a secret key');
  return hmacKey(hash, bytes, length, extractable, usages);
}

function exportKey(format, key) {
  const algorithm = key[kAlgorithm];
  const bytes = key[kMaterial];
  if (format === 'raw') return arrayBufferOf(bytes.slice());
  if (format !== 'jwk' || algorithm.name === 'PBKDF2' || algorithm.name === 'HKDF') {
    // Node's message says "raw" for spki.
    const what = format === 'spki' ? 'raw' : format;
    throw domException(`Unable to export a ${what} ${algorithm.name} secret key`,
                       'InvalidAccessError');
  }
  const jwk = {
    key_ops: key.usages.slice(),
    ext: key.extractable,
    kty: 'oct',
    k: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url'),
  };
  jwk.alg = algorithm.name === 'HMAC' ? hashInfo[algorithm.hash.name].jwk :
    `A${bytes.length * 8}${algorithm.name.slice(4)}`;
  return jwk;
}

// ===== ciphers =====

/** Runs the named native cipher over `data` in one go; undefined when it refuses. */
function runCipher(cipherName, key, iv, data, decrypt, setup) {
  const id = native.cipherNew(cipherName, key, iv, decrypt, 16);
  if (id < 0) throw operationFailed();
  try {
    if (setup !== undefined && setup(id) === false) return undefined;
    const head = native.cipherUpdate(id, data);
    const tail = native.cipherFinal(id);
    if (typeof tail === 'number') return undefined;
    const tag = decrypt ? undefined : native.cipherGetTag(id);
    return { head, tail, tag };
  } finally {
    native.cipherFree(id);
  }
}

function joinBytes(...parts) {
  let length = 0;
  for (const p of parts) if (p !== undefined) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    if (p !== undefined) {
      out.set(p, at);
      at += p.length;
    }
  }
  return out;
}

const gcmTagLengths = [32, 64, 96, 104, 112, 120, 128];

function aesCipher(algorithm, key, data, decrypt) {
  const keyBytes = key[kMaterial];
  const bits = keyBytes.length * 8;
  data = bytesOf(data);
  switch (algorithm.name) {
    case 'AES-CBC': {
      if (algorithm.iv.byteLength !== 16) {
        throw domException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
      }
      const r = runCipher(`aes-${bits}-cbc`, keyBytes, algorithm.iv, data, decrypt);
      if (r === undefined) throw operationFailed();
      return joinBytes(r.head, r.tail);
    }
    case 'AES-CTR':
      return aesCtr(algorithm, keyBytes, data);
    case 'AES-GCM': {
      const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
      if (!gcmTagLengths.includes(tagLength)) {
        throw domException(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
      }
      const tagBytes = tagLength / 8;
      // Node's AES-GCM takes IVs of 12 to 128 bytes.
      if (algorithm.iv.byteLength < 12 || algorithm.iv.byteLength > 128) throw operationFailed();
      const aad = algorithm.additionalData;
      if (!decrypt) {
        const r = runCipher(`aes-${bits}-gcm`, keyBytes, algorithm.iv, data, false, (id) => {
          if (aad !== undefined) native.cipherSetAAD(id, aad);
        });
        return joinBytes(r.head, r.tail, r.tag.subarray(0, tagBytes));
      }
      if (data.length < tagBytes) {
        throw domException('The provided data is too small.', 'OperationError');
      }
      const body = data.subarray(0, data.length - tagBytes);
      const tag = data.subarray(data.length - tagBytes);
      const r = runCipher(`aes-${bits}-gcm`, keyBytes, algorithm.iv, body, true, (id) => {
        if (aad !== undefined) native.cipherSetAAD(id, aad);
        return native.cipherSetTag(id, tag) === 0;
      });
      if (r === undefined) throw operationFailed();
      return joinBytes(r.head, r.tail);
    }
  }
  throw invalidAccess();
}

/**
 * AES-CTR whose counter is the low `length` bits of the counter block: where those wrap
 * within the data, the rest runs from the block with them zeroed (the high bits unchanged).
 */
function aesCtr(algorithm, key, data) {
  const counter = bytesOf(algorithm.counter);
  if (counter.length !== 16) {
    throw domException('algorithm.counter must contain exactly 16 bytes', 'OperationError');
  }
  const length = algorithm.length;
  if (length === 0 || length > 128) {
    throw domException('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
  }
  const cipherName = `aes-${key.length * 8}-ctr`;
  const blocks = BigInt(Math.ceil(data.length / 16));
  const space = 1n << BigInt(length);
  const mask = space - 1n;
  const whole = BigInt(`0x${Buffer.from(counter).toString('hex')}`);
  const low = whole & mask;
  if (blocks > space) throw operationFailed();
  const run = (iv, part) => {
    const r = runCipher(cipherName, key, iv, part, false);
    return joinBytes(r.head, r.tail);
  };
  if (low + blocks <= space) return run(counter, data);
  const first = Number(space - low) * 16;
  const restCounter = Buffer.from((whole & ~mask).toString(16).padStart(32, '0'), 'hex');
  return joinBytes(run(counter, data.subarray(0, first)), run(restCounter, data.subarray(first)));
}

function aesKwWrap(key, data) {
  data = bytesOf(data);
  if (data.length < 16 || data.length % 8 !== 0) throw operationFailed();
  return modes.wrapBlocks(key[kMaterial], new Uint8Array(8).fill(0xa6), data);
}

function aesKwUnwrap(key, data) {
  data = bytesOf(data);
  if (data.length < 24 || data.length % 8 !== 0) throw operationFailed();
  const { a, plain } = modes.unwrapBlocks(key[kMaterial], data);
  for (let i = 0; i < 8; i++) if (a[i] !== 0xa6) throw operationFailed();
  return plain;
}

// ===== HMAC =====

function hmac(key, data) {
  const algorithm = key[kAlgorithm];
  const id = native.hmacNew(hashInfo[algorithm.hash.name].native, key[kMaterial]);
  native.hashUpdate(id, bytesOf(data));
  return native.hashDigest(id);
}

function hmacVerify(key, signature, data) {
  const expected = hmac(key, data);
  const given = bytesOf(signature);
  if (given.length !== expected.length) return false;
  return native.timingSafeEqual(given, expected);
}

// ===== derivation =====

function checkBitLength(length) {
  if (length === null) throw domException('length cannot be null', 'OperationError');
  if (length % 8 !== 0) throw domException('length must be a multiple of 8', 'OperationError');
}

/** PBKDF2 or HKDF on the worker pool; resolves with an ArrayBuffer. */
function deriveBits(algorithm, key, length) {
  checkBitLength(length);
  const bytes = length / 8;
  return new Promise((resolve, reject) => {
    const done = (out) => {
      if (out === null || out === undefined) reject(operationFailed());
      else resolve(arrayBufferOf(out));
    };
    const hash = hashInfo[algorithm.hash.name].native;
    if (algorithm.name === 'PBKDF2') {
      if (algorithm.iterations === 0) {
        throw domException('iterations cannot be zero', 'OperationError');
      }
      if (bytes === 0) {
        process.nextTick(resolve, new ArrayBuffer(0));
        return;
      }
      native.pbkdf2(key[kMaterial], bytesOf(algorithm.salt), algorithm.iterations, bytes, hash,
                    done);
    } else {
      if (bytes === 0) {
        process.nextTick(resolve, new ArrayBuffer(0));
        return;
      }
      // HKDF gives at most 255 hash lengths.
      const size = native.hashOnce(hash, '').length;
      if (bytes > 255 * size) {
        process.nextTick(reject, operationFailed());
        return;
      }
      native.hkdf(hash, key[kMaterial], bytesOf(algorithm.salt), bytesOf(algorithm.info), bytes,
                  done);
    }
  });
}

/** The length in bits deriveKey asks of deriveBits for a key of `algorithm`. */
function keyLengthFor(algorithm) {
  switch (algorithm.name) {
    case 'AES-GCM': case 'AES-CBC': case 'AES-CTR': case 'AES-KW':
      if (!aesLengths.includes(algorithm.length)) {
        throw domException('Invalid key length', 'OperationError');
      }
      return algorithm.length;
    case 'HMAC':
      if (algorithm.length === undefined) return hashInfo[algorithm.hash.name].block;
      if (algorithm.length === 0) throw domException('Invalid key length', 'OperationError');
      return algorithm.length;
    default:
      return null;
  }
}

module.exports = {
  aesCipher,
  aesKwUnwrap,
  aesKwWrap,
  domException,
  deriveBits,
  exportKey,
  generateKey,
  hashInfo,
  hmac,
  hmacVerify,
  importKey,
  invalidAccess,
  keyLengthFor,
  operationFailed,
};
