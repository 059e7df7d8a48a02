'use strict';
// node:buffer - Buffer (a Uint8Array subclass, FastBuffer-style), its statics and instance
// methods, SlowBuffer, Blob/File, transcode, isUtf8/isAscii and the constants. The codecs live
// in internal/buffer/encodings, the numeric accessors in internal/buffer.

const {
  codes,
  hideStackFrames,
  validateArray,
  validateNumber,
  validateString,
  validateInteger,
} = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_UNKNOWN_ENCODING,
  ERR_BUFFER_OUT_OF_BOUNDS,
  ERR_INVALID_BUFFER_SIZE,
  ERR_INVALID_STATE,
} = codes;
const {
  normalizeEncoding,
  getEncodingOps,
  encodingOps,
  encodeString,
  utf8ByteLength,
  isAsciiRange,
} = require('internal/buffer/encodings');
const { getOptionValue } = require('internal/options');
const { addNumericMethods } = require('internal/buffer');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

let INSPECT_MAX_BYTES = 50;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

// %TypedArray%.prototype[@@toStringTag] names the kind of a typed array (undefined otherwise).
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function isUint8Array(value) {
  return typedArrayTag.call(value) === 'Uint8Array';
}
function isTypedArray(value) {
  return typedArrayTag.call(value) !== undefined;
}
const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;

// ===== FastBuffer and Buffer =====

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

let deprecationWarned = false;
function showDeprecation() {
  if (deprecationWarned) return;
  // Calls from dependencies (the first user frame is under node_modules) stay quiet, as in Node,
  // unless --pending-deprecation asks for every one.
  if (!getOptionValue('--pending-deprecation') && !process.env.NODE_PENDING_DEPRECATION &&
      calledFromNodeModules()) {
    return;
  }
  deprecationWarned = true;
  process.emitWarning(
    'Buffer() is deprecated due to security and usability issues. Please use the ' +
    'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
    'DeprecationWarning', 'DEP0005');
}

function calledFromNodeModules() {
  const saved = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let frames;
  try {
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = 20;
    const holder = {};
    Error.captureStackTrace(holder, showDeprecation);
    frames = holder.stack;
  } finally {
    Error.prepareStackTrace = saved;
    Error.stackTraceLimit = savedLimit;
  }
  if (!Array.isArray(frames)) return false;
  for (const frame of frames) {
    const file = frame.getFileName();
    // Frames of the runtime itself (node:...) and of eval'd code are skipped.
    if (typeof file !== 'string' || !/^\/|\\/.test(file)) continue;
    return /[\\/]node_modules[\\/]/.test(file);
  }
  return false;
}

/** The deprecated `Buffer(arg, encodingOrOffset, length)` (with or without `new`). */
function Buffer(arg, encodingOrOffset, length) {
  showDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
addNumericMethods(Buffer.prototype);

// ===== allocation =====

Buffer.poolSize = 8 * 1024;
let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  // Other Buffers share the pool: transferring it (postMessage, structuredClone) only copies.
  Object.defineProperty(allocPool, Symbol.for('eddy.untransferable'), { value: true });
  poolOffset = 0;
}
createPool();

function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// From this size on, allocUnsafe() memory is not zeroed (as in Node): zeroing a big buffer that
// is about to be filled (a read stream's chunk) costs more than the rest of making it.
const kUninitMin = 32 * 1024;

// --zero-fill-buffers (on the command line or in NODE_OPTIONS): every allocation zeroed. Read
// once, on the first big allocation.
let zeroFillAll;
const zeroFillFlag = () => getOptionValue('--zero-fill-buffers');

/** `size` bytes, not zeroed when big (unless --zero-fill-buffers). */
function allocateUninit(size) {
  zeroFillAll ??= zeroFillFlag();
  if (size >= kUninitMin && !zeroFillAll) {
    const memory = binding.buffer.allocUninit(size);
    if (memory !== null) return new FastBuffer(memory);
  }
  return new FastBuffer(size);
}

/** An uninitialised-by-contract buffer: small ones are carved out of the shared pool. */
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    // The length taken, not `size`: a fractional size (allocUnsafe(0.1)) would leave the
    // offset fractional, and the pooled string writes below would miss the pool.
    poolOffset += b.length;
    alignPool();
    return b;
  }
  return allocateUninit(size);
}

const validateSize = hideStackFrames((size) => {
  validateNumber(size, 'size', 0, kMaxLength);
});

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, Math.min(end, viewLength));
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const out = allocate(bytes.length);
  out.set(bytes);
  return out;
};

Buffer.of = function of(...items) {
  const b = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return fillImpl(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return allocateUninit(size);
};

function SlowBuffer(size) {
  validateSize(size);
  return allocateUninit(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (string.length === 0) return new FastBuffer();
  if (ops === encodingOps.utf8) {
    const len = string.length;
    // Short ASCII strings go straight into the pool; anything else through the native
    // encoder, whose result becomes the buffer without a copy.
    if (len < 64 && len < (Buffer.poolSize >>> 1)) {
      if (len > poolSize - poolOffset) createPool();
      const pool = new Uint8Array(allocPool);
      let i = 0;
      for (; i < len; i++) {
        const c = string.charCodeAt(i);
        if (c > 0x7f) break;
        pool[poolOffset + i] = c;
      }
      if (i === len) {
        const b = new FastBuffer(allocPool, poolOffset, len);
        poolOffset += len;
        alignPool();
        return b;
      }
    }
    const bytes = binding.encoding.encodeUtf8(string);
    return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const length = ops.byteLength(string);
  if (length >= (Buffer.poolSize >>> 1)) {
    const buf = new FastBuffer(length);
    const actual = ops.write(buf, string, 0, length);
    return actual === length ? buf : new FastBuffer(buf.buffer, 0, actual);
  }
  if (length > poolSize - poolOffset) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  const b = allocate(length);
  if (isUint8Array(obj) || Array.isArray(obj)) {
    b.set(obj, 0);
  } else {
    for (let i = 0; i < length; i++) b[i] = obj[i];
  }
  return b;
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

// ===== statics =====

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareRanges(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isUint8Array(item)) {
        throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
      }
      length += item.length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = allocate(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isUint8Array(item)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
    }
    let n = item.length;
    if (pos + n > length) n = length - pos;
    if (n === 0) {
      // An empty item is skipped; a full buffer ends the copy.
      if (pos === length) break;
      continue;
    }
    buffer.set(n === item.length ? item : item.subarray(0, n), pos);
    pos += n;
  }
  // Zero-fill what the list did not cover (an explicit, larger length).
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (encoding) {
    const ops = getEncodingOps(encoding);
    if (ops !== undefined) return ops.byteLength(string);
  }
  return utf8ByteLength(string);
}
Buffer.byteLength = byteLength;

// ===== helpers =====

const validateOffset = hideStackFrames((value, name, min = 0, max = kMaxLength) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
});

function validateBufferArg(value, name) {
  if (!isUint8Array(value)) throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'Uint8Array'], value);
}

function compareRanges(a, aStart, aEnd, b, bStart, bEnd) {
  const aLen = aEnd - aStart;
  const bLen = bEnd - bStart;
  const n = aLen < bLen ? aLen : bLen;
  const i = n >= 64 ? firstWordMismatch(a, aStart, b, bStart, n) : 0;
  return compareBytes(a, aStart, aLen, b, bStart, bLen, i, n);
}

/** Index (a multiple of 4) before which a[aStart..] and b[bStart..] agree, compared by words. */
function firstWordMismatch(a, aStart, b, bStart, n) {
  const aOff = a.byteOffset + aStart;
  const bOff = b.byteOffset + bStart;
  if ((aOff & 3) !== 0 || (bOff & 3) !== 0) return 0;
  const words = n >>> 2;
  const wa = new Int32Array(a.buffer, aOff, words);
  const wb = new Int32Array(b.buffer, bOff, words);
  let w = 0;
  while (w < words && wa[w] === wb[w]) w++;
  return w * 4;
}

function compareBytes(a, aStart, aLen, b, bStart, bLen, from, n) {
  for (let i = from; i < n; i++) {
    const x = a[aStart + i];
    const y = b[bStart + i];
    if (x !== y) return x < y ? -1 : 1;
  }
  return aLen < bLen ? -1 : aLen > bLen ? 1 : 0;
}

/** Node's argument coercion for copy(): numbers only, NaN and unsafe values -> default. */
function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function notStringError() {
  const err = new ERR_INVALID_ARG_TYPE('argument', 'string', 0);
  err.message = 'argument must be a string';
  err.stack = `TypeError [ERR_INVALID_ARG_TYPE]: argument must be a string${
    err.stack.slice(err.stack.indexOf('\n'))}`;
  return err;
}

function indexOutOfRange() {
  const err = new ERR_OUT_OF_RANGE('index', 'x', 0);
  err.message = 'Index out of range';
  err.stack = `RangeError [ERR_OUT_OF_RANGE]: Index out of range${
    err.stack.slice(err.stack.indexOf('\n'))}`;
  return err;
}

function sliceIndex(value, defaultValue) {
  if (value === undefined) return defaultValue;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw indexOutOfRange();
  return n;
}

// ===== instance methods =====

const proto = Buffer.prototype;

// buf.<enc>Slice(start, end) and buf.<enc>Write(string, offset, length), as in Node.
for (const [name, ops] of [
  ['ascii', encodingOps.ascii], ['base64', encodingOps.base64],
  ['base64url', encodingOps.base64url], ['latin1', encodingOps.latin1],
  ['hex', encodingOps.hex], ['ucs2', encodingOps.utf16le], ['utf8', encodingOps.utf8],
]) {
  const slice = ops.slice;
  proto[`${name}Slice`] = {
    [`${name}Slice`](start, end) {
      const len = this.length;
      if (len === 0) return '';
      start = sliceIndex(start, 0);
      end = sliceIndex(end, len);
      if (end < start) end = start;
      if (end > len) throw indexOutOfRange();
      return slice(this, start, end);
    },
  }[`${name}Slice`];
}
for (const [name, ops] of [
  ['ascii', encodingOps.ascii], ['base64', encodingOps.base64],
  ['base64url', encodingOps.base64url], ['latin1', encodingOps.latin1],
  ['hex', encodingOps.hex], ['ucs2', encodingOps.utf16le], ['utf8', encodingOps.utf8],
]) {
  const write = ops.write;
  proto[`${name}Write`] = {
    [`${name}Write`](string, offset, length) {
      if (typeof string !== 'string') throw notStringError();
      const len = this.length;
      offset = sliceIndex(offset, 0);
      if (offset > len) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
      length = sliceIndex(length, len - offset);
      if (length > len - offset) length = len - offset;
      if (length === 0) return 0;
      return write(this, string, offset, length);
    },
  }[`${name}Write`];
}

Object.defineProperty(proto, 'parent', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(proto, 'offset', {
  __proto__: null,
  enumerable: true,
  configurable: false,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  validateBufferArg(target, 'target');
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = this.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  if (sourceEnd - sourceStart > target.length - targetStart) {
    sourceEnd = sourceStart + target.length - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const available = this.length - sourceStart;
  if (nb > available) nb = available;
  if (nb <= 0) return 0;
  if (nb <= 16 && (target.buffer !== this.buffer)) {
    for (let i = 0; i < nb; i++) target[targetStart + i] = this[sourceStart + i];
  } else {
    target.set(new Uint8Array(this.buffer, this.byteOffset + sourceStart, nb), targetStart);
  }
  return nb;
};

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return encodingOps.utf8.slice(this, 0, this.length);
  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = Math.trunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = Math.trunc(end) || 0;
  }
  if (end <= start) return '';
  if (encoding === undefined) return encodingOps.utf8.slice(this, start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) {
    throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  return ops.slice(this, start, end);
};

proto.equals = function equals(otherBuffer) {
  validateBufferArg(otherBuffer, 'otherBuffer');
  if (this === otherBuffer) return true;
  const len = this.length;
  if (len !== otherBuffer.length) return false;
  const from = len >= 64 ? firstWordMismatch(this, 0, otherBuffer, 0, len) : 0;
  for (let i = from; i < len; i++) {
    if (this[i] !== otherBuffer[i]) return false;
  }
  return true;
};

function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = '';
  for (let i = 0; i < actualMax; i++) {
    const b = this[i];
    str += (i === 0 ? '' : ' ') + (b < 16 ? '0' : '') + b.toString(16);
  }
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own non-index properties are shown after the bytes, like an object's.
  if (ctx) {
    const extras = { __proto__: null };
    let hasExtras = false;
    // Not Reflect.ownKeys: a big Buffer has more indices than V8 can list.
    const filter = ctx.showHidden ? 0 /* ALL_PROPERTIES */ : 2 /* ONLY_ENUMERABLE */;
    for (const key of binding.util.getOwnNonIndexProperties(this, filter)) {
      extras[key] = this[key];
      hasExtras = true;
    }
    if (hasExtras) {
      const inspectValue = require('internal/util/inspect').inspect;
      const rendered = inspectValue(extras, { ...ctx, breakLength: Infinity, compact: true });
      const open = rendered.indexOf('{');
      if (this.length !== 0) str += ', ';
      str += rendered.slice(open + 2, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
}

proto.inspect = inspect;
proto[customInspectSymbol] = inspect;

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  validateBufferArg(target, 'target');
  if (arguments.length === 1) return compareRanges(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareRanges(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

// ===== search =====

/** Where a search of `needleLength` bytes starts, or -1 when it cannot match (Node's rules). */
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

function searchBytes(haystack, needle, offset, forward, step) {
  const hLen = haystack.length;
  const nLen = needle.length;
  let from = searchStart(hLen, offset, nLen, forward);
  if (nLen === 0) return from;
  if (hLen === 0 || from < 0) return -1;
  if (step === 2) from -= from & 1;
  if (hLen >= 64) return binding.buffer.indexOf(haystack, needle, from, forward, step);
  const first = needle[0];
  const last = hLen - nLen;
  if (forward) {
    for (let i = from; i <= last;) {
      i = step === 1 ? Uint8Array.prototype.indexOf.call(haystack, first, i) : i;
      if (i === -1 || i > last) return -1;
      if (haystack[i] === first && matchAt(haystack, needle, i)) return i;
      i += step;
    }
    return -1;
  }
  for (let i = from > last ? last : from; i >= 0; i -= step) {
    if (step === 2 && (i & 1)) { i++; continue; }
    if (haystack[i] === first && matchAt(haystack, needle, i)) return i;
  }
  return -1;
}

function matchAt(haystack, needle, at) {
  for (let j = 1; j < needle.length; j++) {
    if (haystack[at + j] !== needle[j]) return false;
  }
  return true;
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  byteOffset = Math.trunc(byteOffset);

  if (typeof val === 'number') {
    const byte = (val >>> 0) & 0xff;
    const from = searchStart(buffer.length, byteOffset, 1, dir);
    if (from < 0) return -1;
    return dir ? Uint8Array.prototype.indexOf.call(buffer, byte, from) :
      Uint8Array.prototype.lastIndexOf.call(buffer, byte, from);
  }

  const ops = encoding === undefined ? encodingOps.utf8 : getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    const needle = encodeString(val, ops);
    if (ops === encodingOps.utf16le) {
      if (needle.length === 0) return searchStart(buffer.length, byteOffset, 0, dir);
      if (buffer.length < 2) return -1;
    }
    return searchBytes(buffer, needle, byteOffset, dir, ops === encodingOps.utf16le ? 2 : 1);
  }
  if (isUint8Array(val)) {
    const ucs2 = ops === encodingOps.utf16le;
    if (ucs2 && val.length !== 0 && (buffer.length < 2 || val.length < 2)) return -1;
    // UTF-16 compares whole code units: an odd trailing byte of the needle is ignored.
    const needle = ucs2 && (val.length & 1) ? val.subarray(0, val.length - 1) : val;
    return searchBytes(buffer, needle, byteOffset, dir, ucs2 ? 2 : 1);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ===== fill / write =====

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

function fillImpl(buf, value, offset, end, encoding) {
  let bytes;
  if (typeof value === 'string') {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1 && (normalized === 'latin1' ||
               (normalized === 'utf8' && value.charCodeAt(0) < 0x80))) {
      value = value.charCodeAt(0) & 0xff;
    } else {
      bytes = encodeString(value, encodingOps[normalized]);
    }
  } else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else if (typeof value === 'boolean') {
    value = Number(value);
  } else if (typeof value !== 'number') {
    value = Number(value) >>> 0;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (bytes === undefined) {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
    return buf;
  }
  const n = bytes.length;
  if (n === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  if (end > buf.length) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  if (n === 1) {
    Uint8Array.prototype.fill.call(buf, bytes[0], offset, end);
    return buf;
  }
  // Copy the pattern once, then keep doubling the filled prefix.
  let filled = Math.min(n, end - offset);
  buf.set(filled === n ? bytes : bytes.subarray(0, filled), offset);
  while (offset + filled < end) {
    const chunk = Math.min(filled, end - offset - filled);
    buf.copyWithin(offset + filled, offset, offset + chunk);
    filled += chunk;
  }
  return buf;
}

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) {
    if (typeof string !== 'string') throw notStringError();
    return encodingOps.utf8.write(this, string, 0, this.length);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  let ops;
  if (!encoding || encoding === 'utf8') {
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (typeof string !== 'string') throw notStringError();
  if (length === 0) return 0;
  return ops.write(this, string, offset, length);
};

proto.toJSON = function toJSON() {
  const len = this.length;
  const data = new Array(len);
  for (let i = 0; i < len; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) {
    const t = this[i];
    this[i] = this[i + 1];
    this[i + 1] = t;
  }
  return this;
};

proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    let t = this[i];
    this[i] = this[i + 3];
    this[i + 3] = t;
    t = this[i + 1];
    this[i + 1] = this[i + 2];
    this[i + 2] = t;
  }
  return this;
};

proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    for (let j = 0; j < 4; j++) {
      const t = this[i + j];
      this[i + j] = this[i + 7 - j];
      this[i + 7 - j] = t;
    }
  }
  return this;
};

proto.toLocaleString = proto.toString;

// ===== module-level functions =====

function isUtf8(input) {
  const bytes = bytesOf(input);
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const c = bytes[i];
    if (c < 0x80) { i++; continue; }
    let need;
    let min;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return false;
    if (i + need >= len) return false;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = bytes[i + k];
      if ((d & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

function isAscii(input) {
  const bytes = bytesOf(input);
  return isAsciiRange(bytes, 0, bytes.length);
}

function bytesOf(input) {
  if (isTypedArray(input)) {
    if (isDetached(input.buffer)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (isAnyArrayBuffer(input)) {
    if (isDetached(input)) throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    return new Uint8Array(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isDetached(ab) {
  return ab.detached === true;
}

const transcodeEncodings = new Set(['ascii', 'latin1', 'utf16le', 'utf8']);

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (from === to) return Buffer.from(source);
  if (!transcodeEncodings.has(from) || !transcodeEncodings.has(to)) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let text = encodingOps[from].slice(source, 0, source.length);
  if (to === 'ascii' || to === 'latin1') {
    // Characters the target cannot hold become '?'.
    const limit = to === 'ascii' ? 0x7f : 0xff;
    let out = '';
    for (const ch of text) out += ch.codePointAt(0) > limit ? '?' : ch;
    text = out;
  }
  return fromString(text, to);
}

const { atob, btoa } = require('internal/encoding');

function resolveObjectURL(url) {
  return require('internal/url').resolveObjectURL(`${url}`);
}

let blobModule;
function lazyBlob() {
  if (blobModule === undefined) blobModule = require('internal/buffer/blob');
  return blobModule;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL,
  File: undefined,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return lazyBlob().Blob; },
  },
  File: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return lazyBlob().File; },
  },
});
