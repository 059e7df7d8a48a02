'use strict';
// FormData (https://xhr.spec.whatwg.org/#interface-formdata) and its two wire forms: the
// multipart/form-data encoding of a request body (the boundary and escaping Node's fetch
// uses) and the parsers behind Body.formData() (multipart and application/x-www-form-urlencoded).

const {
  argumentLengthCheck, definePairIterable, illegalInvocation, kInspect, toUSVString, webIDL,
} = require('internal/fetch/util');

let blobModule;
const blobs = () => (blobModule ??= require('internal/buffer/blob'));

function makeFile(bits, name, options) {
  return new (require('buffer').File)(bits, name, options);
}

// ===== FormData =====

let entriesOf;
let isFormDataObject;

function brand(value) {
  if (value === null || typeof value !== 'object' || !isFormDataObject(value)) throw illegalInvocation();
}

/** The standard's "create an entry": a Blob value becomes a File named `filename`/'blob'. */
function makeEntry(name, value, filename) {
  name = toUSVString(name);
  if (!blobs().isBlob(value)) return [name, toUSVString(value)];
  const File = require('buffer').File;
  if (!(value instanceof File)) {
    value = makeFile([value], filename === undefined ? 'blob' : toUSVString(filename), { type: value.type });
  } else if (filename !== undefined) {
    value = makeFile([value], toUSVString(filename), { type: value.type, lastModified: value.lastModified });
  }
  return [name, value];
}

function checkBlobArgument(length, value, method) {
  if (length === 3 && !blobs().isBlob(value)) {
    throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
}

// Named as Node's bundled class is (`Class constructor _FormData cannot be invoked...`).
const FormData = class _FormData {
  #entries = [];

  constructor(form) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
  }

  append(name, value, filename = undefined) {
    brand(this);
    argumentLengthCheck(arguments.length, 2, 'FormData.append');
    checkBlobArgument(arguments.length, value, 'append');
    this.#entries.push(makeEntry(name, value, filename));
  }

  delete(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    this.#entries = this.#entries.filter((entry) => entry[0] !== name);
  }

  get(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const entry = this.#entries.find((e) => e[0] === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    return this.#entries.filter((e) => e[0] === name).map((e) => e[1]);
  }

  has(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    return this.#entries.some((e) => e[0] === name);
  }

  set(name, value, filename = undefined) {
    brand(this);
    argumentLengthCheck(arguments.length, 2, 'FormData.set');
    checkBlobArgument(arguments.length, value, 'set');
    const entry = makeEntry(name, value, filename);
    const first = this.#entries.findIndex((e) => e[0] === entry[0]);
    if (first === -1) {
      this.#entries.push(entry);
      return;
    }
    this.#entries = this.#entries.filter((e, i) => i <= first || e[0] !== entry[0]);
    this.#entries[first] = entry;
  }

  [kInspect](depth, options, inspect) {
    const shown = {};
    for (const [name, value] of this.#entries) {
      if (!Object.hasOwn(shown, name)) shown[name] = value;
      else if (Array.isArray(shown[name])) shown[name].push(value);
      else shown[name] = [shown[name], value];
    }
    return `FormData ${inspect(shown, options)}`;
  }

  static {
    isFormDataObject = (value) => #entries in value;
    entriesOf = (fd) => fd.#entries;
  }
};
Object.defineProperty(FormData, 'name', { value: 'FormData', configurable: true });
definePairIterable(FormData, 'FormData', (fd) => entriesOf(fd), brand);
webIDL(FormData, 'FormData', ['append', 'delete', 'get', 'getAll', 'has', 'set']);

function isFormData(value) {
  return value !== null && typeof value === 'object' && isFormDataObject(value);
}

// ===== multipart/form-data encoding =====

const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
const normalizeLinefeeds = (s) => s.replace(/\r?\n|\r/g, '\r\n');

/** A boundary shaped like Node's: "----formdata-undici-0" and 11 random digits. */
function makeBoundary() {
  const digits = `${Math.floor(Math.random() * 1e11)}`.padStart(11, '0');
  return `----formdata-undici-0${digits}`;
}

/** The multipart body of `fd`: { bytes, type } (the Content-Type with the boundary). */
function encodeMultipart(fd) {
  const { Buffer } = require('buffer');
  const boundary = makeBoundary();
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const parts = [];
  let length = 0;
  const add = (chunk) => {
    parts.push(chunk);
    length += chunk.length;
  };
  for (const [name, value] of entriesOf(fd)) {
    const escapedName = escapeName(normalizeLinefeeds(name));
    if (typeof value === 'string') {
      add(Buffer.from(`${prefix}; name="${escapedName}"\r\n\r\n${normalizeLinefeeds(value)}\r\n`));
    } else {
      add(Buffer.from(`${prefix}; name="${escapedName}"; filename="${escapeName(value.name)}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      add(blobs().blobBytes(value));
      add(Buffer.from('\r\n'));
    }
  }
  add(Buffer.from(`--${boundary}--\r\n`));
  const bytes = new Uint8Array(length);
  let pos = 0;
  for (const part of parts) {
    bytes.set(part, pos);
    pos += part.length;
  }
  return { bytes, type: `multipart/form-data; boundary=${boundary}` };
}

// ===== multipart/form-data parsing =====

const CR = 0x0d;
const LF = 0x0a;

function indexOf(bytes, needle, from) {
  return require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from);
}

function startsWithAt(bytes, needle, pos) {
  if (pos + needle.length > bytes.length) return false;
  for (let i = 0; i < needle.length; i++) {
    if (bytes[pos + i] !== needle[i]) return false;
  }
  return true;
}

const parseFailed = () => new TypeError('Failed to parse body as FormData.');
const unescapeName = (s) => s.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');

/** name/filename of a `form-data; name="..."; filename="..."` header value, or null. */
function parseDisposition(value) {
  const m = /^form-data\s*;\s*name="([^"]*)"(?:\s*;\s*filename="([^"]*)")?\s*$/i.exec(value);
  if (m === null) return null;
  return { name: unescapeName(m[1]), filename: m[2] === undefined ? null : unescapeName(m[2]) };
}

/** Parses a multipart/form-data body into a FormData (throws Node's TypeError on bad input). */
function parseMultipart(bytes, boundary) {
  const { Buffer } = require('buffer');
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const fd = new FormData();
  const entries = entriesOf(fd);
  let pos = 0;
  while (bytes[pos] === CR && bytes[pos + 1] === LF) pos += 2;
  if (!startsWithAt(bytes, delimiter, pos)) throw parseFailed();
  pos += delimiter.length;
  const closing = Buffer.from(`\r\n--${boundary}`, 'latin1');
  for (;;) {
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) {
      // The close delimiter: nothing but line breaks may follow.
      for (pos += 2; pos < bytes.length; pos += 2) {
        if (bytes[pos] !== CR || bytes[pos + 1] !== LF) throw parseFailed();
      }
      return fd;
    }
    if (bytes[pos] !== CR || bytes[pos + 1] !== LF) throw parseFailed();
    pos += 2;
    // The part's headers, up to an empty line.
    let disposition = null;
    let contentType = null;
    for (;;) {
      const eol = indexOf(bytes, '\r\n', pos);
      if (eol === -1) throw parseFailed();
      if (eol === pos) {
        pos += 2;
        break;
      }
      const line = Buffer.from(bytes.buffer, bytes.byteOffset + pos, eol - pos).toString('latin1');
      pos = eol + 2;
      const colon = line.indexOf(':');
      if (colon <= 0) throw parseFailed();
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-disposition') {
        disposition = parseDisposition(value);
        if (disposition === null) throw parseFailed();
      } else if (name === 'content-type') {
        contentType = value;
      }
    }
    if (disposition === null) throw parseFailed();
    const end = indexOf(bytes, closing, pos);
    if (end === -1) throw parseFailed();
    const body = bytes.subarray(pos, end);
    if (disposition.filename !== null) {
      entries.push([disposition.name, makeFile([body], disposition.filename, { type: contentType ?? 'text/plain' })]);
    } else {
      entries.push([disposition.name, binding.encoding.decodeUtf8(body, true, false)]);
    }
    pos = end + closing.length;
  }
}

/** application/x-www-form-urlencoded text -> FormData. */
function parseUrlEncoded(text) {
  const { URLSearchParams } = require('internal/url');
  const fd = new FormData();
  const entries = entriesOf(fd);
  for (const [name, value] of new URLSearchParams(text)) entries.push([name, value]);
  return fd;
}

module.exports = {
  FormData,
  encodeMultipart,
  isFormData,
  parseMultipart,
  parseUrlEncoded,
};
