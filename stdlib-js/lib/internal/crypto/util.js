'use strict';
// Helpers shared by the node:crypto modules: turning inputs into byte views, turning digests
// into Buffers and strings, what the native side knows about each digest name, errors shaped
// like the ones Node throws from C++ (a `code` but no "[CODE]" in the stack), and
// timingSafeEqual. Natives: binding.crypto (bindings/src/crypto_hash.rs).

const { codes, validateString } = require('internal/errors');
const { normalizeEncoding } = require('internal/buffer/encodings');

const native = binding.crypto;
const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;
const { ERR_INVALID_ARG_TYPE } = codes;

// Buffer[Symbol.species] is the Uint8Array subclass behind every Buffer: wrapping a fresh
// native Uint8Array's memory in one costs no copy.
let FastBuffer;
function toBuffer(bytes) {
  if (FastBuffer === undefined) FastBuffer = require('buffer').Buffer[Symbol.species];
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An error the way Node's C++ side throws it: `code` set, no "[CODE]" in the stack header. */
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  if (code !== undefined) err.code = code;
  return err;
}

/** OpenSSL's "not XOF or invalid length" (an outputLength on a fixed-size digest). */
function notXofError() {
  const err = new Error('error:030000B2:digital envelope routines::not XOF or invalid length');
  err.library = 'digital envelope routines';
  err.reason = 'not XOF or invalid length';
  err.code = 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH';
  return err;
}

// ===== digest names =====

const digestCache = new Map();

/**
 * What the native side knows of a digest name: `{ size, xof }` (size in bytes; for an XOF,
 * its default output length), or undefined for a name it does not support. Cached per name.
 */
function digestInfo(name) {
  let info = digestCache.get(name);
  if (info !== undefined || digestCache.has(name)) return info;
  const empty = native.hashOnce(name, '');
  if (empty !== undefined) {
    const size = empty.length;
    // A fixed-size digest ignores the output length; an XOF honours it.
    const xof = size !== 1 && native.hashOnce(name, '', 1).length === 1;
    info = { size, xof };
  }
  if (digestCache.size < 1000) digestCache.set(name, info);
  return info;
}

let hashNames;
/** getHashes(): Node 20's list, a fresh array each call. */
function getHashes() {
  if (hashNames === undefined) hashNames = native.hashNames();
  return hashNames.slice();
}

// ===== inputs =====

/**
 * `value` as bytes for a native call: strings are decoded with `encoding` (utf8 by default),
 * ArrayBuffers viewed; anything else but a view throws ERR_INVALID_ARG_TYPE for `name`.
 */
function getArrayBufferOrView(value, name, encoding) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (typeof value === 'string') return stringBytes(value, encoding);
  if (!ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
  }
  return value;
}

/**
 * A string's bytes in `encoding` as Node's C++ decoders read them: utf8, 'buffer' and unknown
 * names all mean UTF-8, which the natives take as a plain string (no copy made here).
 */
function stringBytes(str, encoding) {
  if (encoding === undefined || encoding === 'utf8' || encoding === 'buffer') return str;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'utf8') return str;
  return require('buffer').Buffer.from(str, enc);
}

// ===== outputs =====

const hexPairs = [];
for (let i = 0; i < 256; i++) hexPairs.push((i < 16 ? '0' : '') + i.toString(16));

/** Bytes as Node's digest(encoding) gives them: a string for a known encoding, else a Buffer. */
function encodeBytes(bytes, encoding) {
  if (encoding === 'hex') {
    // Digests are short: a table walk beats a call into the codec.
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += hexPairs[bytes[i]];
    return out;
  }
  const buf = toBuffer(bytes);
  if (encoding === 'buffer') return buf;
  const enc = normalizeEncoding(encoding);
  return enc === undefined ? buf : buf.toString(enc);
}

// ===== timingSafeEqual =====

function timingSafeEqual(buf1, buf2) {
  const a = viewForCompare(buf1, 'buf1');
  const b = viewForCompare(buf2, 'buf2');
  if (a.byteLength !== b.byteLength) {
    throw nativeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
                      'Input buffers must have the same byte length');
  }
  return native.timingSafeEqual(a, b);
}

function viewForCompare(value, name) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return value;
  throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                    `The "${name}" argument must be an instance of ArrayBuffer, Buffer, ` +
                    'TypedArray, or DataView.');
}

// ===== secret keys =====

/**
 * The bytes of a secret KeyObject or (unless `keyObjectOnly`, as for hkdf's ikm) CryptoKey,
 * or undefined for any other value; a KeyObject of another type throws Node's error.
 */
function secretKeyBytes(key, keyObjectOnly = false) {
  if (key === null || typeof key !== 'object') return undefined;
  if (!keyObjectOnly) {
    const cryptoKeyBytes = require('internal/crypto/webcrypto_keys').secretBytesOf(key);
    if (cryptoKeyBytes !== undefined) return cryptoKeyBytes;
  }
  if (!(key instanceof require('crypto').KeyObject)) return undefined;
  if (key.type !== 'secret') {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
                      `Invalid key object type ${key.type}, expected secret.`);
  }
  return key.export();
}

/** The `options[key]` string option (validated when present), as Node's getStringOption. */
function getStringOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) validateString(value, `options.${key}`);
  return value;
}

module.exports = {
  digestInfo,
  encodeBytes,
  getArrayBufferOrView,
  getHashes,
  getStringOption,
  isAnyArrayBuffer,
  nativeError,
  notXofError,
  secretKeyBytes,
  stringBytes,
  timingSafeEqual,
  toBuffer,
};
