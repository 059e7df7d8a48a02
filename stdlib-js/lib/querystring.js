'use strict';
// node:querystring - parse/stringify of `a=1&b=2` strings, byte-compatible with Node's
// module: parse is a single-pass scanner (multi-character sep/eq are matched naively, '+' is a
// space, only keys/values holding a valid %XX are decoded), escape encodes UTF-16 as UTF-8.

const { codes } = require('internal/errors');

// ===== escaping =====

// Characters escape() leaves alone: A-Z a-z 0-9 and - . _ ~ ! ' ( ) *
const unreserved = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!'()*") {
  unreserved[ch.charCodeAt(0)] = 1;
}
const hex = [];
for (let i = 0; i < 256; i++) hex.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// Percent-encode `str` as UTF-8. A surrogate code unit always takes the next code unit as its
// partner (whatever it is); a surrogate at the very end is an error.
function percentEncode(str, keep) {
  let out = '';
  let runStart = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (keep[c] === 1) continue;
      if (runStart < i) out += str.slice(runStart, i);
      out += hex[c];
    } else {
      if (runStart < i) out += str.slice(runStart, i);
      if (c < 0x800) {
        out += hex[0xC0 | (c >> 6)] + hex[0x80 | (c & 0x3F)];
      } else if (c < 0xD800 || c >= 0xE000) {
        out += hex[0xE0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
      } else {
        if (i + 1 >= len) throw new codes.ERR_INVALID_URI();
        i++;
        c = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
        out += hex[0xF0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3F)] +
          hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
      }
    }
    runStart = i + 1;
  }
  if (runStart === 0) return str;
  if (runStart < len) out += str.slice(runStart);
  return out;
}

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return percentEncode(str, unreserved);
}

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Bytes of `s` with valid %XX sequences decoded (and '+' as a space when asked). Other code
// units are taken modulo 256, as Node does.
function unescapeBytes(s, decodeSpaces) {
  if (typeof s !== 'string' && typeof s.length !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', s.length);
  }
  const len = s.length;
  const bytes = new Uint8Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */ && i + 2 < len) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hi < 0 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (lo >= 0) {
        bytes[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    bytes[n++] = c === 0x2B /* + */ && decodeSpaces ? 0x20 : c & 0xFF;
  }
  return bytes.subarray(0, n);
}

function unescapeBuffer(s, decodeSpaces) {
  const bytes = unescapeBytes(s, decodeSpaces);
  return globalThis.Buffer ? globalThis.Buffer.from(bytes) : bytes;
}

let utf8Decoder;
function bytesToString(bytes) {
  if (utf8Decoder === undefined) {
    const { TextDecoder } = require('internal/encoding');
    utf8Decoder = new TextDecoder();
  }
  return utf8Decoder.decode(bytes);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return bytesToString(unescapeBytes(s, decodeSpaces));
  }
}

// ===== stringify =====

function primitiveText(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

// With the built-in escape, numbers below 1e21 and bigints need no escaping.
function encodeWithEscape(v) {
  if (typeof v === 'string') return v.length === 0 ? '' : escape(v);
  if (typeof v === 'number' && Number.isFinite(v)) {
    return Math.abs(v) < 1e21 ? `${v}` : escape(`${v}`);
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encoder = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encoder = options.encodeURIComponent;
  }
  const enc = encoder === escape ? encodeWithEscape : (v) => encoder(primitiveText(v));
  if (obj === null || typeof obj !== 'object') return '';
  let out = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const prefix = enc(k) + eq;
    if (Array.isArray(v)) {
      // Items of one array are always separated; a new key only follows non-empty output.
      if (v.length === 0) continue;
      if (out) out += sep;
      for (let j = 0; j < v.length; j++) {
        if (j > 0) out += sep;
        out += prefix + enc(v[j]);
      }
    } else {
      if (out) out += sep;
      out += prefix + enc(v);
    }
  }
  return out;
}

// ===== parse =====

function codeUnits(s) {
  const units = [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i));
  return units;
}

function tryDecode(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function store(obj, key, value, keyNeedsDecode, valueNeedsDecode, decoder) {
  if (key.length > 0 && keyNeedsDecode) key = tryDecode(key, decoder);
  if (value.length > 0 && valueNeedsDecode) value = tryDecode(value, decoder);
  const existing = obj[key];
  if (existing === undefined) {
    obj[key] = value;
  } else if (existing.pop) {
    existing[existing.length] = value;
  } else {
    obj[key] = [existing, value];
  }
}

const PERCENT = 0x25;
const PLUS = 0x2B;

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  const sepUnits = sep ? codeUnits(String(sep)) : [0x26];
  const eqUnits = eq ? codeUnits(String(eq)) : [0x3D];
  const sepLen = sepUnits.length;
  const eqLen = eqUnits.length;

  // Counts down per segment (empty ones too); never reaches 0 when the limit is 0/negative.
  let budget = 1000;
  if (options && typeof options.maxKeys === 'number') {
    budget = options.maxKeys > 0 ? options.maxKeys : 0;
  }
  let decoder = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decoder = options.decodeURIComponent;
  }
  const custom = decoder !== unescape;
  const space = custom ? '%20' : ' ';

  let key = '';
  let value = '';
  let keyNeedsDecode = custom;
  let valueNeedsDecode = custom;
  let segStart = 0;      // start of the text not yet copied into key/value
  let sepMatched = 0;    // how many units of sep have matched so far
  let eqMatched = 0;     // how many units of eq have matched (eqLen: now in the value)
  let pct = 0;           // 1 after '%', 2 after '%X'; a third hex digit marks "encoded"

  for (let i = 0; i < qs.length; i++) {
    const c = qs.charCodeAt(i);

    if (c === sepUnits[sepMatched]) {
      if (++sepMatched < sepLen) continue;
      const end = i - sepLen + 1;
      if (eqMatched < eqLen) {
        if (segStart < end) {
          key += qs.slice(segStart, end);
        } else if (key.length === 0) {
          // Empty segment: skipped, but it still counts against maxKeys.
          if (--budget === 0) return obj;
          segStart = i + 1;
          sepMatched = eqMatched = 0;
          continue;
        }
      } else if (segStart < end) {
        value += qs.slice(segStart, end);
      }
      store(obj, key, value, keyNeedsDecode, valueNeedsDecode, decoder);
      if (--budget === 0) return obj;
      key = value = '';
      keyNeedsDecode = valueNeedsDecode = custom;
      pct = 0;
      segStart = i + 1;
      sepMatched = eqMatched = 0;
      continue;
    }
    sepMatched = 0;

    if (eqMatched < eqLen) {
      // Still in the key.
      if (c === eqUnits[eqMatched]) {
        if (++eqMatched === eqLen) {
          const end = i - eqLen + 1;
          if (segStart < end) key += qs.slice(segStart, end);
          pct = 0;
          segStart = i + 1;
        }
        continue;
      }
      eqMatched = 0;
      if (!keyNeedsDecode) {
        if (c === PERCENT) {
          pct = 1;
          continue;
        }
        if (pct > 0) {
          if (hexValue(c) >= 0) {
            if (++pct === 3) keyNeedsDecode = true;
            continue;
          }
          pct = 0;
        }
      }
      if (c === PLUS) {
        if (segStart < i) key += qs.slice(segStart, i);
        key += space;
        segStart = i + 1;
        continue;
      }
    }

    // In the value (or a key character that fell through the checks above).
    if (c === PLUS) {
      if (segStart < i) value += qs.slice(segStart, i);
      value += space;
      segStart = i + 1;
    } else if (!valueNeedsDecode) {
      if (c === PERCENT) {
        pct = 1;
      } else if (pct > 0) {
        if (hexValue(c) >= 0) {
          if (++pct === 3) valueNeedsDecode = true;
        } else {
          pct = 0;
        }
      }
    }
  }

  if (segStart < qs.length) {
    if (eqMatched < eqLen) key += qs.slice(segStart);
    else if (sepMatched < sepLen) value += qs.slice(segStart);
  } else if (eqMatched === 0 && key.length === 0) {
    return obj;
  }
  store(obj, key, value, keyNeedsDecode, valueNeedsDecode, decoder);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
