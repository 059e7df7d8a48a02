'use strict';
// internal/buffer: Buffer's numeric accessors - read/write (U)Int8/16/32, (U)IntLE/BE of
// 1..6 bytes, Big(U)Int64 and Float/Double, little and big endian, with Node's offset/value
// checks and error messages. `addNumericMethods(proto)` installs them (and the readUint* aliases).

const { codes, validateNumber } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_BUFFER_OUT_OF_BOUNDS } = codes;

// ===== checks =====

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }

  if (length < 0) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS();
  }

  // (Split over lines so that an uncaught error's source line reads like Node's.)
  throw new ERR_OUT_OF_RANGE(type || 'offset',
                             `>= ${type ? 1 : 0} and <= ${length}`,
                             value);
}

function checkOffset(offset) {
  if (typeof offset !== 'number') throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
}

/** `last` is byteLength - 1: both ends of the range must be inside the buffer. */
function checkBounds(buf, offset, last) {
  checkOffset(offset);
  if (buf[offset] === undefined || buf[offset + last] === undefined) {
    boundsError(offset, buf.length - (last + 1));
  }
}

function rangeText(min, max, byteLength) {
  if (byteLength <= 4) return `>= ${min} and <= ${max}`;
  const n = typeof min === 'bigint' ? 'n' : '';
  const bits = byteLength * 8;
  if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
  return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const range = rangeText(min, max, byteLength);
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength - 1);
}

function checkByteLength(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  boundsError(byteLength, 6, 'byteLength');
}

// ===== integer reads =====

function readUInt8(offset = 0) {
  checkOffset(offset);
  const v = this[offset];
  if (v === undefined) boundsError(offset, this.length - 1);
  return v;
}

function readInt8(offset = 0) {
  checkOffset(offset);
  const v = this[offset];
  if (v === undefined) boundsError(offset, this.length - 1);
  return (v << 24) >> 24;
}

function readUInt16LE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return a | (b << 8);
}

function readUInt16BE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return (a << 8) | b;
}

function readInt16LE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return ((a | (b << 8)) << 16) >> 16;
}

function readInt16BE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, this.length - 2);
  return (((a << 8) | b) << 16) >> 16;
}

function readUInt32LE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + d * 0x1000000;
}

function readUInt32BE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + d;
}

function readInt32LE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return a | (this[offset + 1] << 8) | (this[offset + 2] << 16) | (d << 24);
}

function readInt32BE(offset = 0) {
  checkOffset(offset);
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, this.length - 4);
  return (a << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) | d;
}

/** Unsigned little-endian value of `n` (1..6) bytes at a checked offset. */
function uintLE(buf, offset, n) {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < n; i++, mul *= 0x100) v += buf[offset + i] * mul;
  return v;
}

function uintBE(buf, offset, n) {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 0x100 + buf[offset + i];
  return v;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) checkOffset(offset); // no default offset here, unlike readUInt8()
  if (byteLength === 1) return readUInt8.call(this, offset);
  if (byteLength === 2) return readUInt16LE.call(this, offset);
  if (byteLength === 4) return readUInt32LE.call(this, offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    checkBounds(this, offset, byteLength - 1);
    return uintLE(this, offset, byteLength);
  }
  return checkByteLength(byteLength);
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) checkOffset(offset); // no default offset here, unlike readUInt8()
  if (byteLength === 1) return readUInt8.call(this, offset);
  if (byteLength === 2) return readUInt16BE.call(this, offset);
  if (byteLength === 4) return readUInt32BE.call(this, offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    checkBounds(this, offset, byteLength - 1);
    return uintBE(this, offset, byteLength);
  }
  return checkByteLength(byteLength);
}

function toSigned(v, byteLength) {
  const limit = 2 ** (byteLength * 8 - 1);
  return v >= limit ? v - limit * 2 : v;
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) checkOffset(offset); // no default offset here, unlike readUInt8()
  if (byteLength === 1) return readInt8.call(this, offset);
  if (byteLength === 2) return readInt16LE.call(this, offset);
  if (byteLength === 4) return readInt32LE.call(this, offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    checkBounds(this, offset, byteLength - 1);
    return toSigned(uintLE(this, offset, byteLength), byteLength);
  }
  return checkByteLength(byteLength);
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) checkOffset(offset); // no default offset here, unlike readUInt8()
  if (byteLength === 1) return readInt8.call(this, offset);
  if (byteLength === 2) return readInt16BE.call(this, offset);
  if (byteLength === 4) return readInt32BE.call(this, offset);
  if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
    checkBounds(this, offset, byteLength - 1);
    return toSigned(uintBE(this, offset, byteLength), byteLength);
  }
  return checkByteLength(byteLength);
}

// ===== BigInt reads =====

function check64(buf, offset) {
  checkOffset(offset);
  if (buf[offset] === undefined || buf[offset + 7] === undefined) {
    boundsError(offset, buf.length - 8);
  }
}

function readBigUInt64LE(offset = 0) {
  check64(this, offset);
  const lo = uintLE(this, offset, 4);
  const hi = uintLE(this, offset + 4, 4);
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  check64(this, offset);
  const hi = uintBE(this, offset, 4);
  const lo = uintBE(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  check64(this, offset);
  const lo = uintLE(this, offset, 4);
  const hi = this[offset + 4] | (this[offset + 5] << 8) | (this[offset + 6] << 16) |
    (this[offset + 7] << 24);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  check64(this, offset);
  const hi = (this[offset] << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) |
    this[offset + 3];
  const lo = uintBE(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// ===== floats =====

const f32 = new Float32Array(1);
const f64 = new Float64Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64Bytes = new Uint8Array(f64.buffer);
const hostLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloatGeneric(buf, offset, bigEndian) {
  checkOffset(offset);
  if (buf[offset] === undefined || buf[offset + 3] === undefined) {
    boundsError(offset, buf.length - 4);
  }
  if (bigEndian === hostLE) {
    for (let i = 0; i < 4; i++) f32Bytes[3 - i] = buf[offset + i];
  } else {
    for (let i = 0; i < 4; i++) f32Bytes[i] = buf[offset + i];
  }
  return f32[0];
}

function readDoubleGeneric(buf, offset, bigEndian) {
  checkOffset(offset);
  if (buf[offset] === undefined || buf[offset + 7] === undefined) {
    boundsError(offset, buf.length - 8);
  }
  if (bigEndian === hostLE) {
    for (let i = 0; i < 8; i++) f64Bytes[7 - i] = buf[offset + i];
  } else {
    for (let i = 0; i < 8; i++) f64Bytes[i] = buf[offset + i];
  }
  return f64[0];
}

function readFloatLE(offset = 0) { return readFloatGeneric(this, offset, false); }
function readFloatBE(offset = 0) { return readFloatGeneric(this, offset, true); }
function readDoubleLE(offset = 0) { return readDoubleGeneric(this, offset, false); }
function readDoubleBE(offset = 0) { return readDoubleGeneric(this, offset, true); }

function writeFloatGeneric(buf, value, offset, bigEndian) {
  value = +value;
  checkBounds(buf, offset, 3);
  // Store NaN through the literal: some NaNs (from +undefined) carry non-canonical bits.
  f32[0] = value === value ? value : NaN;
  if (bigEndian === hostLE) {
    for (let i = 0; i < 4; i++) buf[offset + i] = f32Bytes[3 - i];
  } else {
    for (let i = 0; i < 4; i++) buf[offset + i] = f32Bytes[i];
  }
  return offset + 4;
}

function writeDoubleGeneric(buf, value, offset, bigEndian) {
  value = +value;
  checkBounds(buf, offset, 7);
  f64[0] = value === value ? value : NaN;
  if (bigEndian === hostLE) {
    for (let i = 0; i < 8; i++) buf[offset + i] = f64Bytes[7 - i];
  } else {
    for (let i = 0; i < 8; i++) buf[offset + i] = f64Bytes[i];
  }
  return offset + 8;
}

function writeFloatLE(value, offset = 0) { return writeFloatGeneric(this, value, offset, false); }
function writeFloatBE(value, offset = 0) { return writeFloatGeneric(this, value, offset, true); }
function writeDoubleLE(value, offset = 0) { return writeDoubleGeneric(this, value, offset, false); }
function writeDoubleBE(value, offset = 0) { return writeDoubleGeneric(this, value, offset, true); }

// ===== integer writes =====

function writeU8(buf, value, offset, min, max) {
  value = +value;
  checkOffset(offset);
  if (value > max || value < min) {
    throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  }
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeUInt8(value, offset = 0) { return writeU8(this, value, offset, 0, 0xff); }
function writeInt8(value, offset = 0) { return writeU8(this, value, offset, -0x80, 0x7f); }

/** Writes `value` (already range-checked, any sign) as `n` bytes little endian. */
function putLE(buf, value, offset, n) {
  // The low 32 bits with integer ops, the rest with division (up to 48 bits).
  let lo = value % 0x100000000;
  if (lo < 0) lo += 0x100000000;
  let hi = Math.floor(value / 0x100000000);
  for (let i = 0; i < n; i++) {
    if (i < 4) {
      buf[offset + i] = lo;
      lo = Math.floor(lo / 0x100);
    } else {
      buf[offset + i] = hi;
      hi >>= 8;
    }
  }
  return offset + n;
}

function putBE(buf, value, offset, n) {
  let lo = value % 0x100000000;
  if (lo < 0) lo += 0x100000000;
  let hi = Math.floor(value / 0x100000000);
  for (let i = 0; i < n; i++) {
    const pos = offset + n - 1 - i;
    if (i < 4) {
      buf[pos] = lo;
      lo = Math.floor(lo / 0x100);
    } else {
      buf[pos] = hi;
      hi >>= 8;
    }
  }
  return offset + n;
}

function writeUInt16LE(value, offset = 0) {
  value = +value;
  checkInt(value, 0, 0xffff, this, offset, 2);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  return offset + 2;
}

function writeUInt16BE(value, offset = 0) {
  value = +value;
  checkInt(value, 0, 0xffff, this, offset, 2);
  this[offset] = value >>> 8;
  this[offset + 1] = value;
  return offset + 2;
}

function writeInt16LE(value, offset = 0) {
  value = +value;
  checkInt(value, -0x8000, 0x7fff, this, offset, 2);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  return offset + 2;
}

function writeInt16BE(value, offset = 0) {
  value = +value;
  checkInt(value, -0x8000, 0x7fff, this, offset, 2);
  this[offset] = value >>> 8;
  this[offset + 1] = value;
  return offset + 2;
}

function writeUInt32LE(value, offset = 0) {
  value = +value;
  checkInt(value, 0, 0xffffffff, this, offset, 4);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  this[offset + 2] = value >>> 16;
  this[offset + 3] = value >>> 24;
  return offset + 4;
}

function writeUInt32BE(value, offset = 0) {
  value = +value;
  checkInt(value, 0, 0xffffffff, this, offset, 4);
  this[offset] = value >>> 24;
  this[offset + 1] = value >>> 16;
  this[offset + 2] = value >>> 8;
  this[offset + 3] = value;
  return offset + 4;
}

function writeInt32LE(value, offset = 0) {
  value = +value;
  checkInt(value, -0x80000000, 0x7fffffff, this, offset, 4);
  this[offset] = value;
  this[offset + 1] = value >>> 8;
  this[offset + 2] = value >>> 16;
  this[offset + 3] = value >>> 24;
  return offset + 4;
}

function writeInt32BE(value, offset = 0) {
  value = +value;
  checkInt(value, -0x80000000, 0x7fffffff, this, offset, 4);
  this[offset] = value >>> 24;
  this[offset + 1] = value >>> 16;
  this[offset + 2] = value >>> 8;
  this[offset + 3] = value;
  return offset + 4;
}

function intWriter(signed, put, fixed) {
  return function(value, offset, byteLength) {
    if (byteLength === 1 || byteLength === 2 || byteLength === 4) {
      return fixed[byteLength].call(this, value, offset);
    }
    if (byteLength === 3 || byteLength === 5 || byteLength === 6) {
      value = +value;
      const bits = byteLength * 8;
      const min = signed ? -(2 ** (bits - 1)) : 0;
      const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      checkInt(value, min, max, this, offset, byteLength);
      if (value !== value) value = 0; // NaN writes zeros, like the typed-array stores
      return put(this, Math.trunc(value), offset, byteLength);
    }
    return checkByteLength(byteLength);
  };
}

const writeUIntLE = intWriter(false, putLE, { 1: writeUInt8, 2: writeUInt16LE, 4: writeUInt32LE });
const writeUIntBE = intWriter(false, putBE, { 1: writeUInt8, 2: writeUInt16BE, 4: writeUInt32BE });
const writeIntLE = intWriter(true, putLE, { 1: writeInt8, 2: writeInt16LE, 4: writeInt32LE });
const writeIntBE = intWriter(true, putBE, { 1: writeInt8, 2: writeInt16BE, 4: writeInt32BE });

// ===== BigInt writes =====

function writeBig64(buf, value, offset, min, max, bigEndian) {
  checkInt(value, min, max, buf, offset, 8);
  let lo = Number(value & 0xffffffffn);
  let hi = Number((value >> 32n) & 0xffffffffn);
  if (bigEndian) {
    for (let i = 3; i >= 0; i--) { buf[offset + 4 + i] = lo; lo >>>= 8; }
    for (let i = 3; i >= 0; i--) { buf[offset + i] = hi; hi >>>= 8; }
  } else {
    for (let i = 0; i < 4; i++) { buf[offset + i] = lo; lo >>>= 8; }
    for (let i = 4; i < 8; i++) { buf[offset + i] = hi; hi >>>= 8; }
  }
  return offset + 8;
}

const U64_MAX = 0xffffffffffffffffn;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, U64_MAX, false);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, U64_MAX, true);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, I64_MIN, I64_MAX, false);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, I64_MIN, I64_MAX, true);
}

// ===== installation =====

// Keyed by Node's canonical name; `alias` is the lowercase `Uint` spelling (same function).
const methods = [
  ['readBigUInt64LE', readBigUInt64LE, 'readBigUint64LE'],
  ['readBigUInt64BE', readBigUInt64BE, 'readBigUint64BE'],
  ['readBigInt64LE', readBigInt64LE],
  ['readBigInt64BE', readBigInt64BE],
  ['writeBigUInt64LE', writeBigUInt64LE, 'writeBigUint64LE'],
  ['writeBigUInt64BE', writeBigUInt64BE, 'writeBigUint64BE'],
  ['writeBigInt64LE', writeBigInt64LE],
  ['writeBigInt64BE', writeBigInt64BE],
  ['readUIntLE', readUIntLE, 'readUintLE'],
  ['readUInt32LE', readUInt32LE, 'readUint32LE'],
  ['readUInt16LE', readUInt16LE, 'readUint16LE'],
  ['readUInt8', readUInt8, 'readUint8'],
  ['readUIntBE', readUIntBE, 'readUintBE'],
  ['readUInt32BE', readUInt32BE, 'readUint32BE'],
  ['readUInt16BE', readUInt16BE, 'readUint16BE'],
  ['readIntLE', readIntLE],
  ['readInt32LE', readInt32LE],
  ['readInt16LE', readInt16LE],
  ['readInt8', readInt8],
  ['readIntBE', readIntBE],
  ['readInt32BE', readInt32BE],
  ['readInt16BE', readInt16BE],
  ['writeUIntLE', writeUIntLE, 'writeUintLE'],
  ['writeUInt32LE', writeUInt32LE, 'writeUint32LE'],
  ['writeUInt16LE', writeUInt16LE, 'writeUint16LE'],
  ['writeUInt8', writeUInt8, 'writeUint8'],
  ['writeUIntBE', writeUIntBE, 'writeUintBE'],
  ['writeUInt32BE', writeUInt32BE, 'writeUint32BE'],
  ['writeUInt16BE', writeUInt16BE, 'writeUint16BE'],
  ['writeIntLE', writeIntLE],
  ['writeInt32LE', writeInt32LE],
  ['writeInt16LE', writeInt16LE],
  ['writeInt8', writeInt8],
  ['writeIntBE', writeIntBE],
  ['writeInt32BE', writeInt32BE],
  ['writeInt16BE', writeInt16BE],
  ['readFloatLE', readFloatLE],
  ['readFloatBE', readFloatBE],
  ['readDoubleLE', readDoubleLE],
  ['readDoubleBE', readDoubleBE],
  ['writeFloatLE', writeFloatLE],
  ['writeFloatBE', writeFloatBE],
  ['writeDoubleLE', writeDoubleLE],
  ['writeDoubleBE', writeDoubleBE],
];

/** Installs every accessor on `proto` as ordinary (enumerable) properties, in Node's order. */
function addNumericMethods(proto) {
  // Node lists the canonical names of a group first, then their aliases.
  const groups = [[0, 2], [2, 4], [4, 6], [6, 8], [8, 15], [15, 22], [22, 29], [29, 36], [36, 44]];
  for (const [from, to] of groups) {
    const group = methods.slice(from, to);
    for (const [name, fn] of group) {
      Object.defineProperty(fn, 'name', { value: name, configurable: true });
      proto[name] = fn;
    }
    for (const [, fn, alias] of group) {
      if (alias !== undefined) proto[alias] = fn;
    }
  }
}

module.exports = { addNumericMethods, boundsError };
