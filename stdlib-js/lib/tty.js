'use strict';
// node:tty - isatty(), and the terminal streams. ReadStream and WriteStream are net.Sockets over
// a terminal, as Node's are (process.stdin/stdout/stderr are these on a terminal; see
// internal/process/stdio).
//
// Boundary: a WriteStream's handle (TtyWriteHandle) writes synchronously with
// binding.process.writeSync, as libuv writes terminals on Unix, so output and exit never race. A
// ReadStream reads a fresh descriptor for the same terminal (binding.net.reopenFd, then adoptFd)
// in the poll phase: making that one non-blocking leaves the descriptor the shell shares alone.
// Sizes and raw mode come from binding.tty (getWindowSize -> [cols, rows] or a negative errno;
// setRawMode -> 0 or a negative errno; resetMode at exit undoes raw mode).

const net = require('net');
const { NetHandle, EV, kOwner } = require('internal/net_handle');
const { addHandle, removeHandle } = require('internal/process/handles');
const { errnoException, errName } = require('internal/net');
const { codes } = require('internal/errors');
const internalTty = require('internal/tty');

const native = binding.process;
const EINVAL = -22;

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && native.isatty(fd);
}

function checkFd(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new codes.ERR_INVALID_FD(fd);
}

// Node's ERR_TTY_INIT_FAILED (a SystemError): the descriptor cannot be a terminal stream.
function ttyInitFailed(errno) {
  const code = errName(errno);
  const detail = errnoException(errno, 'uv_tty_init');
  const err = new Error(`TTY initialization failed: uv_tty_init returned ${code} ` +
    `(${require('util').getSystemErrorMap().get(errno)?.[1] || 'unknown error'})`);
  err.name = 'SystemError';
  err.code = 'ERR_TTY_INIT_FAILED';
  err.errno = detail.errno;
  err.syscall = 'uv_tty_init';
  err.info = { errno, code, message: err.message, syscall: 'uv_tty_init' };
  return err;
}

// ===== handles =====

/**
 * The handle behind a WriteStream, in the shape of net_handle's NetHandle: write/writev answer
 * 0 (done) or a negative errno at once, since a terminal write blocks until it is taken.
 */
class TtyWriteHandle {
  constructor(fd) {
    this.fd = fd;
    this.reading = false;
    this.closed = false;
    this.onevent = null;
    this._refed = true;
    this[kOwner] = null;
    addHandle(this);
  }

  /** process._getActiveHandles() lists the stream while it is open and ref'd, as Node's TTY. */
  activeOwner() {
    return this._refed && !this.closed ? this[kOwner] : null;
  }

  resourceType() { return 'TTYWrap'; }

  write(chunk) {
    if (this.closed) return -9;
    try {
      native.writeSync(this.fd, chunk);
    } catch (err) {
      return typeof err.errno === 'number' ? -Math.abs(err.errno) : -5;
    }
    return 0;
  }

  writev(chunks) {
    for (let i = 0; i < chunks.length; i++) {
      const r = this.write(chunks[i]);
      if (r < 0) return r;
    }
    return 0;
  }

  // Terminals have no half-close (libuv's shutdown fails there and Node ignores it).
  shutdown() {
    process.nextTick(() => {
      if (typeof this.onevent === 'function') this.onevent(EV.SHUTDOWN, 0);
    });
    return 0;
  }

  readStart() { return 0; }

  readStop() { return 0; }

  // No 'close' from the loop follows: net.Socket emits it on the next tick.
  close() {
    this.closed = true;
    removeHandle(this);
    return false;
  }

  ref() { this._refed = true; }

  unref() { this._refed = false; }

  hasRef() { return this._refed && !this.closed; }

  setBlocking() { return 0; }

  getWindowSize(out) {
    const size = binding.tty.getWindowSize(this.fd);
    if (typeof size === 'number') return size;
    out[0] = size[0];
    out[1] = size[1];
    return 0;
  }

  get writeQueueSize() { return 0; }
}

/** A terminal read through the poll phase; raw mode switches the terminal behind `fd`. */
class TtyReadHandle extends NetHandle {
  constructor(fd, token) {
    super(true, token);
    this._ttyFd = fd;
  }

  setRawMode(flag) {
    return binding.tty.setRawMode(this._ttyFd, flag);
  }

  resourceType() { return 'TTYWrap'; }

  setBlocking(on) {
    return this.token === null || this.closed ? -9 : binding.net.setBlocking(this.token, on);
  }

  getWindowSize(out) {
    const size = binding.tty.getWindowSize(this._ttyFd);
    if (typeof size === 'number') return size;
    out[0] = size[0];
    out[1] = size[1];
    return 0;
  }
}

// ===== ReadStream =====

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  const copy = binding.net.reopenFd(fd, false);
  if (copy < 0) throw ttyInitFailed(copy);
  const adopted = binding.net.adoptFd(copy);
  if (typeof adopted === 'number' || adopted.server) {
    if (typeof adopted !== 'number') binding.net.close(adopted.token);
    throw ttyInitFailed(typeof adopted === 'number' && adopted !== -88 ? adopted : EINVAL);
  }
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle: new TtyReadHandle(fd, adopted.token),
    manualStart: true,
    ...options,
  });
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle ? this._handle.setRawMode(flag) : 0;
  if (err) {
    this.emit('error', errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

// ===== WriteStream =====

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  // As uv_tty_init: anything but a file or a closed descriptor will do.
  const kind = require('internal/process/stdio').guessHandleType(fd);
  if (kind === 'FILE' || kind === 'UNKNOWN') throw ttyInitFailed(EINVAL);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle: new TtyWriteHandle(fd),
    manualStart: true,
  });
  this.fd = fd;
  const size = [];
  if (this._handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;

WriteStream.prototype.getColorDepth = function getColorDepth(env = process.env) {
  return internalTty.getColorDepth(env);
};

WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && typeof count === 'object' && count !== null) {
    env = count;
    count = 16;
  }
  if (count === undefined) count = 16;
  if (!Number.isInteger(count) || count < 2) {
    throw new codes.ERR_OUT_OF_RANGE('count', '>= 2', count);
  }
  return count <= 2 ** this.getColorDepth(env);
};

// SIGWINCH: read the size again and say 'resize' when it changed.
WriteStream.prototype._refreshSize = function _refreshSize() {
  const size = [];
  const err = this._handle ? this._handle.getWindowSize(size) : -9;
  if (err) {
    this.emit('error', errnoException(err, 'getWindowSize'));
    return;
  }
  if (this.columns !== size[0] || this.rows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

// The cursor helpers go through the readline module object, so replacing its functions
// (as Node's tests do) is seen here.
WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return require('readline').cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return require('readline').moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return require('readline').clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return require('readline').clearScreenDown(this, cb);
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
