'use strict';
// The byte <-> string codecs behind Buffer and StringDecoder: one "ops" record per encoding
// (utf8, utf16le, latin1, ascii, base64, base64url, hex) with byteLength/write/slice, plus
// normalizeEncoding. UTF-8 goes through the natives in binding.encoding; hex, base64 and UTF-8
// writes of 64 or more bytes through binding.buffer; short inputs stay JS loops.

const { encodeUtf8, decodeUtf8 } = binding.encoding;
const natives = binding.buffer;

// Below this many bytes/characters a JS loop beats the cost of calling into Rust.
const NATIVE_MIN = 64;

// ===== encoding names =====

/** Canonical name of an encoding ('utf8', 'utf16le', 'latin1', ...) or undefined.
 *  Absent and empty names mean utf8 (StringDecoder, fill). */
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8' || enc === '') return 'utf8';
  return canonicalName(`${enc}`);
}

function canonicalName(enc) {
  switch (enc) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'base64url': return 'base64url';
    default: break;
  }
  const lower = enc.toLowerCase();
  return lower === enc ? undefined : canonicalName(lower);
}

// ===== strings from bytes =====

const CHUNK = 0x2000;

// ASCII output (hex, base64, masked ascii) is built in a reused scratch array and turned into a
// string by the native UTF-8 decoder, which copies it: no fresh ArrayBuffer per call.
const SCRATCH_SIZE = 0x4000;
const scratch = new Uint8Array(SCRATCH_SIZE);
function outputArray(n) {
  return n <= SCRATCH_SIZE ? scratch : new Uint8Array(n);
}
function asciiOutput(out, n) {
  return decodeUtf8(out === scratch ? new Uint8Array(scratch.buffer, 0, n) : out, true, false);
}

/** True when bytes[start, end) are all below 0x80. */
function isAsciiRange(bytes, start, end) {
  for (let i = start; i < end; i++) {
    if (bytes[i] > 0x7f) return false;
  }
  return true;
}

function view(buf, start, end) {
  if (start === 0 && end === buf.length) return buf;
  return new Uint8Array(buf.buffer, buf.byteOffset + start, end - start);
}

/** One char per byte (code units 0..255). */
function latin1Slice(buf, start, end) {
  const n = end - start;
  if (n <= 16) {
    let out = '';
    for (let i = start; i < end; i++) out += String.fromCharCode(buf[i]);
    return out;
  }
  // Pure ASCII text is valid UTF-8: the native decoder builds it in one go.
  if (isAsciiRange(buf, start, end)) return decodeUtf8(view(buf, start, end), true, false);
  return charCodesToString(buf, start, end);
}

function charCodesToString(codes, start, end) {
  if (end - start <= CHUNK) {
    return String.fromCharCode.apply(null, codes.subarray(start, end));
  }
  let out = '';
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(i + CHUNK, end)));
  }
  return out;
}

function asciiSlice(buf, start, end) {
  if (isAsciiRange(buf, start, end)) {
    if (end - start <= 16) {
      let out = '';
      for (let i = start; i < end; i++) out += String.fromCharCode(buf[i]);
      return out;
    }
    return decodeUtf8(view(buf, start, end), true, false);
  }
  // Node masks off the high bit of every byte.
  const n = end - start;
  const masked = outputArray(n);
  for (let i = start; i < end; i++) masked[i - start] = buf[i] & 0x7f;
  return asciiOutput(masked, n);
}

function utf8Slice(buf, start, end) {
  const n = end - start;
  if (n <= 16) {
    // Short ASCII strings are cheaper to build here than through a native call.
    let out = '';
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c > 0x7f) return decodeUtf8(view(buf, start, end), true, false);
      out += String.fromCharCode(c);
    }
    return out;
  }
  return decodeUtf8(view(buf, start, end), true, false);
}

// V8's longest string, in UTF-16 code units.
const kStringMaxLength = 0x1fffffe8;

function ucs2Slice(buf, start, end) {
  const n = (end - start) >>> 1;
  if (n === 0) return '';
  if (n > kStringMaxLength) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_STRING_TOO_LONG();
  }
  const byteStart = buf.byteOffset + start;
  let units;
  if ((byteStart & 1) === 0 && littleEndian) {
    units = new Uint16Array(buf.buffer, byteStart, n);
  } else {
    units = new Uint16Array(n);
    for (let i = 0, j = start; i < n; i++, j += 2) units[i] = buf[j] | (buf[j + 1] << 8);
  }
  return charCodesToString(units, 0, n);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const hexPairs = [];
for (let i = 0; i < 256; i++) hexPairs.push((i < 16 ? '0' : '') + i.toString(16));
const hexDigitCodes = new Uint8Array(16);
for (let i = 0; i < 16; i++) hexDigitCodes[i] = '0123456789abcdef'.charCodeAt(i);

function hexSlice(buf, start, end) {
  const n = end - start;
  if (n >= NATIVE_MIN) return natives.hexSlice(buf, start, end);
  if (n <= 32) {
    let out = '';
    for (let i = start; i < end; i++) out += hexPairs[buf[i]];
    return out;
  }
  const chars = outputArray(n * 2);
  for (let i = start, j = 0; i < end; i++, j += 2) {
    const b = buf[i];
    chars[j] = hexDigitCodes[b >> 4];
    chars[j + 1] = hexDigitCodes[b & 15];
  }
  return asciiOutput(chars, n * 2);
}

const b64Codes = new Uint8Array(64);
const b64urlCodes = new Uint8Array(64);
{
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) {
    b64Codes[i] = std.charCodeAt(i);
    b64urlCodes[i] = std.charCodeAt(i);
  }
  b64urlCodes[62] = 0x2d; // '-'
  b64urlCodes[63] = 0x5f; // '_'
}

function base64Encode(buf, start, end, table, pad) {
  const n = end - start;
  if (n === 0) return '';
  if (n >= NATIVE_MIN) return natives.base64Slice(buf, start, end, !pad);
  const full = Math.floor(n / 3) * 3;
  const rest = n - full;
  const outLen = (full / 3) * 4 + (rest === 0 ? 0 : pad ? 4 : rest + 1);
  const out = outputArray(outLen);
  let j = 0;
  let i = start;
  const fullEnd = start + full;
  for (; i < fullEnd; i += 3) {
    const v = (buf[i] << 16) | (buf[i + 1] << 8) | buf[i + 2];
    out[j++] = table[v >> 18];
    out[j++] = table[(v >> 12) & 63];
    out[j++] = table[(v >> 6) & 63];
    out[j++] = table[v & 63];
  }
  if (rest === 1) {
    const v = buf[i];
    out[j++] = table[v >> 2];
    out[j++] = table[(v & 3) << 4];
    if (pad) { out[j++] = 0x3d; out[j++] = 0x3d; }
  } else if (rest === 2) {
    const v = (buf[i] << 8) | buf[i + 1];
    out[j++] = table[v >> 10];
    out[j++] = table[(v >> 4) & 63];
    out[j++] = table[(v & 15) << 2];
    if (pad) out[j++] = 0x3d;
  }
  if (outLen <= 16) {
    let s = '';
    for (let k = 0; k < outLen; k++) s += String.fromCharCode(out[k]);
    return s;
  }
  return asciiOutput(out, outLen);
}

function base64Slice(buf, start, end) { return base64Encode(buf, start, end, b64Codes, true); }
function base64urlSlice(buf, start, end) { return base64Encode(buf, start, end, b64urlCodes, false); }

// ===== bytes from strings =====

/** UTF-8 length of a JS string (lone surrogates count as U+FFFD, 3 bytes). */
function utf8ByteLength(str) {
  const len = str.length;
  if (len >= NATIVE_MIN) return natives.utf8ByteLength(str);
  let n = len;
  for (let i = 0; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      n += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 2; // 4 bytes for 2 code units
        i++;
      } else {
        n += 2;
      }
    } else {
      n += 2;
    }
  }
  return n;
}

/** Writes as many whole UTF-8 characters of `str` as fit; returns the byte count. */
function utf8Write(buf, str, offset, length) {
  const len = str.length;
  if (len <= 32) {
    // ASCII fast path without a native call.
    let i = 0;
    const max = len < length ? len : length;
    for (; i < max; i++) {
      const c = str.charCodeAt(i);
      if (c > 0x7f) break;
      buf[offset + i] = c;
    }
    if (i === len || i === length) return i;
  }
  if (len >= NATIVE_MIN) return natives.utf8Write(buf, str, offset, length);
  const bytes = encodeUtf8(str);
  let n = bytes.length;
  if (n > length) {
    n = length;
    // Back up to the start of the character that does not fit.
    while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
  }
  if (n === 0) return 0;
  buf.set(n === bytes.length ? bytes : bytes.subarray(0, n), offset);
  return n;
}

function latin1Write(buf, str, offset, length) {
  const n = str.length < length ? str.length : length;
  for (let i = 0; i < n; i++) buf[offset + i] = str.charCodeAt(i);
  return n;
}

function ucs2Write(buf, str, offset, length) {
  const chars = length >>> 1;
  const n = str.length < chars ? str.length : chars;
  for (let i = 0, j = offset; i < n; i++, j += 2) {
    const c = str.charCodeAt(i);
    buf[j] = c;
    buf[j + 1] = c >>> 8;
  }
  return n * 2;
}

const hexValues = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) hexValues[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  hexValues[0x41 + i] = 10 + i;
  hexValues[0x61 + i] = 10 + i;
}

/** Decodes hex pairs until the first invalid one (or an odd trailing digit). */
function hexWrite(buf, str, offset, length) {
  if (str.length >= NATIVE_MIN) return natives.hexWrite(buf, str, offset, length);
  const pairs = str.length >>> 1;
  const n = pairs < length ? pairs : length;
  let i = 0;
  for (let j = 0; i < n; i++, j += 2) {
    // Only the low byte of each UTF-16 code unit counts, as in Node. An invalid digit (-1)
    // makes the combined value negative.
    const v = (hexValues[str.charCodeAt(j) & 0xff] << 4) | hexValues[str.charCodeAt(j + 1) & 0xff];
    if (v < 0) break;
    buf[offset + i] = v;
  }
  return i;
}

// Both alphabets decode in both encodings; anything else is skipped.
const b64Values = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  b64Values[b64Codes[i]] = i;
  b64Values[b64urlCodes[i]] = i;
}

function base64Write(buf, str, offset, length) {
  const len = str.length;
  if (len >= NATIVE_MIN) return natives.base64Write(buf, str, offset, length);
  let o = offset;
  const limit = offset + length;
  let i = 0;
  // Fast path: whole groups of four valid characters.
  while (i + 4 <= len && o + 3 <= limit) {
    const a = b64Values[str.charCodeAt(i) & 0xff];
    const b = b64Values[str.charCodeAt(i + 1) & 0xff];
    const c = b64Values[str.charCodeAt(i + 2) & 0xff];
    const d = b64Values[str.charCodeAt(i + 3) & 0xff];
    if ((a | b | c | d) < 0) break;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    buf[o] = v >> 16;
    buf[o + 1] = v >> 8;
    buf[o + 2] = v;
    o += 3;
    i += 4;
  }
  // General path: skips what is not in the alphabet, stops at '='.
  let acc = 0;
  let bits = 0;
  for (; i < len && o < limit; i++) {
    // Like Node, only the low byte of a UTF-16 code unit counts.
    const c = str.charCodeAt(i) & 0xff;
    if (c === 0x3d) break; // '=' ends the data
    const v = b64Values[c];
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      buf[o++] = acc >> bits;
    }
  }
  return o - offset;
}

function base64ByteLength(str, len) {
  if (len > 0 && str.charCodeAt(len - 1) === 0x3d) len--;
  if (len > 1 && str.charCodeAt(len - 1) === 0x3d) len--;
  return (len * 3) >>> 2;
}

// ===== the ops table =====

// Numbers match Node's internal encoding ids (shown by StringDecoder's state buffer).
const encodingOps = {
  utf8: {
    encoding: 'utf8', encodingVal: 1,
    byteLength: utf8ByteLength, write: utf8Write, slice: utf8Slice,
    encode: (str) => encodeUtf8(str),
  },
  utf16le: {
    encoding: 'utf16le', encodingVal: 3,
    byteLength: (str) => str.length * 2, write: ucs2Write, slice: ucs2Slice,
  },
  latin1: {
    encoding: 'latin1', encodingVal: 4,
    byteLength: (str) => str.length, write: latin1Write, slice: latin1Slice,
  },
  ascii: {
    encoding: 'ascii', encodingVal: 0,
    byteLength: (str) => str.length, write: latin1Write, slice: asciiSlice,
  },
  base64: {
    encoding: 'base64', encodingVal: 2,
    byteLength: (str) => base64ByteLength(str, str.length), write: base64Write, slice: base64Slice,
  },
  base64url: {
    encoding: 'base64url', encodingVal: 7,
    byteLength: (str) => base64ByteLength(str, str.length), write: base64Write, slice: base64urlSlice,
  },
  hex: {
    encoding: 'hex', encodingVal: 5,
    byteLength: (str) => str.length >>> 1, write: hexWrite, slice: hexSlice,
  },
};

/** The ops record for an encoding name, or undefined when it is unknown. */
function getEncodingOps(encoding) {
  if (encoding === 'utf8') return encodingOps.utf8;
  const name = canonicalName(`${encoding}`);
  return name === undefined ? undefined : encodingOps[name];
}

/** Bytes of `str` in `ops`'s encoding, as a fresh Uint8Array. */
function encodeString(str, ops) {
  if (ops.encode !== undefined) return ops.encode(str);
  const out = new Uint8Array(ops.byteLength(str));
  const n = ops.write(out, str, 0, out.length);
  return n === out.length ? out : out.subarray(0, n);
}

module.exports = {
  normalizeEncoding,
  getEncodingOps,
  encodingOps,
  encodeString,
  utf8ByteLength,
  isAsciiRange,
  latin1Slice,
  asciiSlice,
  utf8Slice,
  ucs2Slice,
  hexSlice,
  base64Slice,
  base64urlSlice,
  utf8Write,
  latin1Write,
  ucs2Write,
  hexWrite,
  base64Write,
};
