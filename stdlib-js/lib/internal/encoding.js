'use strict';
// Web globals that are about bytes and values: TextEncoder, TextDecoder, atob, btoa,
// DOMException, structuredClone and performance. Loaded by internal/bootstrap/node; the UTF-8
// work and the structured clone are done natively (binding.encoding, binding.util).

const { codes } = require('internal/errors');

// ===== DOMException =====

const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    super(`${message}`);
    let name = options;
    if (options !== null && typeof options === 'object') {
      name = 'name' in options ? options.name : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause, writable: true, enumerable: false, configurable: true,
        });
      }
    }
    Object.defineProperty(this, kName, { value: `${name}`, enumerable: false });
    // The stack was captured while `name` still read "Error"; give it the real name.
    if (typeof this.stack === 'string') {
      this.stack = this.stack.replace(/^Error/, `${this.name}`);
    }
  }
  get name() { return this[kName] === undefined ? 'Error' : this[kName]; }
  get code() { return legacyCodes[this.name] || 0; }
}
const kName = Symbol('name');
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: 'DOMException', configurable: true,
});
for (const [name, code] of Object.entries(legacyCodes)) {
  const constName = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, constName, { value: code, enumerable: true });
  Object.defineProperty(DOMException.prototype, constName, { value: code, enumerable: true });
}

// ===== structuredClone =====

function structuredClone(value, options) {
  if (arguments.length === 0) {
    // Node's message here has no quotes around the name, unlike ERR_MISSING_ARGS elsewhere.
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    const err = new TypeError('The options argument must be either an object or undefined');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return require('internal/worker/io').structuredClone(value, options);
}

// ===== base64: atob / btoa =====

const b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64index = new Int16Array(128).fill(-1);
for (let i = 0; i < b64chars.length; i++) b64index[b64chars.charCodeAt(i)] = i;

function btoa(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  input = `${input}`;
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i);
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : -1;
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : -1;
    if (a > 255 || b > 255 || c > 255) {
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
    out += b64chars[a >> 2];
    out += b64chars[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)];
    out += b < 0 ? '=' : b64chars[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)];
    out += c < 0 ? '=' : b64chars[c & 63];
  }
  return out;
}

function atob(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  // The forgiving-base64 algorithm of the HTML spec, with Node's two messages: a character
  // outside the alphabet (or a misplaced or extra "=") is an "Invalid character"; a length
  // that leaves one stray character is "not correctly encoded".
  const text = `${input}`.replace(/[\t\n\f\r ]/g, '');
  const padding = /=*$/.exec(text)[0].length;
  const data = text.slice(0, text.length - padding);
  if (/[^A-Za-z0-9+/]/.test(data) || padding > 2 ||
      (padding > 0 && text.length % 4 !== 0)) {
    throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  if (data.length % 4 === 1) {
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < data.length; i++) {
    buffer = (buffer << 6) | b64index[data.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 255);
    }
  }
  return out;
}

// ===== TextEncoder / TextDecoder =====

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kFlags = Symbol('flags');
const kHandle = Symbol('handle');
const FLAG_FATAL = 2;
const FLAG_IGNORE_BOM = 4;
let inspectFn;
function lazyInspect() {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn;
}

const encoderBrand = new WeakSet();

function validateEncoder(self) {
  if (self === null || typeof self !== 'object' || !encoderBrand.has(self)) {
    throw new codes.ERR_INVALID_THIS('TextEncoder');
  }
}

class TextEncoder {
  constructor() {
    encoderBrand.add(this);
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    return binding.encoding.encodeUtf8(`${input}`);
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    if (!(dest instanceof Uint8Array)) {
      throw new codes.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    src = `${src}`;
    let read = 0;
    let written = 0;
    for (const ch of src) {
      const bytes = binding.encoding.encodeUtf8(ch);
      if (written + bytes.length > dest.length) break;
      dest.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }

  [kInspect](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = Object.getPrototypeOf(this) && Object.getPrototypeOf(this).constructor;
    const obj = Object.create({ constructor: typeof ctor === 'function' ? ctor : TextEncoder });
    obj.encoding = this.encoding;
    return lazyInspect()(obj, opts);
  }
}
Object.defineProperties(TextEncoder.prototype, {
  encode: { enumerable: true },
  encodeInto: { enumerable: true },
  encoding: { enumerable: true },
  [kInspect]: { enumerable: false },
  [Symbol.toStringTag]: { value: 'TextEncoder', configurable: true },
});

const encodingLabels = new Map([
  ['unicode-1-1-utf-8', 'utf-8'], ['utf8', 'utf-8'], ['utf-8', 'utf-8'],
  ['unicode11utf8', 'utf-8'], ['unicode20utf8', 'utf-8'], ['x-unicode20utf8', 'utf-8'],
  ['utf-16le', 'utf-16le'], ['utf-16', 'utf-16le'], ['ucs-2', 'utf-16le'], ['unicode', 'utf-16le'],
  ['csunicode', 'utf-16le'], ['iso-10646-ucs-2', 'utf-16le'], ['unicodefeff', 'utf-16le'],
  ['utf-16be', 'utf-16be'], ['unicodefffe', 'utf-16be'],
  ['latin1', 'windows-1252'], ['iso-8859-1', 'windows-1252'], ['ascii', 'windows-1252'],
  ['us-ascii', 'windows-1252'], ['windows-1252', 'windows-1252'], ['l1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'], ['iso_8859-1', 'windows-1252'], ['cp1252', 'windows-1252'],
  ['x-cp1252', 'windows-1252'], ['cp819', 'windows-1252'], ['ibm819', 'windows-1252'],
  ['ansi_x3.4-1968', 'windows-1252'], ['csisolatin1', 'windows-1252'], ['iso-ir-100', 'windows-1252'],
  ['iso88591', 'windows-1252'], ['iso_8859-1:1987', 'windows-1252'],
]);

function toBytes(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) {
    return new Uint8Array(input);
  }
  throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 when it ends cleanly). */
function incompleteTail(bytes) {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function invalidData(encoding) {
  const err = new TypeError(`The encoded data was not valid for encoding ${encoding}`);
  err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
  return err;
}

/** What Node shows as the decoder's native handle: none for UTF-8, an ICU converter otherwise. */
class Converter {}

const decoderBrand = new WeakSet();

function validateDecoder(self) {
  if (self === null || typeof self !== 'object' || !decoderBrand.has(self)) {
    throw new codes.ERR_INVALID_THIS('TextDecoder');
  }
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = null;
  #bomSeen = false;

  constructor(label = 'utf-8', options = {}) {
    // The Encoding Standard strips ASCII whitespace only (not U+00A0, U+2028, ...).
    const enc = encodingLabels.get(`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase());
    if (enc === undefined) {
      const err = new RangeError(`The "${label}" encoding is not supported`);
      err.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw err;
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#encoding = enc;
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    decoderBrand.add(this);
    this[kFlags] = (this.#fatal ? FLAG_FATAL : 0) | (this.#ignoreBOM ? FLAG_IGNORE_BOM : 0);
    this[kHandle] = enc === 'utf-8' ? undefined : new Converter();
  }

  get encoding() {
    validateDecoder(this);
    return this.#encoding;
  }

  get fatal() {
    validateDecoder(this);
    return this.#fatal;
  }

  get ignoreBOM() {
    validateDecoder(this);
    return this.#ignoreBOM;
  }

  decode(input = undefined, options = {}) {
    validateDecoder(this);
    let bytes = toBytes(input);
    const stream = Boolean(options && options.stream);
    if (this.#pending !== null) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    if (this.#encoding === 'utf-8') {
      if (stream) {
        const tail = incompleteTail(bytes);
        if (tail > 0) {
          this.#pending = bytes.slice(bytes.length - tail);
          bytes = bytes.subarray(0, bytes.length - tail);
        }
      }
      // Only the first chunk of a stream may carry the BOM.
      const ignoreBOM = this.#ignoreBOM || this.#bomSeen;
      if (bytes.length > 0) this.#bomSeen = stream;
      const text = binding.encoding.decodeUtf8(bytes, ignoreBOM, this.#fatal);
      if (!stream) this.#bomSeen = false;
      return text;
    }
    if (this.#encoding === 'utf-16le' || this.#encoding === 'utf-16be') {
      const be = this.#encoding === 'utf-16be';
      let keep = 0;
      if (stream) {
        keep = bytes.length % 2;
        // Hold back a lead surrogate that may be completed by the next chunk.
        if (bytes.length - keep >= 2) {
          const i = bytes.length - keep - 2;
          const unit = be ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
          if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
        }
        if (keep > 0) {
          this.#pending = bytes.slice(bytes.length - keep);
          bytes = bytes.subarray(0, bytes.length - keep);
        }
      }
      let start = 0;
      if (!this.#ignoreBOM && !this.#bomSeen && bytes.length >= 2 &&
          (be ? bytes[0] === 0xfe && bytes[1] === 0xff : bytes[0] === 0xff && bytes[1] === 0xfe)) {
        start = 2;
      }
      if (bytes.length > 0) this.#bomSeen = stream;
      const units = [];
      let out = '';
      for (let i = start; i + 1 < bytes.length; i += 2) {
        units.push(be ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8));
        if (units.length === 8192) {
          out += String.fromCharCode.apply(null, units);
          units.length = 0;
        }
      }
      out += String.fromCharCode.apply(null, units);
      const odd = bytes.length % 2 === 1;
      if (this.#fatal && (odd || !out.isWellFormed())) {
        if (!stream) this.#bomSeen = false;
        throw invalidData(this.#encoding);
      }
      if (odd) out += '\ufffd';
      if (!stream) this.#bomSeen = false;
      return out.toWellFormed();
    }
    // windows-1252, decoded as latin1 like Node does.
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
    return out;
  }

  [kInspect](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const proto = Object.getPrototypeOf(this);
    const ctor = (proto && typeof proto.constructor === 'function') ? proto.constructor : TextDecoder;
    const obj = Object.create({ constructor: ctor });
    obj.encoding = this.#encoding;
    obj.fatal = this.#fatal;
    obj.ignoreBOM = this.#ignoreBOM;
    if (opts && opts.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    return `${ctor.name} ${lazyInspect()(obj)}`;
  }
}
for (const key of ['decode', 'encoding', 'fatal', 'ignoreBOM']) {
  Object.defineProperty(TextDecoder.prototype, key, { enumerable: true });
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  value: 'TextDecoder', configurable: true,
});

// ===== performance =====

function makePerformance(hrtimeNs) {
  const originNs = hrtimeNs();
  const timeOrigin = Date.now();
  const performance = {
    now() {
      return Number(hrtimeNs() - originNs) / 1e6;
    },
    get timeOrigin() {
      return timeOrigin;
    },
    toJSON() {
      return { timeOrigin, nodeTiming: {}, eventLoopUtilization: {} };
    },
  };
  Object.defineProperty(performance, Symbol.toStringTag, {
    value: 'Performance', configurable: true,
  });
  return performance;
}

module.exports = {
  DOMException,
  TextDecoder,
  TextEncoder,
  atob,
  btoa,
  makePerformance,
  structuredClone,
};
