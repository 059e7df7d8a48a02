'use strict';
// internal/fs/streams - fs.ReadStream and fs.WriteStream: a Readable/Writable over a file
// descriptor that they open themselves (from a path), are given (a number), or borrow from a
// FileHandle. The I/O goes through `options.fs` when given (open/read/write/writev/close, as
// graceful-fs and memfs supply), else through node:fs. Loaded by fs.js on first use.
//
// Descriptor lifetime: the stream opens in _construct, and closes in _destroy exactly once, after
// any read or write in flight has finished (a pool job must never see its fd closed under it) -
// the same wait covers an open still in flight when the stream is destroyed.

const { Readable, Writable, finished } = require('stream');
const { codes, validateBoolean, validateFunction, validateInteger } = require('internal/errors');
const {
  deprecate, getOptions, getValidatedFd, getValidatedPath, kEmptyObject, originals,
} = require('internal/fs/utils');
const { dropBytes } = require('internal/fs/whole_file');

const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');
const kConstructing = Symbol('kConstructing');
/** Whether the stream opened its descriptor itself (so no one else moves its offset). */
const kOwnFd = Symbol('kOwnFd');

function lazyFs() {
  return require('fs');
}

// ===== shared by both streams =====

/** The descriptor of `options.fd` (a number or a FileHandle), setting the stream's I/O. */
function importFd(stream, options) {
  const fd = options.fd;
  if (typeof fd === 'number') {
    stream[kFs] = options.fs || lazyFs();
    return fd;
  }
  const { FileHandle, kRef } = require('internal/fs/promises');
  if (fd !== null && typeof fd === 'object' && fd instanceof FileHandle) {
    if (options.fs) throw new codes.ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    stream[kHandle] = fd;
    stream[kFs] = fileHandleOperations(fd);
    // The stream holds the handle open until it closes it (or the handle closes under it): a
    // reference on it, dropped by the stream's close.
    fd[kRef]();
    fd.on('close', () => stream.close());
    return fd.fd;
  }
  throw new codes.ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], fd);
}

/** node:fs-shaped operations over a FileHandle (for options.fd = handle). */
function fileHandleOperations(handle) {
  return {
    open() { throw new codes.ERR_METHOD_NOT_IMPLEMENTED('open()'); },
    close(fd, cb) {
      handle[require('internal/fs/promises').kUnref]();
      handle.close().then(() => cb(), cb);
    },
    fsync(fd, cb) { handle.sync().then(() => cb(), cb); },
    read(fd, buf, offset, length, pos, cb) {
      handle.read(buf, offset, length, pos)
        .then((r) => cb(null, r.bytesRead, r.buffer), (err) => cb(err, 0, buf));
    },
    write(fd, buf, offset, length, pos, cb) {
      handle.write(buf, offset, length, pos)
        .then((r) => cb(null, r.bytesWritten, r.buffer), (err) => cb(err, 0, buf));
    },
    writev(fd, buffers, pos, cb) {
      handle.writev(buffers, pos)
        .then((r) => cb(null, r.bytesWritten, r.buffers), (err) => cb(err, 0, buffers));
    },
  };
}

/** Options common to both streams: the fd or the path, start, flush; the I/O functions. */
function setUp(stream, path, options, defaultFlags, ioNames) {
  stream[kFs] = options.fs || lazyFs();
  for (const name of ['open', 'close', ...ioNames]) {
    validateFunction(stream[kFs][name], `options.fs.${name}`);
  }
  if (options.fd === null || options.fd === undefined) {
    stream.fd = null;
    // A file: URL is kept as its path; other paths (strings, Buffers) as given.
    stream.path = path !== null && typeof path === 'object' && typeof path.href === 'string'
      ? require('internal/url').fileURLToPath(path) : path;
    getValidatedPath(stream.path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    // The path is ignored: the descriptor is the file.
    stream.fd = getValidatedFd(importFd(stream, options));
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  stream.start = options.start;
  stream.pos = undefined;
  stream[kIsPerformingIO] = false;
  stream[kConstructing] = true;
  if (stream.start !== undefined) {
    validateInteger(stream.start, 'start', 0);
    stream.pos = stream.start;
  }
  if (options.flush !== undefined && options.flush !== null) {
    validateBoolean(options.flush, 'options.flush');
  }
  stream.flush = !!options.flush;
}

/**
 * Opens the file unless a descriptor was given (the streams' _construct). A stream destroyed
 * meanwhile still opens it, and _destroy, waiting on kIoDone, closes it then.
 */
function construct(callback) {
  const stream = this;
  const done = (err) => {
    stream[kConstructing] = false;
    callback(err);
    if (stream.destroyed) stream.emit(kIoDone, null);
  };
  if (typeof stream.fd === 'number') {
    done();
    return;
  }
  if (stream.open !== openReadFs && stream.open !== openWriteFs) {
    // An open() of the subclass's own (old code overrides it): it emits 'open' or 'error'.
    const emit = stream.emit;
    stream.emit = function (event, ...args) {
      if (event === 'open') {
        this.emit = emit;
        const result = Reflect.apply(emit, this, [event, ...args]);
        done();
        return result;
      }
      if (event === 'error') {
        this.emit = emit;
        done(args[0]);
        return false;
      }
      return Reflect.apply(emit, this, [event, ...args]);
    };
    stream.open();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      done(err);
      return;
    }
    stream.fd = fd;
    stream[kOwnFd] = true;
    // 'open' and 'ready' come before any buffered write goes out or 'finish' is emitted, which
    // this stream implementation does as soon as the construct callback runs.
    if (stream.destroyed) {
      done();
      stream.emit('open', fd);
      stream.emit('ready');
    } else {
      stream.emit('open', fd);
      stream.emit('ready');
      done();
    }
  });
}

/** Closes the descriptor once, after the open or I/O in flight (the streams' _destroy). */
function destroy(err, cb) {
  if (this[kIsPerformingIO] || this[kConstructing]) {
    this.once(kIoDone, (er) => closeStream(this, err || er, cb));
  } else {
    closeStream(this, err, cb);
  }
}

function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
    return;
  }
  const closeFd = (error) => {
    stream[kFs].close(stream.fd, (er) => cb(er || error));
    stream.fd = null;
  };
  if (stream.flush) {
    stream[kFs].fsync(stream.fd, (flushErr) => closeFd(err || flushErr));
  } else {
    closeFd(err);
  }
}

/** Destroys with `err`, or only reports it when the stream does not close itself (autoClose). */
function errorOrDestroy(stream, err) {
  const state = stream._readableState || stream._writableState;
  if (state.autoDestroy) {
    stream.destroy(err);
    return;
  }
  if (!state.errored) state.errored = err;
  if (!state.errorEmitted) {
    state.errorEmitted = true;
    stream.emit('error', err);
  }
}

function streamOptions(options) {
  return { ...getOptions(options, kEmptyObject) };
}

// ===== ReadStream =====

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = streamOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setUp(this, path, options, 'r', ['read']);
  this.end = options.end === undefined || options.end === null ? Infinity : options.end;
  this.bytesRead = 0;
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

const openReadFs = function open() {
  deprecate('DEP0135', 'ReadStream.prototype.open() is deprecated');
};
ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined
    ? Math.min(this.end - this.pos + 1, n)
    : Math.min(this.end - this.bytesRead + 1, n);
  const ahead = this[kAhead];
  // Chunks read ahead (or a job still reading them, or the end or error after them) come
  // first, whatever reads after them.
  if (ahead !== undefined &&
      (ahead.chunks.length > 0 || ahead.jobs.length > 0 || ahead.eof || ahead.error !== null)) {
    takeAhead(this, n, true);
    return;
  }
  if (n <= 0) {
    this.push(null);
    return;
  }
  if (canReadAhead(this)) {
    readAhead(this, n, true);
  } else {
    readOnce(this, n);
  }
};

/** Reads the next chunk (at most `n` bytes) through the stream's fs, and pushes it. */
function readOnce(stream, n) {
  const buf = Buffer.allocUnsafeSlow(n);
  stream[kIsPerformingIO] = true;
  stream[kFs].read(stream.fd, buf, 0, n, stream.pos, (err, bytesRead) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      // _destroy waits for this to close the descriptor.
      stream.emit(kIoDone, err);
      return;
    }
    if (err) {
      errorOrDestroy(stream, err);
    } else {
      pushRead(stream, bytesRead === buf.length ? buf : Buffer.from(buf.subarray(0, bytesRead)));
    }
  });
}

/** One read's outcome: `buf` as the next chunk, or the end of the file when it is empty. */
function pushRead(stream, buf) {
  if (buf.length === 0) {
    stream.push(null);
    return;
  }
  if (stream.pos !== undefined) stream.pos += buf.length;
  stream.bytesRead += buf.length;
  stream.push(buf);
}

// Read-ahead. One pool job per chunk costs a round trip to a worker thread per 64 KiB, and the
// file waits while JS handles each chunk. When node:fs's own read does the I/O on a regular
// file no one else reads from (the stream opened it, or reads at explicit positions), one readv
// fills the next several chunks, and the following job starts as soon as the stream takes the
// first of them. Each _read still pushes one chunk of at most `n` bytes, as a read of its own
// would. Not for pipes, terminals or devices: a read there may wait for ever, and must not be
// in flight unasked (the first job checks the file's type, and reads nothing from others).
//
// The first job reads one chunk (a small file costs what a plain read does) and each next one
// twice as many, up to kAheadBytes: a job per MiB keeps the hand-offs between threads (a wake-up
// each way, costly across CPUs) few. At most kAheadBytes are read ahead (in flight or waiting), so
// a slow consumer holds little. Once a _read has had to wait for a job (the consumer outruns the
// reads) and the reads go by position (an explicit start, or a descriptor the stream opened and
// will close itself, whose offset no one looks at), kAheadJobs jobs read the following stretches
// at once (kAheadJobs times kAheadBytes ahead): the kernel's copy out of the page cache is most of
// the cost, and two pool threads copy while the loop thread hands out chunks. Their results are
// taken in file order whatever order they finish in; a short read ends the stretch there, and jobs
// issued past it are ignored.
const kAhead = Symbol('kAhead');
/** Bytes one read-ahead job asks for at most (in chunks of the highWaterMark). */
const kAheadBytes = 1024 * 1024;
const kAheadChunks = 16;
/** Jobs in flight at once for a fast consumer reading by position. */
const kAheadJobs = 2;

function canReadAhead(stream) {
  return stream[kFs].read === originals.read && (stream[kOwnFd] || stream.pos !== undefined) &&
    (stream[kAhead] === undefined || stream[kAhead].regular !== false);
}

/**
 * Starts the read-ahead jobs for the chunks after those read so far (see kAheadJobs). With
 * `n` > 0 a _read (from it: `sync`) waits for the next chunk, served as soon as there is one.
 */
function readAhead(stream, n, sync) {
  let ahead = stream[kAhead];
  if (ahead === undefined) {
    // A descriptor the stream opened is at offset bytesRead (every read so far was the
    // stream's), and its offset is never looked at again when the stream closes it at the end.
    const byPosition = stream.pos !== undefined ||
      (stream[kOwnFd] === true && stream._readableState.autoDestroy);
    ahead = stream[kAhead] = {
      chunks: [], queued: 0, jobs: [], inFlight: 0, pending: 0, byPosition,
      pos: stream.pos !== undefined ? stream.pos : stream.bytesRead, perJob: 1, fast: false,
      error: null, eof: false, want: 0, regular: undefined,
    };
  }
  if (n > 0) {
    ahead.want = n;
    if (ahead.chunks.length === 0 && ahead.jobs.length > 0) ahead.fast = true;
  }
  const parallel = ahead.fast && ahead.byPosition && ahead.regular === true;
  const limit = parallel ? kAheadJobs * kAheadBytes : kAheadBytes;
  while (ahead.error === null && !ahead.eof &&
         (ahead.jobs.length === 0 || (parallel && ahead.jobs.length < kAheadJobs)) &&
         ahead.queued + ahead.pending < limit &&
         startJob(stream, ahead, Math.max(n, ahead.want)));
  const want = ahead.want;
  if (want > 0 && (ahead.chunks.length > 0 || ahead.error !== null || ahead.eof)) {
    ahead.want = 0;
    takeAhead(stream, want, sync);
  }
}

/** Issues one readv for the next stretch; false when there is none (the end is reached). */
function startJob(stream, ahead, n) {
  // Chunks as big as the highWaterMark, as Node reads them, however big that is.
  const size = Math.max(n, stream.readableHighWaterMark);
  let left = stream.end - ahead.pos + 1;
  const buffers = [];
  let length = 0;
  while (left > 0 && buffers.length < ahead.perJob &&
         (buffers.length === 0 || (buffers.length + 1) * size <= kAheadBytes)) {
    const len = Math.min(left, size);
    buffers.push(Buffer.allocUnsafeSlow(len));
    left -= len;
    length += len;
  }
  if (buffers.length === 0) {
    if (ahead.jobs.length === 0) ahead.eof = true;
    return false;
  }
  ahead.perJob = Math.min(ahead.perJob * 2, kAheadChunks);
  const job = { buffers, length, done: false, err: null, bytesRead: 0, stale: false };
  ahead.jobs.push(job);
  ahead.inFlight++;
  ahead.pending += length;
  stream[kIsPerformingIO] = true;
  const op = ahead.regular ? 'readv' : 'readvRegular';
  const position = ahead.byPosition ? ahead.pos : -1;
  ahead.pos += length;
  binding.fs.opAsync(op, stream.fd, buffers, position, (err, bytesRead) => {
    job.done = true;
    job.err = err;
    job.bytesRead = bytesRead;
    ahead.pending -= length;
    if (--ahead.inFlight === 0) stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      // _destroy waits for the last job in flight to close the descriptor.
      if (ahead.inFlight === 0) stream.emit(kIoDone, err);
      return;
    }
    settleJobs(stream, ahead);
  });
  return true;
}

/** Takes the finished jobs at the head of the queue, in file order, into the chunk queue. */
function settleJobs(stream, ahead) {
  while (ahead.jobs.length > 0 && ahead.jobs[0].done) {
    const job = ahead.jobs.shift();
    if (job.stale) continue;
    const { err } = job;
    let bytesRead = job.bytesRead;
    if (bytesRead === -1) {
      // Not a regular file: nothing was read, and reads go one at a time from now on.
      ahead.regular = false;
      const want = ahead.want;
      ahead.want = 0;
      if (want > 0) readOnce(stream, want);
      return;
    }
    if (err) {
      ahead.error = err;
    } else {
      ahead.regular = true;
      if (bytesRead === 0) ahead.eof = true;
      ahead.queued += bytesRead;
      for (const buf of job.buffers) {
        if (bytesRead >= buf.length) {
          ahead.chunks.push(buf);
          bytesRead -= buf.length;
        } else {
          if (bytesRead > 0) ahead.chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
          break;
        }
      }
    }
    if (err || job.bytesRead < job.length) {
      // The stretches issued after this one were read from the wrong place (or past an
      // error, or the end): ignore them, and go on from where this one stopped.
      for (const later of ahead.jobs) {
        if (!later.stale) {
          later.stale = true;
          ahead.pos -= later.length;
        }
      }
      if (!err) ahead.pos -= job.length - job.bytesRead;
    }
  }
  readAhead(stream, 0, false);
}

/**
 * Pushes the next chunk read ahead (at most `n` bytes of it), or the error or end after them.
 * From _read (`sync`), on the next tick: a read of its own would answer later too, and a
 * 'data' handler that destroys the stream must see no chunk after its own.
 */
function takeAhead(stream, n, sync) {
  const ahead = stream[kAhead];
  if (ahead.chunks.length === 0) {
    if (ahead.error !== null || ahead.eof) {
      if (sync) process.nextTick(settleAhead, stream, null);
      else settleAhead(stream, null);
    } else {
      readAhead(stream, n, sync);
    }
    return;
  }
  let chunk = ahead.chunks[0];
  if (chunk.length > n) {
    ahead.chunks[0] = chunk.subarray(n);
    chunk = chunk.subarray(0, n);
  } else {
    ahead.chunks.shift();
  }
  ahead.queued -= chunk.length;
  // The next jobs read while JS handles this chunk and the rest of the queue.
  readAhead(stream, 0, false);
  if (sync) process.nextTick(settleAhead, stream, chunk);
  else settleAhead(stream, chunk);
}

/** Delivers `chunk`, or with null the queue's error or end, unless the stream was destroyed. */
function settleAhead(stream, chunk) {
  if (stream.destroyed) return;
  if (chunk !== null) {
    pushRead(stream, chunk);
  } else if (stream[kAhead].error !== null) {
    errorOrDestroy(stream, stream[kAhead].error);
  } else {
    stream.push(null);
  }
}

ReadStream.prototype._destroy = destroy;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

Object.defineProperties(ReadStream.prototype, {
  pending: { get() { return this.fd === null; }, configurable: true },
  autoClose: {
    get() { return this._readableState.autoDestroy; },
    set(value) { this._readableState.autoDestroy = value; },
    configurable: true,
  },
});

// ===== WriteStream =====

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = streamOptions(options);
  // Strings are written as the bytes of their encoding.
  options.decodeStrings = true;
  const io = options.fs || lazyFs();
  if (!io.write && !io.writev) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.fs.write', 'function', io.write);
  }
  setUp(this, path, options, 'w', []);
  if (io.write) validateFunction(io.write, 'options.fs.write');
  if (io.writev) validateFunction(io.writev, 'options.fs.writev');
  // Either suffices; a stream uses the one there is.
  if (!this[kFs].write) this._write = null;
  if (!this[kFs].writev) this._writev = null;
  this.bytesWritten = 0;
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

const openWriteFs = function open() {
  deprecate('DEP0135', 'WriteStream.prototype.open() is deprecated');
};
WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = construct;

/**
 * Writes all of `data` (a Buffer, or a list of them with `vector`), retrying short writes;
 * gives up after 5 writes in a row that wrote nothing.
 */
function writeAll(stream, data, size, pos, vector, cb, retries = 0) {
  const done = (err, written) => {
    if (err && err.code === 'EAGAIN') {
      err = null;
      written = 0;
    }
    if (stream.destroyed || err) {
      cb(err || new codes.ERR_STREAM_DESTROYED('write'));
      return;
    }
    stream.bytesWritten += written;
    retries = written ? 0 : retries + 1;
    size -= written;
    if (pos !== null && pos !== undefined) pos += written;
    if (retries > 5) {
      cb(new Error('writeAll failed'));
    } else if (size > 0) {
      writeAll(stream, vector ? dropBytes(data, written) : data.subarray(written), size, pos,
        vector, cb, retries);
    } else {
      cb();
    }
  };
  if (vector) stream[kFs].writev(stream.fd, data, pos, done);
  else stream[kFs].write(stream.fd, data, 0, size, pos, done);
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll(this, data, data.length, this.pos, false, (err) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(err);
      this.emit(kIoDone, err);
      return;
    }
    cb(err);
  });
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function _writev(chunks, cb) {
  const buffers = chunks.map((c) => c.chunk);
  const size = buffers.reduce((n, b) => n + b.length, 0);
  this[kIsPerformingIO] = true;
  writeAll(this, buffers, size, this.pos, true, (err) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(err);
      this.emit(kIoDone, err);
      return;
    }
    cb(err);
  });
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._destroy = destroy;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // Without autoClose, nothing else would destroy (and close) it after 'finish'.
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

// There is no shutdown() for files.
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperties(WriteStream.prototype, {
  pending: { get() { return this.fd === null; }, configurable: true },
  autoClose: {
    get() { return this._writableState.autoDestroy; },
    set(value) { this._writableState.autoDestroy = value; },
    configurable: true,
  },
});

module.exports = { ReadStream, WriteStream };
