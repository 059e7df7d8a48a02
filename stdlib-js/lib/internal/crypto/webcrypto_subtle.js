'use strict';
// SubtleCrypto's key, cipher, signature and derivation methods, after WebIDL's conversions:
// each argument is converted and checked as Node's WebIDL layer does (TypeErrors with a
// `code`), the algorithm is normalized against the dictionary its operation and name call for,
// then the work goes to the module that knows the algorithm (webcrypto_symmetric for secret
// keys, webcrypto_asymmetric for RSA, EC and the OKP keys). internal/crypto/webcrypto's
// SubtleCrypto methods call in here.

const { isCryptoKey, kAlgorithm } = require('internal/crypto/webcrypto_keys');
const sym = require('internal/crypto/webcrypto_symmetric');

let lazyAsym;
function asym() {
  lazyAsym ??= require('internal/crypto/webcrypto_asymmetric');
  return lazyAsym;
}

const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;
const { domException } = sym;

function webidlError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

const ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

// ===== argument conversions =====

function keyFormat(value, method) {
  const format = `${value}`;
  if (!['raw', 'spki', 'pkcs8', 'jwk'].includes(format)) {
    throw webidlError('ERR_INVALID_ARG_VALUE',
                      `Failed to execute '${method}' on 'SubtleCrypto': 1st argument value ` +
                      `'${format}' is not a valid enum value of type KeyFormat.`);
  }
  return format;
}

function cryptoKey(value, method, position) {
  if (!isCryptoKey(value)) {
    throw webidlError('ERR_INVALID_ARG_TYPE',
                      `Failed to execute '${method}' on 'SubtleCrypto': ${ordinals[position]} ` +
                      'argument is not of type CryptoKey.');
  }
  return value;
}

/** A BufferSource, copied (the caller may change it while the promise is pending). */
function bufferSource(value, prefix) {
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (isAnyArrayBuffer(value) && !(value instanceof SharedArrayBuffer)) {
    return new Uint8Array(value).slice();
  }
  throw webidlError('ERR_INVALID_ARG_TYPE',
                    `${prefix} is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
}

function dataArgument(value, method, position) {
  return bufferSource(value, `Failed to execute '${method}' on 'SubtleCrypto': ` +
                             `${ordinals[position]} argument`);
}

const keyUsages = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey',
                   'unwrapKey'];

function usagesArgument(value, method, position) {
  const prefix = `Failed to execute '${method}' on 'SubtleCrypto': ${ordinals[position]} argument`;
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw webidlError('ERR_INVALID_ARG_TYPE', `${prefix} can not be converted to sequence.`);
  }
  const out = [];
  for (const item of value) {
    const usage = `${item}`;
    if (!keyUsages.includes(usage)) {
      throw webidlError('ERR_INVALID_ARG_VALUE',
                        `${prefix}, index ${out.length} value '${usage}' is not a valid enum ` +
                        'value of type KeyUsage.');
    }
    out.push(usage);
  }
  return out;
}

// ===== algorithm normalization =====

const hashNames = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];

/**
 * Member kinds: 'buffer' (BufferSource), 'hash' (a digest's AlgorithmIdentifier), 'string'
 * (DOMString), 'uint8array', 'key' (CryptoKey), and the [EnforceRange] integers 'octet',
 * 'short' (unsigned short) and 'long' (unsigned long). Members are listed in WebIDL's order
 * (an inherited dictionary's first, each sorted), which is the order they are checked in.
 */
const aesKeyGen = { dict: 'AesKeyGenParams', members: { length: ['short', true] } };
const aesDerived = { dict: 'AesDerivedKeyParams', members: { length: ['short', true] } };
const hmacImport = {
  dict: 'HmacImportParams', members: { hash: ['hash', true], length: ['long', false] },
};
const hmacKeyGen = {
  dict: 'HmacKeyGenParams', members: { hash: ['hash', true], length: ['long', false] },
};
const plain = { dict: 'Algorithm', members: {} };
const aesGcm = {
  dict: 'AesGcmParams',
  members: { additionalData: ['buffer', false], iv: ['buffer', true], tagLength: ['octet', false] },
};
const aesCbc = { dict: 'AesCbcParams', members: { iv: ['buffer', true] } };
const aesCtr = {
  dict: 'AesCtrParams', members: { counter: ['buffer', true], length: ['octet', true] },
};
const pbkdf2 = {
  dict: 'Pbkdf2Params',
  members: { hash: ['hash', true], iterations: ['long', true], salt: ['buffer', true] },
};
const hkdf = {
  dict: 'HkdfParams',
  members: { hash: ['hash', true], info: ['buffer', true], salt: ['buffer', true] },
};

const rsaKeyGen = {
  dict: 'RsaHashedKeyGenParams',
  members: {
    modulusLength: ['long', true], publicExponent: ['uint8array', true], hash: ['hash', true],
  },
};
const rsaImport = { dict: 'RsaHashedImportParams', members: { hash: ['hash', true] } };
const ecKeyGen = { dict: 'EcKeyGenParams', members: { namedCurve: ['string', true] } };
const ecImport = { dict: 'EcKeyImportParams', members: { namedCurve: ['string', true] } };
const rsaPss = { dict: 'RsaPssParams', members: { saltLength: ['long', true] } };
const rsaOaep = { dict: 'RsaOaepParams', members: { label: ['buffer', false] } };
const ecdsa = { dict: 'EcdsaParams', members: { hash: ['hash', true] } };
const ecdhDerive = { dict: 'EcdhKeyDeriveParams', members: { public: ['key', true] } };
const ed448 = { dict: 'Ed448Params', members: { context: ['buffer', false] } };

const cipherAlgorithms = {
  'AES-GCM': aesGcm, 'AES-CBC': aesCbc, 'AES-CTR': aesCtr, 'RSA-OAEP': rsaOaep,
};
const signatureAlgorithms = {
  'HMAC': plain, 'RSASSA-PKCS1-v1_5': plain, 'RSA-PSS': rsaPss, 'ECDSA': ecdsa, 'Ed25519': plain,
  'Ed448': ed448,
};
const operations = {
  generateKey: {
    'AES-GCM': aesKeyGen, 'AES-CBC': aesKeyGen, 'AES-CTR': aesKeyGen, 'AES-KW': aesKeyGen,
    'HMAC': hmacKeyGen, 'RSASSA-PKCS1-v1_5': rsaKeyGen, 'RSA-PSS': rsaKeyGen,
    'RSA-OAEP': rsaKeyGen, 'ECDSA': ecKeyGen, 'ECDH': ecKeyGen, 'Ed25519': plain,
    'X25519': plain, 'Ed448': plain, 'X448': plain,
  },
  importKey: {
    'AES-GCM': plain, 'AES-CBC': plain, 'AES-CTR': plain, 'AES-KW': plain, 'HMAC': hmacImport,
    'PBKDF2': plain, 'HKDF': plain, 'RSASSA-PKCS1-v1_5': rsaImport, 'RSA-PSS': rsaImport,
    'RSA-OAEP': rsaImport, 'ECDSA': ecImport, 'ECDH': ecImport, 'Ed25519': plain,
    'X25519': plain, 'Ed448': plain, 'X448': plain,
  },
  encrypt: cipherAlgorithms,
  decrypt: cipherAlgorithms,
  sign: signatureAlgorithms,
  verify: signatureAlgorithms,
  deriveBits: {
    'PBKDF2': pbkdf2, 'HKDF': hkdf, 'ECDH': ecdhDerive, 'X25519': ecdhDerive, 'X448': ecdhDerive,
  },
  wrapKey: { ...cipherAlgorithms, 'AES-KW': plain },
  unwrapKey: { ...cipherAlgorithms, 'AES-KW': plain },
  'get key length': {
    'AES-GCM': aesDerived, 'AES-CBC': aesDerived, 'AES-CTR': aesDerived, 'AES-KW': aesDerived,
    'HMAC': hmacImport, 'PBKDF2': plain, 'HKDF': plain,
  },
};

const integerMax = { octet: 255, short: 65535, long: 4294967295 };

// Node 20 warns once about each of these the first time it is named.
const experimental = new Set(['Ed448', 'X448']);

function unrecognized() {
  return domException('Unrecognized algorithm name', 'NotSupportedError');
}

function algorithmName(value, dict) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    if (value.name === undefined) {
      throw webidlError('ERR_MISSING_OPTION',
                        'Failed to normalize algorithm: passed algorithm can not be converted ' +
                        `to '${dict}' because 'name' is required in '${dict}'.`);
    }
    return `${value.name}`;
  }
  return `${value}`;
}

function normalizeHash(value) {
  const name = algorithmName(value, 'Algorithm').toUpperCase();
  if (!hashNames.includes(name)) throw unrecognized();
  return { name };
}

/** The algorithm as the named operation takes it: `{ name, ...members }`, checked. */
function normalizeAlgorithm(value, op) {
  const name = algorithmName(value, 'Algorithm');
  const table = operations[op];
  let canonical;
  for (const key of Object.keys(table)) {
    if (key.toUpperCase() === name.toUpperCase()) canonical = key;
  }
  if (canonical === undefined) throw unrecognized();
  if (experimental.has(canonical)) {
    experimental.delete(canonical);
    process.emitWarning(`The ${canonical} Web Crypto API algorithm is an experimental feature ` +
                        'and might change at any time', 'ExperimentalWarning');
  }
  const { dict, members } = table[canonical];
  const out = { name: canonical };
  const source = typeof value === 'object' && value !== null ? value : {};
  for (const member of Object.keys(members)) {
    const [kind, required] = members[member];
    const v = source[member];
    if (v === undefined) {
      if (required) {
        throw webidlError('ERR_MISSING_OPTION',
                          'Failed to normalize algorithm: passed algorithm can not be converted ' +
                          `to '${dict}' because '${member}' is required in '${dict}'.`);
      }
      continue;
    }
    const prefix = `Failed to normalize algorithm: '${member}' of '${dict}' (passed algorithm)`;
    if (kind === 'buffer') {
      out[member] = bufferSource(v, prefix);
    } else if (kind === 'string') {
      out[member] = `${v}`;
    } else if (kind === 'uint8array') {
      if (!(v instanceof Uint8Array)) {
        throw webidlError('ERR_INVALID_ARG_TYPE', `${prefix} is not an Uint8Array object.`);
      }
      out[member] = v;
    } else if (kind === 'key') {
      if (!isCryptoKey(v)) {
        throw webidlError('ERR_INVALID_ARG_TYPE', `${prefix} is not of type CryptoKey.`);
      }
      out[member] = v;
    } else if (kind === 'hash') {
      out[member] = normalizeHash(v);
    } else {
      const n = Number(v);
      if (!Number.isFinite(n)) {
        throw webidlError('ERR_INVALID_ARG_TYPE', `${prefix} is not a finite number.`);
      }
      const max = integerMax[kind];
      const value = Math.trunc(n);
      if (value < 0 || value > max) {
        throw webidlError('ERR_OUT_OF_RANGE',
                          `${prefix} is outside the expected range of 0 to ${max}.`);
      }
      out[member] = value;
    }
  }
  return out;
}

function requireUsage(key, usage) {
  if (!key.usages.includes(usage)) throw sym.invalidAccess();
}

function requireAlgorithm(key, algorithm) {
  if (key[kAlgorithm].name !== algorithm.name) throw sym.invalidAccess();
}

// ===== the operations =====

async function generateKey(algorithm, extractable, usages) {
  algorithm = normalizeAlgorithm(algorithm, 'generateKey');
  usages = usagesArgument(usages, 'generateKey', 2);
  if (asym().isAsymmetric(algorithm.name)) {
    return asym().generateKey(algorithm, !!extractable, usages);
  }
  return sym.generateKey(algorithm, !!extractable, usages);
}

const jwkStringMembers = ['alg', 'crv', 'd', 'dp', 'dq', 'e', 'k', 'kty', 'n', 'p', 'q', 'qi',
                          'use', 'x', 'y'];

/** WebIDL's JsonWebKey conversion: the known members, as strings, a boolean and a sequence. */
function jsonWebKey(value, method, position) {
  const out = {};
  for (const member of jwkStringMembers) {
    const v = value[member];
    if (v !== undefined) out[member] = `${v}`;
  }
  if (value.ext !== undefined) out.ext = !!value.ext;
  const ops = value.key_ops;
  if (ops !== undefined) {
    if (ops === null || typeof ops !== 'object' || typeof ops[Symbol.iterator] !== 'function') {
      throw webidlError('ERR_INVALID_ARG_TYPE',
                        `Failed to execute '${method}' on 'SubtleCrypto': 'key_ops' of ` +
                        `'JsonWebKey' (${ordinals[position]} argument) can not be converted ` +
                        'to sequence.');
    }
    out.key_ops = Array.from(ops, (op) => `${op}`);
  }
  return out;
}

function keyDataArgument(format, keyData, method, position) {
  if (format === 'jwk') {
    // WebIDL's dictionary conversion: null and undefined are an empty JsonWebKey.
    if (keyData === null || keyData === undefined) return {};
    if (typeof keyData !== 'object') {
      throw webidlError('ERR_INVALID_ARG_TYPE',
                        `Failed to execute '${method}' on 'SubtleCrypto': ` +
                        `${ordinals[position]} argument is not of type JsonWebKey.`);
    }
    return jsonWebKey(keyData, method, position);
  }
  return dataArgument(keyData, method, position);
}

function importKeyNow(format, keyData, algorithm, extractable, usages) {
  if (asym().isAsymmetric(algorithm.name)) {
    return asym().importKey(format, keyData, algorithm, extractable, usages);
  }
  return sym.importKey(format, keyData, algorithm, extractable, usages);
}

async function importKey(format, keyData, algorithm, extractable, usages) {
  format = keyFormat(format, 'importKey');
  keyData = keyDataArgument(format, keyData, 'importKey', 1);
  algorithm = normalizeAlgorithm(algorithm, 'importKey');
  usages = usagesArgument(usages, 'importKey', 4);
  return importKeyNow(format, keyData, algorithm, !!extractable, usages);
}

function exportKeyNow(format, key) {
  if (!key.extractable) {
    // Node names this DOMException "InvalidAccessException".
    throw domException('key is not extractable', 'InvalidAccessException');
  }
  if (key.type !== 'secret') return asym().exportKey(format, key);
  return sym.exportKey(format, key);
}

async function exportKey(format, key) {
  format = keyFormat(format, 'exportKey');
  key = cryptoKey(key, 'exportKey', 1);
  return exportKeyNow(format, key);
}

/** An ArrayBuffer, or for RSA-OAEP (run on the worker pool) a promise of one. */
function cipherNow(algorithm, key, data, decrypt) {
  if (algorithm.name === 'RSA-OAEP') return asym().rsaOaep(algorithm, key, data, decrypt);
  return sym.aesCipher(algorithm, key, data, decrypt).buffer;
}

async function encrypt(algorithm, key, data) {
  algorithm = normalizeAlgorithm(algorithm, 'encrypt');
  key = cryptoKey(key, 'encrypt', 1);
  data = dataArgument(data, 'encrypt', 2);
  requireAlgorithm(key, algorithm);
  requireUsage(key, 'encrypt');
  return cipherNow(algorithm, key, data, false);
}

async function decrypt(algorithm, key, data) {
  algorithm = normalizeAlgorithm(algorithm, 'decrypt');
  key = cryptoKey(key, 'decrypt', 1);
  data = dataArgument(data, 'decrypt', 2);
  requireAlgorithm(key, algorithm);
  requireUsage(key, 'decrypt');
  return cipherNow(algorithm, key, data, true);
}

async function sign(algorithm, key, data) {
  algorithm = normalizeAlgorithm(algorithm, 'sign');
  key = cryptoKey(key, 'sign', 1);
  data = dataArgument(data, 'sign', 2);
  if (key[kAlgorithm].name !== algorithm.name || !key.usages.includes('sign')) {
    throw domException('Unable to use this key to sign', 'InvalidAccessError');
  }
  if (algorithm.name !== 'HMAC') return asym().sign(algorithm, key, data);
  return sym.hmac(key, data).buffer;
}

async function verify(algorithm, key, signature, data) {
  algorithm = normalizeAlgorithm(algorithm, 'verify');
  key = cryptoKey(key, 'verify', 1);
  signature = dataArgument(signature, 'verify', 2);
  data = dataArgument(data, 'verify', 3);
  if (key[kAlgorithm].name !== algorithm.name || !key.usages.includes('verify')) {
    throw domException('Unable to use this key to verify', 'InvalidAccessError');
  }
  if (algorithm.name !== 'HMAC') return asym().verify(algorithm, key, signature, data);
  return sym.hmacVerify(key, signature, data);
}

function deriveBitsNow(algorithm, baseKey, length, usage) {
  if (!baseKey.usages.includes(usage)) {
    throw domException(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
  }
  if (baseKey[kAlgorithm].name !== algorithm.name) {
    throw domException('Key algorithm mismatch', 'InvalidAccessError');
  }
  if (algorithm.name === 'ECDH' || algorithm.name === 'X25519' || algorithm.name === 'X448') {
    return asym().deriveBits(algorithm, baseKey, length);
  }
  return sym.deriveBits(algorithm, baseKey, length);
}

async function deriveBits(algorithm, baseKey, length) {
  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  baseKey = cryptoKey(baseKey, 'deriveBits', 1);
  if (length !== null && length !== undefined) length = Number(length) >>> 0;
  if (length === undefined) length = null;
  return deriveBitsNow(algorithm, baseKey, length, 'deriveBits');
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
  algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
  baseKey = cryptoKey(baseKey, 'deriveKey', 1);
  const lengthAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'get key length');
  const importAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
  usages = usagesArgument(usages, 'deriveKey', 4);
  const length = sym.keyLengthFor(lengthAlgorithm);
  const bits = await deriveBitsNow(algorithm, baseKey, length, 'deriveKey');
  return importKeyNow('raw', new Uint8Array(bits), importAlgorithm, !!extractable, usages);
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  format = keyFormat(format, 'wrapKey');
  key = cryptoKey(key, 'wrapKey', 1);
  wrappingKey = cryptoKey(wrappingKey, 'wrapKey', 2);
  wrapAlgorithm = normalizeAlgorithm(wrapAlgorithm, 'wrapKey');
  requireAlgorithm(wrappingKey, wrapAlgorithm);
  requireUsage(wrappingKey, 'wrapKey');
  let bytes = exportKeyNow(format, key);
  if (format === 'jwk') {
    let json = JSON.stringify(bytes);
    // AES-KW takes whole 8-byte blocks: the JSON is padded with spaces, as Node does.
    if (wrapAlgorithm.name === 'AES-KW' && json.length % 8 !== 0) {
      json += ' '.repeat(8 - (json.length % 8));
    }
    bytes = new TextEncoder().encode(json);
  } else {
    bytes = new Uint8Array(bytes);
  }
  if (wrapAlgorithm.name === 'AES-KW') return sym.aesKwWrap(wrappingKey, bytes).buffer;
  return cipherNow(wrapAlgorithm, wrappingKey, bytes, false);
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
                         unwrappedKeyAlgorithm, extractable, usages) {
  format = keyFormat(format, 'unwrapKey');
  wrappedKey = dataArgument(wrappedKey, 'unwrapKey', 1);
  unwrappingKey = cryptoKey(unwrappingKey, 'unwrapKey', 2);
  unwrapAlgorithm = normalizeAlgorithm(unwrapAlgorithm, 'unwrapKey');
  unwrappedKeyAlgorithm = normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
  usages = usagesArgument(usages, 'unwrapKey', 6);
  requireAlgorithm(unwrappingKey, unwrapAlgorithm);
  requireUsage(unwrappingKey, 'unwrapKey');
  let bytes = unwrapAlgorithm.name === 'AES-KW' ?
    sym.aesKwUnwrap(unwrappingKey, wrappedKey) :
    new Uint8Array(await cipherNow(unwrapAlgorithm, unwrappingKey, wrappedKey, true));
  if (format === 'jwk') {
    try {
      bytes = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw domException('Invalid wrapped JWK key', 'DataError');
    }
  }
  return importKeyNow(format, bytes, unwrappedKeyAlgorithm, !!extractable, usages);
}

module.exports = {
  decrypt,
  deriveBits,
  deriveKey,
  encrypt,
  exportKey,
  generateKey,
  importKey,
  sign,
  unwrapKey,
  verify,
  wrapKey,
};
