'use strict';
// node:string_decoder - decodes a stream of byte chunks into strings without splitting
// multi-byte characters (utf8, utf16le surrogate pairs, base64 3-byte groups). The state is
// kept, like Node's, in a small buffer: 4 bytes of pending input, missing, buffered, encoding.

const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING } = codes;
const { Buffer } = require('buffer');
const { normalizeEncoding, encodingOps } = require('internal/buffer/encodings');

const kNativeDecoder = Symbol('kNativeDecoder');
// Layout of the state buffer.
const kIncompleteStart = 0;
const kIncompleteEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const encodingByVal = [];
for (const ops of Object.values(encodingOps)) encodingByVal[ops.encodingVal] = ops;

function decodeRange(ops, bytes, start, end) {
  return end > start ? ops.slice(bytes, start, end) : '';
}

/** How many bytes a UTF-8 character starting with `lead` has (0: not a valid lead byte). */
function utf8SequenceLength(lead) {
  if ((lead & 0xe0) === 0xc0) return 2;
  if ((lead & 0xf0) === 0xe0) return 3;
  if ((lead & 0xf8) === 0xf0) return 4;
  return 0;
}

function decode(state, buf) {
  const ops = encodingByVal[state[kEncodingField]];
  const enc = ops.encoding;
  let bytes = buf;
  if (!(bytes instanceof Uint8Array)) {
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  let start = 0;
  let end = bytes.length;
  let prefix = '';

  // 1. Complete the character left over from the previous chunk.
  if (state[kMissingBytes] > 0) {
    if (enc === 'utf8') {
      // A byte that should continue the character but does not ends it early.
      const want = Math.min(end, state[kMissingBytes]);
      for (let i = 0; i < want; i++) {
        if ((bytes[i] & 0xc0) !== 0x80) {
          state[kMissingBytes] = 0;
          for (let k = 0; k < i; k++) state[state[kBufferedBytes] + k] = bytes[k];
          state[kBufferedBytes] += i;
          start = i;
          break;
        }
      }
    }
    const take = Math.min(end - start, state[kMissingBytes]);
    for (let k = 0; k < take; k++) state[state[kBufferedBytes] + k] = bytes[start + k];
    start += take;
    state[kMissingBytes] -= take;
    state[kBufferedBytes] += take;
    if (state[kMissingBytes] === 0) {
      prefix = ops.slice(state, kIncompleteStart, state[kBufferedBytes]);
      state[kBufferedBytes] = 0;
    }
  }
  if (start === end) return prefix;

  // 2. Hold back an incomplete character at the end of this chunk.
  let buffered = 0;
  if (enc === 'utf8') {
    if (bytes[end - 1] & 0x80) {
      for (let i = end - 1; ; i--) {
        buffered++;
        if ((bytes[i] & 0xc0) === 0x80) {
          // A continuation byte: keep looking for the lead, at most 4 bytes back.
          if (buffered >= 4 || i === start) {
            buffered = 0;
            break;
          }
          continue;
        }
        const total = utf8SequenceLength(bytes[i]);
        if (total === 0 || buffered >= total) {
          buffered = 0;
        } else {
          state[kMissingBytes] = total - buffered;
        }
        break;
      }
    }
  } else if (enc === 'utf16le') {
    if ((end - start) % 2 === 1) {
      buffered = 1;
      state[kMissingBytes] = 1;
    } else if ((bytes[end - 1] & 0xfc) === 0xd8) {
      // The high half of a surrogate pair.
      buffered = 2;
      state[kMissingBytes] = 2;
    }
  } else if (enc === 'base64' || enc === 'base64url') {
    buffered = (end - start) % 3;
    if (buffered > 0) state[kMissingBytes] = 3 - buffered;
  }
  if (buffered > 0) {
    end -= buffered;
    for (let k = 0; k < buffered; k++) state[kIncompleteStart + k] = bytes[end + k];
    state[kBufferedBytes] = buffered;
  }
  const body = decodeRange(ops, bytes, start, end);
  return prefix === '' ? body : prefix + body;
}

function flush(state) {
  const ops = encodingByVal[state[kEncodingField]];
  if (ops.encoding === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    // A lone trailing byte is dropped.
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  const n = state[kBufferedBytes];
  if (n === 0) return '';
  const text = ops.slice(state, kIncompleteStart, n);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return text;
}

function StringDecoder(encoding) {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = normalized;
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodingOps[normalized].encodingVal;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) {
    throw new codes.ERR_INVALID_THIS('StringDecoder');
  }
  // Any view is decoded by its bytes, whatever its element type.
  const bytes = buf instanceof Uint8Array ? buf
    : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return decode(this[kNativeDecoder], bytes);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this[kNativeDecoder]);
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteStart, kIncompleteEnd);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
