'use strict';
// internal/js_stream_socket: JSStreamSocket, a net.Socket over any Duplex stream (what the
// deprecated `_stream_wrap` module exports). The socket's handle is a StreamHandle: the
// NetHandle methods net.js calls (readStart, write, shutdown, close, ...), done on the stream,
// with their results reported through `onevent` as a native handle's events are.

const { Buffer } = require('buffer');
const net = require('net');
const { EV } = require('internal/net_handle');

const EBADF = -9;

class StreamHandle {
  constructor(stream) {
    this.stream = stream;
    this.reading = false;
    this.closed = false;
    this.onevent = null;
    this.onconnection = null;
    this._refed = true;
    // Writes whose callbacks are still to come; the socket waits for one at a time.
    this._pending = 0;
    stream.on('data', (chunk) => {
      if (this.closed) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      // The socket makes a Buffer over the whole ArrayBuffer it is given: a copy of its own.
      this._emit(EV.DATA, Uint8Array.prototype.slice.call(bytes).buffer);
    });
    stream.once('end', () => {
      if (!this.closed) this._emit(EV.EOF, 0);
    });
    stream.pause();
  }

  _emit(kind, value) {
    if (typeof this.onevent === 'function') this.onevent(kind, value);
  }

  get fd() { return -1; }

  get writeQueueSize() {
    return this.closed ? 0 : this.stream.writableLength || 0;
  }

  readStart() {
    if (this.closed) return EBADF;
    this.reading = true;
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.reading = false;
    if (!this.closed) this.stream.pause();
    return 0;
  }

  write(chunk) {
    return this.writev([chunk]);
  }

  // Every chunk goes to the stream; the socket hears once, after the last one's callback.
  writev(chunks) {
    if (this.closed) return EBADF;
    const stream = this.stream;
    this._pending++;
    let left = chunks.length;
    const done = () => {
      if (--left > 0) return;
      this._pending--;
      if (!this.closed) this._emit(EV.WRITTEN, 0);
    };
    stream.cork();
    for (const chunk of chunks) stream.write(chunk, done);
    process.nextTick(() => stream.uncork());
    return 1;
  }

  shutdown() {
    if (this.closed) return EBADF;
    this.stream.end(() => {
      if (!this.closed) this._emit(EV.SHUTDOWN, 0);
    });
    return 0;
  }

  // 'close' (EV.CLOSE) follows on the next turn, as a native handle's close phase.
  close() {
    if (this.closed) return false;
    this.closed = true;
    this.reading = false;
    setImmediate(() => this._emit(EV.CLOSE, 0));
    return true;
  }

  reset() {
    return this.close();
  }

  ref() { this._refed = true; }

  unref() { this._refed = false; }

  hasRef() { return !this.closed && this._refed; }

  setNoDelay() { return 0; }

  setKeepAlive() { return 0; }

  getsockname() { return EBADF; }

  getpeername() { return EBADF; }
}

/**
 * A net.Socket reading from and writing to `stream`. As Node's, the stream's errors are
 * emitted by the socket, which is destroyed (without an error) once the stream closes.
 */
class JSStreamSocket extends net.Socket {
  constructor(stream) {
    super({ handle: new StreamHandle(stream) });
    this.stream = stream;
    stream.on('error', (err) => this.emit('error', err));
    stream.once('close', () => this.destroy());
  }
}

module.exports = JSStreamSocket;
