'use strict';
// Blob and File for node:buffer: immutable byte containers built from strings, buffers,
// ArrayBuffers and other Blobs. size/type/slice/text/arrayBuffer/bytes; stream() only when a
// ReadableStream global exists. Loaded lazily by buffer.js.

const {
  codes,
  validateDictionary,
  validateObject,
  kValidateObjectAllowObjectsAndNull,
} = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS, ERR_MISSING_ARGS } = codes;

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function isBlob(value) {
  return value !== null && typeof value === 'object' && value[kBytes] !== undefined;
}

/** Bytes of one blob part (copied, so later changes to the source do not show). */
function partBytes(part, endings) {
  if (typeof part === 'string') {
    if (endings === 'native') part = part.replace(/\r?\n/g, '\n');
    return binding.encoding.encodeUtf8(part);
  }
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength).slice();
  }
  if (part instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer !== 'undefined' && part instanceof SharedArrayBuffer)) {
    return new Uint8Array(part).slice();
  }
  if (isBlob(part)) return part[kBytes];
  return binding.encoding.encodeUtf8(`${part}`);
}

function normalizeType(type) {
  type = `${type}`;
  return /[^\u0020-\u007E]/.test(type) ? '' : type.toLowerCase();
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? {};
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let length = 0;
    for (const source of sources) {
      const bytes = partBytes(source, endings);
      parts.push(bytes);
      length += bytes.length;
    }
    const bytes = new Uint8Array(length);
    let pos = 0;
    for (const part of parts) {
      bytes.set(part, pos);
      pos += part.length;
    }
    this[kBytes] = bytes;
    this[kType] = normalizeType(type);
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kBytes].length;
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  slice(start = 0, end = this[kBytes].length, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this[kBytes].length;
    const clamp = (n) => {
      n = Math.trunc(+n) || 0;
      if (n < 0) return Math.max(size + n, 0);
      return Math.min(n, size);
    };
    const from = clamp(start);
    const to = clamp(end);
    const blob = new Blob([], { type: contentType });
    blob[kBytes] = this[kBytes].slice(from, Math.max(from, to));
    return blob;
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(binding.encoding.decodeUtf8(this[kBytes], false, false));
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const copy = this[kBytes].slice();
    return Promise.resolve(copy.buffer);
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    return Promise.resolve(this[kBytes].slice());
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    if (typeof ReadableStream !== 'function') {
      throw new Error('Blob.prototype.stream() is not supported by this runtime yet');
    }
    const bytes = this[kBytes].slice();
    return new ReadableStream({
      type: 'bytes',
      start(controller) {
        if (bytes.length > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${this.constructor.name} ${inspect(this.inspectFields(), opts)}`;
  }

  inspectFields() {
    return { size: this.size, type: this.type };
  }
}
Object.defineProperty(Blob.prototype, 'inspectFields', { enumerable: false });
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Blob', configurable: true,
});
for (const name of ['size', 'type', 'slice', 'stream', 'text', 'arrayBuffer', 'bytes']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}

const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    let lastModified = options?.lastModified;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this[kName] = `${fileName}`;
    this[kLastModified] = lastModified;
  }

  get name() {
    if (!(this instanceof File)) throw new ERR_INVALID_THIS('File');
    return this[kName];
  }

  get lastModified() {
    if (!(this instanceof File)) throw new ERR_INVALID_THIS('File');
    return this[kLastModified];
  }

  inspectFields() {
    return { size: this.size, type: this.type, name: this.name, lastModified: this.lastModified };
  }
}
Object.defineProperty(File.prototype, 'inspectFields', { enumerable: false });
Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'File', configurable: true,
});
for (const name of ['name', 'lastModified']) {
  Object.defineProperty(File.prototype, name, { enumerable: true });
}

/** The bytes of a blob, not copied (callers must not change them): fetch bodies, FormData. */
function blobBytes(blob) {
  return blob[kBytes];
}

module.exports = { Blob, File, blobBytes, isBlob };
