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
    let fileBacked = false;
    for (const source of sources) {
      if (isBlob(source) && source[kBytes] === null) {
        // A file-backed blob stays a reference to the file (read when this one is).
        fileBacked = true;
        for (const segment of source[kParts]) {
          parts.push(segment);
          length += segmentLength(segment);
        }
        continue;
      }
      const bytes = partBytes(source, endings);
      parts.push(bytes);
      length += bytes.length;
    }
    this[kType] = normalizeType(type);
    setContent(this, parts, length, fileBacked);
    markTransferable(this);
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kBytes] !== null ? this[kBytes].length : this[kSize];
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  slice(start = 0, end = this.size, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const size = this.size;
    const clamp = (n) => {
      n = Math.trunc(+n) || 0;
      if (n < 0) return Math.max(size + n, 0);
      return Math.min(n, size);
    };
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    const blob = new Blob([], { type: contentType });
    if (this[kBytes] !== null) {
      blob[kBytes] = this[kBytes].slice(from, to);
      return blob;
    }
    // The segments (or parts of them) between from and to.
    const parts = [];
    let offset = 0;
    for (const segment of this[kParts]) {
      const length = segmentLength(segment);
      const a = Math.max(from, offset);
      const b = Math.min(to, offset + length);
      if (a < b) {
        if (segment instanceof Uint8Array) {
          parts.push(segment.subarray(a - offset, b - offset));
        } else {
          parts.push({ file: segment.file, start: segment.start + (a - offset),
            end: segment.start + (b - offset) });
        }
      }
      offset += length;
    }
    setContent(blob, parts, to - from, true);
    return blob;
  }

  text() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    if (this[kBytes] !== null) {
      return Promise.resolve(binding.encoding.decodeUtf8(this[kBytes], false, false));
    }
    return readAll(this).then((bytes) => binding.encoding.decodeUtf8(bytes, false, false));
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    if (this[kBytes] !== null) return Promise.resolve(this[kBytes].slice().buffer);
    return readAll(this).then((bytes) => bytes.buffer);
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    if (this[kBytes] !== null) return Promise.resolve(this[kBytes].slice());
    return readAll(this);
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    if (typeof ReadableStream !== 'function') {
      throw new Error('Blob.prototype.stream() is not supported by this runtime yet');
    }
    if (this[kBytes] === null) return fileStream(this[kParts]);
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

/**
 * The bytes of a blob, not copied (callers must not change them): fetch bodies, FormData. A
 * file-backed blob's are read now (NotReadableError when the file changed).
 */
function blobBytes(blob) {
  if (blob[kBytes] !== null) return blob[kBytes];
  const fs = require('fs');
  const out = new Uint8Array(blob[kSize]);
  let pos = 0;
  for (const segment of blob[kParts]) {
    if (segment instanceof Uint8Array) {
      out.set(segment, pos);
      pos += segment.length;
      continue;
    }
    let fd;
    try {
      fd = fs.openSync(segment.file.path, 'r');
      checkUnchanged(segment.file, fs.fstatSync(fd));
      const length = segment.end - segment.start;
      const read = fs.readSync(fd, out, pos, length, segment.start);
      if (read !== length) throw notReadable();
      pos += length;
    } catch (err) {
      throw err instanceof DOMException ? err : notReadable();
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  return out;
}

// ===== file-backed blobs (fs.openAsBlob) =====
// Their content is segments: Uint8Arrays and { file, start, end } ranges of a file, read when
// the blob is; `file` holds the size and mtime the file had when the blob was made, and a
// file that no longer matches them cannot be read (NotReadableError), as in Node.

const kParts = Symbol('kParts');
const kSize = Symbol('kSize');
const kStreamChunk = 64 * 1024;

function segmentLength(segment) {
  return segment instanceof Uint8Array ? segment.length : segment.end - segment.start;
}

/** Gives `blob` its content: one Uint8Array, or (fileBacked) the segments as they are. */
function setContent(blob, parts, length, fileBacked) {
  if (fileBacked && parts.some((p) => !(p instanceof Uint8Array))) {
    blob[kBytes] = null;
    blob[kParts] = parts;
    blob[kSize] = length;
    return;
  }
  const bytes = new Uint8Array(length);
  let pos = 0;
  for (const part of parts) {
    bytes.set(part, pos);
    pos += part.length;
  }
  blob[kBytes] = bytes;
}

function notReadable() {
  return new DOMException('The blob could not be read', 'NotReadableError');
}

function checkUnchanged(file, stats) {
  if (stats.size !== file.size || stats.mtimeMs !== file.mtimeMs) throw notReadable();
}

/** Bytes [start, end) of the file, if it is still as it was. */
async function readRange(file, start, end) {
  const { open } = require('fs/promises');
  let handle;
  try {
    handle = await open(file.path, 'r');
    checkUnchanged(file, await handle.stat());
    const out = new Uint8Array(end - start);
    let done = 0;
    while (done < out.length) {
      const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
      if (bytesRead === 0) throw notReadable();
      done += bytesRead;
    }
    return out;
  } catch (err) {
    throw err instanceof DOMException ? err : notReadable();
  } finally {
    if (handle !== undefined) await handle.close();
  }
}

/** Throws NotReadableError now if the file is not as it was (the read itself comes later). */
function checkNow(file) {
  let stats;
  try {
    stats = require('fs').statSync(file.path);
  } catch {
    throw notReadable();
  }
  checkUnchanged(file, stats);
}

async function readAll(blob) {
  // Looked at when the read is asked for, as Node does, before anything else can run.
  for (const segment of blob[kParts]) {
    if (!(segment instanceof Uint8Array)) checkNow(segment.file);
  }
  const out = new Uint8Array(blob[kSize]);
  let pos = 0;
  for (const segment of blob[kParts]) {
    if (segmentLength(segment) === 0) continue;
    const bytes = segment instanceof Uint8Array ? segment :
      await readRange(segment.file, segment.start, segment.end);
    out.set(bytes, pos);
    pos += bytes.length;
  }
  return out;
}

/** A stream over the segments, reading a file's range a chunk at a time. */
function fileStream(parts) {
  let index = 0;
  let offset = 0;
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      while (index < parts.length) {
        const segment = parts[index];
        const length = segmentLength(segment);
        // An empty range still needs its file unchanged.
        if (length === 0 && !(segment instanceof Uint8Array)) checkNow(segment.file);
        if (offset >= length) {
          index++;
          offset = 0;
          continue;
        }
        if (segment instanceof Uint8Array) {
          controller.enqueue(segment.slice(offset));
          offset = length;
        } else {
          const end = Math.min(segment.start + offset + kStreamChunk, segment.end);
          controller.enqueue(await readRange(segment.file, segment.start + offset, end));
          offset = end - segment.start;
        }
        return;
      }
      controller.close();
    },
  });
}

/** fs.openAsBlob: a blob over the whole file at `path`, whose size and mtime `stats` gives. */
function fileBlob(path, stats, type) {
  const blob = new Blob([], { type });
  const file = { path, size: stats.size, mtimeMs: stats.mtimeMs };
  blob[kBytes] = null;
  blob[kParts] = [{ file, start: 0, end: stats.size }];
  blob[kSize] = stats.size;
  return blob;
}

// ===== structuredClone / postMessage =====

function blobCloneData() {
  if (this[kBytes] === null) {
    throw new codes.ERR_INVALID_STATE('File-backed Blobs are not cloneable');
  }
  // A File arrives as a plain Blob (its bytes and type), as in Node 20.
  const data = { bytes: this[kBytes].slice(), type: this[kType] };
  return { module: 'internal/buffer/blob', name: 'reviveBlob', data };
}

/** The receiver's copy of a cloned Blob. */
function reviveBlob(data) {
  const blob = new Blob([], { type: data.type });
  blob[kBytes] = data.bytes;
  return blob;
}

let cloneSymbols;
function markTransferable(blob) {
  if (cloneSymbols === undefined) {
    cloneSymbols = require('internal/worker/clone');
    Object.defineProperty(Blob.prototype, cloneSymbols.kCloneData, {
      __proto__: null, value: blobCloneData, writable: false, enumerable: false, configurable: true,
    });
  }
  cloneSymbols.markTransferable(blob);
}

module.exports = { Blob, File, blobBytes, fileBlob, isBlob, reviveBlob };
