'use strict';
// The random half of node:crypto: randomBytes, randomFill(Sync), randomInt, randomUUID and
// getRandomValues, on the kernel's getrandom(2) (binding.crypto.randomFill in
// bindings/src/crypto.rs). Small enough for the `crypto` global to load alone.

const { codes } = require('internal/errors');
const { bindToCurrent } = require('internal/async_context');

const native = binding.crypto;
const kMaxLength = 2 ** 31 - 1;

function validateBuffer(buf) {
  if (!ArrayBuffer.isView(buf) && !binding.types.isAnyArrayBuffer(buf)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
}

/** An offset in elements as a byte offset within `length` bytes. */
function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new codes.ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

/** A size in elements as a byte count that fits after `offset` in `length` bytes. */
function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) {
    throw new codes.ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function bytesView(buf) {
  return ArrayBuffer.isView(buf) ? buf : new Uint8Array(buf);
}

function randomFillSync(buf, offset = 0, size) {
  validateBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size > 0) native.randomFill(bytesView(buf), offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const elements = ArrayBuffer.isView(buf) ? buf.byteLength / elementSize : buf.byteLength;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = elements;
  } else if (typeof size === 'function') {
    callback = size;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    size = elements - offset / elementSize;
  } else {
    if (typeof callback !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = elements - offset / elementSize;
  }
  size = assertSize(size, elementSize, offset, buf.byteLength);
  if (size > 0) native.randomFill(bytesView(buf), offset, size);
  process.nextTick(bindToCurrent(callback, 'RANDOMBYTESREQUEST'), null, buf);
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined && typeof callback !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  const BufferCtor = globalThis.Buffer;
  const out = BufferCtor ? BufferCtor.alloc(size) : new Uint8Array(size);
  if (size > 0) native.randomFill(out, 0, size);
  if (typeof callback === 'function') {
    process.nextTick(bindToCurrent(callback, 'RANDOMBYTESREQUEST'), null, out);
    return undefined;
  }
  return out;
}

function randomInt(min, max, callback) {
  const minNotSpecified = max === undefined || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined && typeof callback !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (!Number.isSafeInteger(min)) throw new codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new codes.ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= 0xFFFFFFFFFFFF)) {
    throw new codes.ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`,
                                     `<= ${0xFFFFFFFFFFFF}`, range);
  }
  // Rejection sampling over 48 random bits, so every value is equally likely.
  const limit = 2 ** 48 - (2 ** 48 % range);
  const bytes = new Uint8Array(6);
  let n;
  do {
    native.randomFill(bytes, 0, 6);
    n = bytes.reduce((acc, b) => acc * 256 + b, 0);
  } while (n >= limit);
  const result = min + (n % range);
  if (typeof callback === 'function') {
    process.nextTick(callback, null, result);
    return undefined;
  }
  return result;
}

function randomUUID(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const b = new Uint8Array(16);
  native.randomFill(b, 0, 16);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, BigInt64Array, BigUint64Array];

function getRandomValues(array) {
  if (!integerArrays.some((T) => array instanceof T)) {
    const { DOMException } = require('internal/encoding');
    throw new DOMException(
      "The data argument must be an integer-type TypedArray", 'TypeMismatchError');
  }
  if (array.byteLength > 65536) {
    const { DOMException } = require('internal/encoding');
    throw new DOMException(
      `The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`,
      'QuotaExceededError');
  }
  native.randomFill(array, 0, array.byteLength);
  return array;
}

// ===== primes =====

const kBufferTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

function unsignedBigIntToBytes(value, name) {
  if (value < 0n) throw new codes.ERR_OUT_OF_RANGE(name, '>= 0', value);
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A bigint or buffer-like number argument as big-endian bytes. */
function numberBytes(value, name) {
  if (typeof value === 'bigint') return unsignedBigIntToBytes(value, name);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (binding.types.isAnyArrayBuffer(value)) return new Uint8Array(value).slice();
  throw new codes.ERR_INVALID_ARG_TYPE(name, kBufferTypes, value);
}

function bytesToBigInt(bytes) {
  let value = 0n;
  for (const b of new Uint8Array(bytes)) value = (value << 8n) | BigInt(b);
  return value;
}

function rangeError(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

/** The native arguments of generatePrime(Sync), checked as Node checks them. */
function primeJob(size, options) {
  const { validateBoolean, validateObject } = require('internal/errors');
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = numberBytes(add, 'options.add');
  if (rem !== undefined) rem = numberBytes(rem, 'options.rem');
  if (add !== undefined) {
    const addValue = bytesToBigInt(add);
    if (addValue.toString(2).length > size || addValue === 0n) {
      throw rangeError('invalid options.add');
    }
    if (rem !== undefined && bytesToBigInt(rem) >= addValue) {
      throw rangeError('invalid options.rem');
    }
  }
  const result = (bytes) => (bigint ? bytesToBigInt(bytes) : arrayBufferOf(bytes));
  return { args: [size, safe, add, rem], result };
}

function arrayBufferOf(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function generatePrime(size, options, callback) {
  const { validateFunction, validateInt32 } = require('internal/errors');
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const { args, result } = primeJob(size, options);
  native.primeGenerate(args[0], args[1], args[2], args[3], (err, bytes) => {
    if (err) callback(err);
    else callback(undefined, result(bytes));
  });
}

function generatePrimeSync(size, options = {}) {
  const { validateInt32 } = require('internal/errors');
  validateInt32(size, 'size', 1);
  const { args, result } = primeJob(size, options);
  return result(native.primeGenerate(args[0], args[1], args[2], args[3]));
}

function checkPrimeArgs(candidate, options) {
  const { validateInt32, validateObject } = require('internal/errors');
  if (typeof candidate === 'bigint') {
    candidate = unsignedBigIntToBytes(candidate, 'candidate');
  } else if (!ArrayBuffer.isView(candidate) && !binding.types.isAnyArrayBuffer(candidate)) {
    throw new codes.ERR_INVALID_ARG_TYPE('candidate', kBufferTypes, candidate);
  } else {
    candidate = numberBytes(candidate, 'candidate');
  }
  validateObject(options, 'options');
  const { checks = 0 } = options;
  // Unsigned, but OpenSSL takes it as a C int.
  validateInt32(checks, 'options.checks', 0);
  return { candidate, checks };
}

function checkPrime(candidate, options = {}, callback) {
  const { validateFunction } = require('internal/errors');
  if (typeof candidate === 'bigint') unsignedBigIntToBytes(candidate, 'candidate');
  else if (!ArrayBuffer.isView(candidate) && !binding.types.isAnyArrayBuffer(candidate)) {
    throw new codes.ERR_INVALID_ARG_TYPE('candidate', kBufferTypes, candidate);
  }
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const args = checkPrimeArgs(candidate, options);
  native.primeCheck(args.candidate, args.checks, (err, result) => {
    if (err) callback(err);
    else callback(undefined, result);
  });
}

function checkPrimeSync(candidate, options = {}) {
  const args = checkPrimeArgs(candidate, options);
  return native.primeCheck(args.candidate, args.checks);
}

module.exports = {
  checkPrime,
  checkPrimeSync,
  generatePrime,
  generatePrimeSync,
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
