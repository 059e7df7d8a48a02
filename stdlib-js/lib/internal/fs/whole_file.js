'use strict';
// internal/fs/whole_file - whole files over a descriptor: read everything left in it, write all
// of a buffer (or a buffer list, past IOV_MAX) to it, and open-work-close around a path, each in
// a sync and a pool form. fs.js's
// readFile/writeFile use them for descriptors and for flags the binding's whole-file natives do
// not cover; FileHandle's readFile/writeFile use them too. Also the options of writeFile and
// appendFile, which both share.

const { codes, validateBoolean, AbortError } = require('internal/errors');
const { constants, getOptions, kIoMaxLength, toBytes, validateStringAfterArrayBufferView } =
  require('internal/fs/utils');

const native = binding.fs;
const isFd = (value) => value === (value >>> 0);

const kReadChunk = 512 * 1024;
const kUnknownSizeChunk = 64 * 1024;
const S_IFMT = constants.S_IFMT;
const S_IFREG = constants.S_IFREG;

/** Size to expect from the fstat fields of a descriptor (0: unknown, read until EOF). */
function expectedSize(fields) {
  return (fields[1] & S_IFMT) === S_IFREG ? fields[8] : 0;
}

/**
 * A reader of everything left in a descriptor: `next()` says what to read next
 * ({ buffer, offset, length }), `got(n)` takes a read's count and says whether to go on,
 * `result()` is the Buffer.
 */
function fdReader(fields) {
  const size = expectedSize(fields);
  if (size > kIoMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(size);
  const whole = size > 0 ? Buffer.allocUnsafeSlow(size) : null;
  const chunks = [];
  let total = 0;
  let current = null;
  return {
    next() {
      if (whole) {
        current = { buffer: whole, offset: total, length: Math.min(size - total, kReadChunk) };
      } else {
        current = { buffer: Buffer.allocUnsafeSlow(kUnknownSizeChunk), offset: 0, length: kUnknownSizeChunk };
      }
      return current;
    },
    got(n) {
      if (n === 0) return false;
      total += n;
      if (!whole) {
        chunks.push(current.buffer.subarray(0, n));
        if (total > kIoMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(total);
        return true;
      }
      return total < size;
    },
    result() {
      if (whole) return total === size ? whole : whole.subarray(0, total);
      return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    },
  };
}

function readFdSync(fd) {
  const reader = fdReader(native.op('fstat', fd));
  for (;;) {
    const { buffer, offset, length } = reader.next();
    if (!reader.got(native.op('read', fd, buffer, offset, length, null))) break;
  }
  return reader.result();
}

/** Reads all of `fd` on the pool; `done(err, buffer)`. Checks `signal` between reads. */
function readFdAsync(fd, signal, done) {
  native.opAsync('fstat', fd, (err, fields) => {
    if (err) return done(err);
    let reader;
    try {
      reader = fdReader(fields);
    } catch (e) {
      return done(e);
    }
    const step = () => {
      if (signal && signal.aborted) return done(abortedError(signal));
      const { buffer, offset, length } = reader.next();
      native.opAsync('read', fd, buffer, offset, length, null, (err, n) => {
        if (err) return done(err);
        let more;
        try {
          more = reader.got(n);
        } catch (e) {
          return done(e);
        }
        if (more) step();
        else done(null, reader.result());
      });
    };
    step();
  });
}

/**
 * Writes all of `bytes` to `fd` (at its offset, or from `position`) on the pool. A string is
 * UTF-8 text the binding encodes and writes whole itself.
 */
function writeFdAsync(fd, bytes, position, signal, done) {
  if (typeof bytes === 'string') {
    if (signal && signal.aborted) return done(abortedError(signal));
    native.opAsync('writeString', fd, bytes, position, (err) => done(err || null));
    return;
  }
  let offset = 0;
  const step = () => {
    if (signal && signal.aborted) return done(abortedError(signal));
    if (offset >= bytes.byteLength) return done(null);
    const length = Math.min(bytes.byteLength - offset, kIoMaxLength);
    native.opAsync('write', fd, bytes, offset, length, position, (err, n) => {
      if (err) return done(err);
      offset += n;
      if (position !== null) position += n;
      step();
    });
  };
  step();
}

function writeFdSync(fd, bytes, position) {
  if (typeof bytes === 'string') {
    native.op('writeString', fd, bytes, position);
    return;
  }
  let offset = 0;
  while (offset < bytes.byteLength) {
    const length = Math.min(bytes.byteLength - offset, kIoMaxLength);
    const n = native.op('write', fd, bytes, offset, length, position);
    offset += n;
    if (position !== null) position += n;
  }
}

// ===== buffer lists (readv/writev) =====

// The most buffers one readv/writev system call takes (Linux's IOV_MAX).
const kIovMax = 1024;

/** `buffers` without their first `n` bytes. */
function dropBytes(buffers, n) {
  const out = [];
  for (const b of buffers) {
    if (n >= b.byteLength) {
      n -= b.byteLength;
    } else {
      out.push(n > 0 ? new Uint8Array(b.buffer, b.byteOffset + n, b.byteLength - n) : b);
      n = 0;
    }
  }
  return out;
}

/** A position n bytes on (null stays null; a bigint, for positions past 2^53, stays one). */
function advancePosition(position, n) {
  if (position === null) return null;
  return typeof position === 'bigint' ? position + BigInt(n) : position + n;
}

/**
 * readv/writev as libuv does them: a read fills at most the first IOV_MAX buffers; a write goes
 * on, batch after batch (and past short writes), until everything is written, a write makes
 * no progress, or one fails (an error after some bytes gives the count so far).
 */
function vectorSync(name, fd, buffers, position) {
  if (name === 'readv') return native.op('readv', fd, buffers.slice(0, kIovMax), position);
  let total = 0;
  while (buffers.length > 0) {
    let n;
    try {
      n = native.op('writev', fd, buffers.slice(0, kIovMax), position);
    } catch (err) {
      if (total === 0) throw err;
      break;
    }
    if (n <= 0) break;
    total += n;
    position = advancePosition(position, n);
    buffers = dropBytes(buffers, n);
  }
  return total;
}

/** vectorSync on the pool; `done(err, count)`. */
function vectorAsync(name, fd, buffers, position, done) {
  if (name === 'readv') {
    native.opAsync('readv', fd, buffers.slice(0, kIovMax), position, done);
    return;
  }
  let total = 0;
  const step = () => {
    native.opAsync('writev', fd, buffers.slice(0, kIovMax), position, (err, n) => {
      if (err) return total === 0 ? done(err) : done(null, total);
      if (n > 0) {
        total += n;
        position = advancePosition(position, n);
        buffers = dropBytes(buffers, n);
        if (buffers.length > 0) return step();
      }
      done(null, total);
    });
  };
  step();
}

/** Opens `path` on the pool, runs `work(fd, finish)`, closes, then `done(err, value)`. */
function withFile(path, flags, mode, work, done) {
  native.opAsync('open', path, flags, mode, (err, fd) => {
    if (err) return done(err);
    work(fd, (workErr, value) => {
      native.opAsync('close', fd, (closeErr) => done(workErr || closeErr || null, value));
    });
  });
}

function abortedError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}


// ===== writeFile / appendFile options =====

function writeOptions(options, flag) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag });
  const flush = options.flush === undefined || options.flush === null ? false : options.flush;
  validateBoolean(flush, 'options.flush');
  return { ...options, flush };
}

/** writeFile's data as bytes, or as the string itself when it is to be written as UTF-8. */
function writeData(data, encoding) {
  if (!ArrayBuffer.isView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
    if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return data;
  }
  return toBytes(data, encoding);
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  // An fd given with no flag of its own: the caller opened it as it pleases.
  if (!options.flag || isFd(options.flag)) options = { ...options, flag: 'a' };
  return options;
}

module.exports = {
  abortedError,
  appendOptions,
  dropBytes,
  isFd,
  readFdAsync,
  readFdSync,
  vectorAsync,
  vectorSync,
  withFile,
  writeData,
  writeFdAsync,
  writeFdSync,
  writeOptions,
};
