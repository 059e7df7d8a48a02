'use strict';
// The random half of node:crypto: randomBytes, randomFill(Sync), randomInt, randomUUID and
// getRandomValues, on the kernel's getrandom(2) (binding.crypto.randomFill in
// bindings/src/crypto.rs). Small enough for the `crypto` global to load alone.

const { codes } = require('internal/errors');
const { bindToCurrent } = require('internal/async_context');

const native = binding.crypto;
const kMaxLength = 2 ** 31 - 1;

function validateView(buf, name) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  return ArrayBuffer.isView(buf) ? buf : new Uint8Array(buf);
}

function randomFillSync(buf, offset = 0, size) {
  const view = validateView(buf, 'buf');
  const elementSize = view.BYTES_PER_ELEMENT || 1;
  const byteOffset = offset * elementSize;
  const byteSize = size === undefined ? view.byteLength - byteOffset : size * elementSize;
  if (byteOffset < 0 || byteOffset > view.byteLength) {
    throw new codes.ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${view.byteLength}`, offset);
  }
  if (byteSize < 0 || byteOffset + byteSize > view.byteLength) {
    throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${view.byteLength - byteOffset}`, size);
  }
  native.randomFill(view, byteOffset, byteSize);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  if (typeof callback !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  randomFillSync(buf, offset, size);
  process.nextTick(bindToCurrent(callback, 'RANDOMBYTESREQUEST'), null, buf);
}

function randomBytes(size, callback) {
  if (typeof size !== 'number' || Number.isNaN(size)) {
    throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', size);
  }
  if (size < 0 || size > kMaxLength) {
    throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  const BufferCtor = globalThis.Buffer;
  const out = BufferCtor ? BufferCtor.alloc(size) : new Uint8Array(size);
  native.randomFill(out, 0, size);
  if (typeof callback === 'function') {
    process.nextTick(bindToCurrent(callback, 'RANDOMBYTESREQUEST'), null, out);
    return undefined;
  }
  return out;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  if (!Number.isSafeInteger(min)) throw new codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new codes.ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
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

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
