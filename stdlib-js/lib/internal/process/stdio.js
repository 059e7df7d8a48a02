'use strict';
// internal/process/stdio: process.stdin, process.stdout and process.stderr, made on first access
// by what the descriptor is, as Node chooses them (its guessHandleType):
//   terminal      -> tty.ReadStream / tty.WriteStream (writes synchronous)
//   pipe, socket  -> a net.Socket over a fresh descriptor for the same pipe (binding.net.reopenFd,
//                   so making it non-blocking does not reach the shell's); writes go through the
//                   poll phase, in order, and whatever is still queued is written out at exit
//   file          -> SyncWriteStream (synchronous writes) / fs.ReadStream (read on the worker pool)
//
// Boundary: bootstrap/node.js defines the lazy getters on `process` and calls flushAtExit() on
// every way out (natural exit, process.exit, fatal exceptions), after 'exit' listeners ran.

const { Writable, Readable } = require('stream');

const S_IFMT = 0o170000;
const S_IFIFO = 0o010000;
const S_IFCHR = 0o020000;
const S_IFREG = 0o100000;
const S_IFSOCK = 0o140000;
const ENOTSOCK = -88;

/**
 * 'TTY', 'FILE', 'PIPE' (a FIFO), 'SOCKET' or 'UNKNOWN' for `fd`. Character devices other than
 * terminals (/dev/null) count as files, as in libuv.
 */
function guessHandleType(fd) {
  if (binding.process.isatty(fd)) return 'TTY';
  let mode;
  try {
    mode = binding.fs.statSync(`/proc/self/fd/${fd}`)[1];
  } catch {
    return guessWithoutProc(fd);
  }
  switch (mode & S_IFMT) {
    case S_IFREG:
    case S_IFCHR:
      return 'FILE';
    case S_IFIFO:
      return 'PIPE';
    case S_IFSOCK:
      return 'SOCKET';
    default:
      return 'UNKNOWN';
  }
}

// No /proc (or the descriptor is closed): ask the net binding whether it can own a copy.
function guessWithoutProc(fd) {
  const copy = binding.net.reopenFd(fd, false);
  if (copy < 0) return 'UNKNOWN';
  const adopted = binding.net.adoptFd(copy); // takes the copy, also when it fails
  if (typeof adopted === 'number') return adopted === ENOTSOCK ? 'FILE' : 'UNKNOWN';
  binding.net.close(adopted.token);
  return 'PIPE';
}

// ===== SyncWriteStream =====

/** Node's SyncWriteStream: a Writable whose writes finish before write() returns. */
function SyncWriteStream(fd, options) {
  Writable.call(this, { autoDestroy: true, decodeStrings: false });
  this.fd = fd;
  this.readable = false;
  this.autoClose = options === undefined || options.autoClose === undefined ? true
    : options.autoClose;
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
  if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
    chunk = Buffer.from(chunk, encoding);
  }
  try {
    binding.process.writeSync(this.fd, chunk);
  } catch (err) {
    cb(err);
    return;
  }
  cb();
};

// Without fs descriptors in Eddy yet, a SyncWriteStream never closes its fd.
SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// ===== pipes and sockets =====

let NetHandle;

/** The NetHandle of a pipe socket, plus setBlocking as Node's Pipe wrap has it. */
function pipeHandle(fd, forWriting) {
  const copy = binding.net.reopenFd(fd, forWriting);
  if (copy < 0) return null;
  const adopted = binding.net.adoptFd(copy);
  if (typeof adopted === 'number') return null;
  if (adopted.server) {
    binding.net.close(adopted.token);
    return null;
  }
  NetHandle ??= require('internal/net_handle').NetHandle;
  const handle = new NetHandle(adopted.type === 'pipe', adopted.token);
  handle.setBlocking = setBlocking;
  return handle;
}

function setBlocking(on) {
  return this.token === null || this.closed ? -9 : binding.net.setBlocking(this.token, !!on);
}

// A FIFO has no half-close: ending stdout must not close our descriptor (later writes and
// console.log still work, as in Node, where shutdown() fails on a pipe and is ignored).
function finalWithoutShutdown(cb) {
  cb();
}

// ===== stdout and stderr =====

// Node's dummyDestroy: destroying process.stdout/stderr leaves them usable; 'close' is still
// emitted so finished() and pipeline() see the end.
function dummyDestroy(err, cb) {
  cb(err);
  require('internal/net').undestroy(this);
  if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
}

const writers = []; // the pipe sockets flushAtExit writes out

function createWritableStdioStream(fd) {
  let stream;
  let type = guessHandleType(fd);
  if (type === 'PIPE' || type === 'SOCKET') {
    const handle = pipeHandle(fd, true);
    if (handle === null) {
      type = 'FILE';
    } else {
      const net = require('net');
      stream = new net.Socket({ handle, readable: false, writable: true, manualStart: true });
      stream._type = 'pipe';
      if (type === 'PIPE') stream._final = finalWithoutShutdown;
      writers.push(stream);
    }
  }
  if (type === 'TTY') {
    const tty = require('tty');
    stream = new tty.WriteStream(fd);
    stream._type = 'tty';
  } else if (type === 'FILE') {
    stream = new SyncWriteStream(fd, { autoClose: false });
    stream._type = 'fs';
  } else if (stream === undefined) {
    // Nothing usable behind the descriptor: a sink, as Node's.
    stream = new Writable({ write(chunk, encoding, cb) { cb(); } });
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  if (stream.isTTY) process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

// ===== stdin =====

// A file (or anything without a handle): an fs.ReadStream on the descriptor, as Node's, read in
// chunks on the worker pool; the descriptor stays open when it ends.
function fileReader(fd) {
  const fs = require('fs');
  return new fs.ReadStream(null, { fd, autoClose: false });
}

function createStdin(fd) {
  let stream;
  let type = guessHandleType(fd);
  if (type === 'PIPE' || type === 'SOCKET') {
    const handle = pipeHandle(fd, false);
    if (handle === null) {
      type = 'FILE';
    } else {
      const net = require('net');
      stream = new net.Socket({ handle, readable: true, writable: false, manualStart: true });
      // It cannot be end()-ed.
      stream._writableState.ended = true;
    }
  }
  if (type === 'TTY') {
    const tty = require('tty');
    stream = new tty.ReadStream(fd);
  } else if (type === 'FILE') {
    stream = fileReader(fd);
  } else if (stream === undefined) {
    stream = new Readable({ read() { this.push(null); } });
  }
  stream.fd = fd;
  // Until something reads, stdin does not keep the loop alive; pausing lets it go again (the
  // socket stops reading on pause()).
  if (stream._handle && stream._handle.readStop) {
    stream._handle.reading = false;
    stream._readableState.reading = false;
    stream._handle.readStop();
  }
  return stream;
}

// ===== the lazy getters' bodies =====

let stdin;
let stdout;
let stderr;

function getStdin() {
  return stdin ??= createStdin(0);
}

function getStdout() {
  return stdout ??= createWritableStdioStream(1);
}

function getStderr() {
  return stderr ??= createWritableStdioStream(2);
}

// ===== exit =====

function toBytes(chunk, encoding) {
  if (typeof chunk !== 'string' || !encoding || encoding === 'utf8' || encoding === 'utf-8' ||
      encoding === 'buffer') {
    return chunk;
  }
  return Buffer.from(chunk, encoding);
}

/**
 * Write out what stdout/stderr pipe sockets still hold - the native queue and chunks the stream
 * buffered behind a pending write - waiting for the pipe; then undo terminal raw mode.
 */
function flushAtExit() {
  for (let i = 0; i < writers.length; i++) {
    const stream = writers[i];
    const handle = stream._handle;
    if (!handle || handle.closed || handle.token === null) continue;
    binding.net.flushSync(handle.token);
    const state = stream._writableState;
    if (!state || state.buffered.length === 0) continue;
    const buffered = state.buffered.splice(0);
    for (let j = 0; j < buffered.length; j++) {
      if (handle.write(toBytes(buffered[j].chunk, buffered[j].encoding)) < 0) break;
      binding.net.flushSync(handle.token);
    }
  }
  if (binding.tty) binding.tty.resetMode();
}

/**
 * Before a startup snapshot is written: output still queued is written out and the streams'
 * native handles closed, so that none is serialized; the next access in the process started
 * from the snapshot makes the streams again, for that process's descriptors.
 */
function resetForSnapshot() {
  flushAtExit();
  for (const stream of [stdin, stdout, stderr]) {
    const handle = stream && stream._handle;
    if (handle && !handle.closed && typeof handle.close === 'function') handle.close();
  }
  if (stdout && stdout.isTTY) process.removeAllListeners('SIGWINCH');
  if (stderr && stderr.isTTY) process.removeAllListeners('SIGWINCH');
  writers.length = 0;
  stdin = undefined;
  stdout = undefined;
  stderr = undefined;
}

module.exports = {
  resetForSnapshot,
  getStdin,
  getStdout,
  getStderr,
  flushAtExit,
  guessHandleType,
  SyncWriteStream,
};
