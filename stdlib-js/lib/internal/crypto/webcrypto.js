'use strict';
// Web Crypto: the Crypto and SubtleCrypto classes and the one Crypto instance that is both
// `globalThis.crypto` and `require('crypto').webcrypto`. SubtleCrypto's digest() is here
// (SHA-1/256/384/512, hashed on the calling thread); its other methods are in
// internal/crypto/webcrypto_subtle.
// Loaded on its own by the `crypto` global, so it stays clear of streams and the hash classes.

const { codes } = require('internal/errors');
const random = require('internal/crypto/random');

const { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } = codes;
const native = binding.crypto;
const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;
const kConstruct = Symbol('kConstruct');

/** WebIDL's TypeErrors carry a code but no "[CODE]" in their stack header. */
function webidlError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function requireArgs(args, count, method, iface) {
  if (args.length < count) {
    throw webidlError('ERR_MISSING_ARGS',
                      `Failed to execute '${method}' on '${iface}': ${count} argument${count > 1 ? 's' : ''} ` +
                      `required, but only ${args.length} present.`);
  }
}

function domException(message, name) {
  const { DOMException } = require('internal/encoding');
  return new DOMException(message, name);
}

// ===== SubtleCrypto =====

// Web Crypto digest names -> the native digests.
const digestNames = new Map([
  ['sha-1', 'sha1'], ['sha-256', 'sha256'], ['sha-384', 'sha384'], ['sha-512', 'sha512'],
]);

/** WebIDL's AlgorithmIdentifier: an object stays, anything else becomes its string. */
function algorithmIdentifier(value, method) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) return value;
  if (typeof value === 'symbol') {
    throw webidlError('ERR_INVALID_ARG_TYPE',
                      `Failed to execute '${method}' on 'SubtleCrypto': 1st argument is a Symbol ` +
                      'and cannot be converted to a string.');
  }
  return `${value}`;
}

/** WebIDL's BufferSource (a copy is not needed: the work is done before returning). */
function bufferSource(value, method, position) {
  if (ArrayBuffer.isView(value)) return value;
  if (isAnyArrayBuffer(value) && !(value instanceof SharedArrayBuffer)) return new Uint8Array(value);
  throw webidlError('ERR_INVALID_ARG_TYPE',
                    `Failed to execute '${method}' on 'SubtleCrypto': ${position} argument is not ` +
                    'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
}

function digestAlgorithm(algorithm) {
  let name = algorithm;
  if (typeof algorithm === 'object' || typeof algorithm === 'function') {
    if (algorithm.name === undefined) {
      throw webidlError('ERR_MISSING_OPTION',
                        "Failed to normalize algorithm: passed algorithm can not be converted to " +
                        "'Algorithm' because 'name' is required in 'Algorithm'.");
    }
    name = `${algorithm.name}`;
  }
  const digest = digestNames.get(name.toLowerCase());
  if (digest === undefined) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  return digest;
}

// Everything but digest() lives in internal/crypto/webcrypto_subtle, loaded on first use.
let lazySubtle;
function ops() {
  lazySubtle ??= require('internal/crypto/webcrypto_subtle');
  return lazySubtle;
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async encrypt(algorithm, key, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 3, 'encrypt', 'SubtleCrypto');
    return ops().encrypt(algorithm, key, data);
  }

  async decrypt(algorithm, key, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 3, 'decrypt', 'SubtleCrypto');
    return ops().decrypt(algorithm, key, data);
  }

  async sign(algorithm, key, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 3, 'sign', 'SubtleCrypto');
    return ops().sign(algorithm, key, data);
  }

  async verify(algorithm, key, signature, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 4, 'verify', 'SubtleCrypto');
    return ops().verify(algorithm, key, signature, data);
  }

  async digest(algorithm, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 2, 'digest', 'SubtleCrypto');
    algorithm = algorithmIdentifier(algorithm, 'digest');
    data = bufferSource(data, 'digest', '2nd');
    const name = digestAlgorithm(algorithm);
    return native.hashOnce(name, data).buffer;
  }

  async generateKey(algorithm, extractable, keyUsages) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 3, 'generateKey', 'SubtleCrypto');
    return ops().generateKey(algorithm, extractable, keyUsages);
  }

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 5, 'deriveKey', 'SubtleCrypto');
    return ops().deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages);
  }

  async deriveBits(algorithm, baseKey, length) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 2, 'deriveBits', 'SubtleCrypto');
    return ops().deriveBits(algorithm, baseKey, length);
  }

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 5, 'importKey', 'SubtleCrypto');
    return ops().importKey(format, keyData, algorithm, extractable, keyUsages);
  }

  async exportKey(format, key) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 2, 'exportKey', 'SubtleCrypto');
    return ops().exportKey(format, key);
  }

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 4, 'wrapKey', 'SubtleCrypto');
    return ops().wrapKey(format, key, wrappingKey, wrapAlgorithm);
  }

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
                  extractable, keyUsages) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 7, 'unwrapKey', 'SubtleCrypto');
    return ops().unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
                           unwrappedKeyAlgorithm, extractable, keyUsages);
  }
}

// ===== Crypto =====

class Crypto {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    requireArgs(arguments, 1, 'getRandomValues', 'Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (this !== webcrypto) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}

// WebIDL members are enumerable, and each interface names itself for Object.prototype.toString.
for (const [cls, tag] of [[Crypto, 'Crypto'], [SubtleCrypto, 'SubtleCrypto']]) {
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(cls.prototype, key);
    desc.enumerable = true;
    Object.defineProperty(cls.prototype, key, desc);
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

const subtle = new SubtleCrypto(kConstruct);
const webcrypto = new Crypto(kConstruct);

module.exports = {
  Crypto,
  get CryptoKey() {
    return require('internal/crypto/webcrypto_keys').CryptoKey;
  },
  SubtleCrypto,
  subtle,
  webcrypto,
};
