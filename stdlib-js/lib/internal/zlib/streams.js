'use strict';
// internal/zlib/streams: the node:zlib stream classes - Deflate, Inflate, Gzip, Gunzip,
// DeflateRaw, InflateRaw, Unzip (on zlib) and BrotliCompress, BrotliDecompress - as Transform
// streams that compress on the worker pool one chunk at a time. Function constructors, as
// Node's are: callable without `new`, and subclassable the ES5 way.
//
// The write loop: a chunk goes to the engine with the free end of a chunkSize output slab;
// while the engine fills the slab (availOutAfter 0) the output is pushed, a new slab is taken
// and the rest of the chunk goes in again - after the reader has drained when push() said the
// readable side is full. A chunk's write callback runs once the engine has taken all of it.

const { Buffer } = require('buffer');
const { Transform, finished } = require('stream');
const { codes } = require('internal/errors');
const { constants } = require('internal/zlib/constants');
const {
  checkRangesOrGetDefault, createHandle, maxFlush, parseOptions, zb, zlibError,
} = require('internal/zlib/engine');

const { ERR_BUFFER_TOO_LARGE, ERR_INTERNAL_ASSERTION } = codes;
const {
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  Z_SYNC_FLUSH, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
} = constants;

const kError = Symbol('kError');
// The handle whose write waits for the reader (backpressure).
const kResume = Symbol('kResume');
// The flush kind a zero-length chunk from flush() carries through write().
const kFlushFlag = Symbol('kFlushFlag');

const flushBuffers = [];
for (let kind = 0; kind <= 5; kind++) {
  const buffer = Buffer.alloc(0);
  buffer[kFlushFlag] = kind;
  flushBuffers[kind] = buffer;
}

// ===== ZlibBase: what zlib and brotli streams share =====

function ZlibBase(opts, config, handle) {
  // The stream carries bytes whatever the options say.
  if (opts && (opts.encoding || opts.objectMode || opts.writableObjectMode)) {
    opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this[kResume] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle.owner = this;
  handle.onWrite = (error, availOutAfter, availInAfter) => {
    afterWrite(handle, error, availOutAfter, availInAfter);
  };
  this._outBuffer = Buffer.allocUnsafe(config.chunkSize);
  this._outOffset = 0;
  this._chunkSize = config.chunkSize;
  this._defaultFlushFlag = config.flush;
  this._finishFlushFlag = config.finishFlush;
  this._defaultFullFlushFlag = config.fullFlush;
  this._info = config.info;
  this._maxOutputLength = config.maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

let bytesReadWarned = false;
function warnBytesRead() {
  if (bytesReadWarned) return;
  bytesReadWarned = true;
  process.emitWarning('zlib.bytesRead is deprecated and will change its meaning in the ' +
                      'future. Use zlib.bytesWritten instead.', 'DeprecationWarning', 'DEP0108');
}
// The old name of bytesWritten (DEP0108).
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  configurable: true,
  enumerable: true,
  get() {
    warnBytesRead();
    return this.bytesWritten;
  },
  set(value) {
    warnBytesRead();
    this.bytesWritten = value;
  },
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new ERR_INTERNAL_ASSERTION('zlib binding closed');
  this._handle.reset();
};

// The end of the writable side finishes at once; the last output comes from _flush.
ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

/** flush([kind][, callback]): compress what is buffered, queued behind the pending writes. */
ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(flushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk also finishes the stream.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') {
    processChunk(this, chunk, flushFlag, cb);
    return undefined;
  }
  return processChunkSync(this, chunk, flushFlag);
};

ZlibBase.prototype._read = function _read(n) {
  const handle = this[kResume];
  if (handle !== null) {
    this[kResume] = null;
    writeMore(this, handle);
  }
  Transform.prototype._read.call(this, n);
};

function closeHandle(stream) {
  if (!stream._handle) return;
  stream._handle.close();
  stream._handle = null;
}

// ===== the write loop =====

function processChunk(stream, chunk, flushFlag, cb) {
  const handle = stream._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  handle.buffer = chunk;
  handle.cb = cb;
  handle.inOff = 0;
  handle.availInBefore = chunk.byteLength;
  handle.availOutBefore = stream._chunkSize - stream._outOffset;
  handle.flushFlag = flushFlag;
  if (handle.gzipMagic === 0 || handle.gzipMagic === 1) {
    handle.noteInput(chunk, 0, chunk.byteLength);
  }
  writeMore(stream, handle);
}

/** The next write of the chunk in hand (or its end, if the stream let go of the engine). */
function writeMore(stream, handle) {
  if (stream._handle !== handle) {
    chunkDone(handle);
    return;
  }
  zb.write(handle.id, handle.flushFlag, handle.buffer, handle.inOff, handle.availInBefore,
           stream._outBuffer, stream._outOffset, handle.availOutBefore, handle.onWrite);
}

function chunkDone(handle) {
  const cb = handle.cb;
  handle.buffer = null;
  handle.cb = null;
  if (cb !== null) cb();
}

function afterWrite(handle, error, availOutAfter, availInAfter) {
  const stream = handle.owner;
  if (error !== null) {
    handle.buffer = null;
    const err = zlibError(error);
    // No way to carry on from an engine error.
    stream.destroy(err);
    stream[kError] = err;
    return;
  }
  const state = stream._writeState;
  state[0] = availOutAfter;
  state[1] = availInAfter;
  if (stream.destroyed) {
    chunkDone(handle);
    return;
  }

  const inDelta = handle.availInBefore - availInAfter;
  stream.bytesWritten += inDelta;
  const have = handle.availOutBefore - availOutAfter;
  let readerFull = false;
  if (have > 0) {
    const out = stream._outBuffer.subarray(stream._outOffset, stream._outOffset + have);
    stream._outOffset += have;
    readerFull = !stream.push(out);
  }
  // A 'data' listener may have closed the stream.
  if (stream.destroyed) {
    chunkDone(handle);
    return;
  }

  // The slab is full (or used up to its end): the next output goes to a new one.
  if (availOutAfter === 0 || stream._outOffset >= stream._chunkSize) {
    handle.availOutBefore = stream._chunkSize;
    stream._outOffset = 0;
    stream._outBuffer = Buffer.allocUnsafe(stream._chunkSize);
  }

  if (availOutAfter === 0) {
    // More output to come from this chunk.
    handle.inOff += inDelta;
    handle.availInBefore = availInAfter;
    if (readerFull) {
      stream[kResume] = handle;
    } else {
      writeMore(stream, handle);
    }
    return;
  }

  if (availInAfter > 0) {
    handle.inOff += inDelta;
    handle.availInBefore = availInAfter;
    if (handle.nextMember(handle.buffer, handle.inOff)) {
      handle.availOutBefore = stream._chunkSize - stream._outOffset;
      writeMore(stream, handle);
      return;
    }
    // The compressed data ended before the input: the rest is not ours to read.
    stream.push(null);
  }
  chunkDone(handle);
}

/** One chunk through the engine on this thread (the sync forms); the engine closes after. */
function processChunkSync(stream, chunk, flushFlag) {
  const handle = stream._handle;
  const chunkSize = stream._chunkSize;
  let availInBefore = chunk.byteLength;
  let availOutBefore = chunkSize - stream._outOffset;
  let inOff = 0;
  let buffer = stream._outBuffer;
  let offset = stream._outOffset;
  let buffers = null;
  let nread = 0;
  let inputRead = 0;

  let error;
  stream.on('error', function onError(er) {
    error = er;
  });
  if (handle.gzipMagic === 0 || handle.gzipMagic === 1) handle.noteInput(chunk, 0, availInBefore);

  for (;;) {
    const r = zb.writeSync(handle.id, flushFlag, chunk, inOff, availInBefore, buffer, offset,
                           availOutBefore);
    if (!Array.isArray(r)) {
      const err = zlibError(r);
      stream.destroy(err);
      stream[kError] = err;
      throw err;
    }
    if (error) throw error;
    const availOutAfter = r[0];
    const availInAfter = r[1];
    stream._writeState[0] = availOutAfter;
    stream._writeState[1] = availInAfter;

    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    const have = availOutBefore - availOutAfter;
    if (have > 0) {
      const out = buffer.subarray(offset, offset + have);
      offset += have;
      if (buffers === null) buffers = [out];
      else buffers.push(out);
      nread += have;
      if (nread > stream._maxOutputLength) {
        closeHandle(stream);
        throw new ERR_BUFFER_TOO_LARGE(stream._maxOutputLength);
      }
    }

    if (availOutAfter === 0 || offset >= chunkSize) {
      availOutBefore = chunkSize;
      offset = 0;
      buffer = Buffer.allocUnsafe(chunkSize);
    }
    inOff += inDelta;
    availInBefore = availInAfter;
    if (availOutAfter === 0) continue;
    if (availInAfter > 0 && handle.nextMember(chunk, inOff)) {
      availOutBefore = chunkSize - offset;
      continue;
    }
    break;
  }

  stream.bytesWritten = inputRead;
  closeHandle(stream);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

// ===== zlib streams =====

function Zlib(opts, mode) {
  const config = parseOptions(opts, mode);
  this._writeState = new Uint32Array(2);
  const handle = createHandle(config, true);
  ZlibBase.call(this, opts, config, handle);
  this._level = config.level;
  this._strategy = config.strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

/** params(level, strategy[, callback]): new settings, from the next byte on (after a flush). */
Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (!this._handle) throw new ERR_INTERNAL_ASSERTION('zlib binding closed');
      const result = this._handle.params(level, strategy);
      if (typeof result === 'object') {
        // Node's "Failed to set parameters": the stream cannot go on.
        const err = zlibError(result);
        this.destroy(err);
        this[kError] = err;
      }
      if (!this.destroyed) {
        this._level = level;
        this._strategy = strategy;
        if (typeof callback === 'function') callback();
      }
    });
  } else if (typeof callback === 'function') {
    process.nextTick(callback);
  }
};

function defineClass(name, Base, mode) {
  // A named function, callable with or without `new`.
  const Class = {
    [name]: function(opts) {
      if (!(this instanceof Class)) return new Class(opts);
      Base.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, Base.prototype);
  Object.setPrototypeOf(Class, Base);
  return Class;
}

const Deflate = defineClass('Deflate', Zlib, DEFLATE);
const Inflate = defineClass('Inflate', Zlib, INFLATE);
const Gzip = defineClass('Gzip', Zlib, GZIP);
const Gunzip = defineClass('Gunzip', Zlib, GUNZIP);
const DeflateRaw = defineClass('DeflateRaw', Zlib, DEFLATERAW);
const InflateRaw = defineClass('InflateRaw', Zlib, INFLATERAW);
const Unzip = defineClass('Unzip', Zlib, UNZIP);

// ===== brotli streams =====

function Brotli(opts, mode) {
  const config = parseOptions(opts, mode);
  this._writeState = new Uint32Array(2);
  const handle = createHandle(config, true);
  ZlibBase.call(this, opts, config, handle);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

const BrotliCompress = defineClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', Brotli, BROTLI_DECODE);

module.exports = {
  BrotliCompress,
  BrotliDecompress,
  Deflate,
  DeflateRaw,
  Gunzip,
  Gzip,
  Inflate,
  InflateRaw,
  Unzip,
  processChunkSync,
};
