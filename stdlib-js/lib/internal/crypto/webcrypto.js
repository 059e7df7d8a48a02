'use strict';
// Web Crypto: the Crypto and SubtleCrypto classes and the one Crypto instance that is both
// `globalThis.crypto` and `require('crypto').webcrypto`. So far SubtleCrypto has digest()
// (SHA-1/256/384/512, hashed on the calling thread); keys, signatures and ciphers come later.
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

// Web Crypto digest names → the native digests.
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

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async digest(algorithm, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    requireArgs(arguments, 2, 'digest', 'SubtleCrypto');
    algorithm = algorithmIdentifier(algorithm, 'digest');
    data = bufferSource(data, 'digest', '2nd');
    const name = digestAlgorithm(algorithm);
    return native.hashOnce(name, data).buffer;
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
  SubtleCrypto,
  subtle,
  webcrypto,
};
