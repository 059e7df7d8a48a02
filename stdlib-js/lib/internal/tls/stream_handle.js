'use strict';
// internal/tls/stream_handle: the handle under a TLSSocket that runs over any Duplex rather
// than a net.Socket (`tls.connect({ socket: duplex })`, `new TLSSocket(duplex)`), where Node
// puts a JSStreamSocket. It has a NetHandle's shape (readStart, write, shutdown, close, ...)
// and events (`onevent(kind, value)`), over a binding.net TLS engine: what the Duplex gives is
// fed to the engine (tlsEngineInput), and the ciphertext the engine makes (TLS_EV.CIPHER) is
// written to the Duplex. The engine's other events are a TLS socket's own (SECURE, DATA, ...);
// each engine call returns those it caused, flat ([kind, value, ...]), and they run here.
//
// A write is done (EV.WRITTEN) once the Duplex has taken every ciphertext chunk written so
// far; shutdown() sends close_notify and ends the Duplex; close() destroys it.

const { Buffer } = require('buffer');
const { EV } = require('internal/net_handle');

const native = binding.net;
const TLS_EV = native.tlsEvents;
const EBADF = -9;
// No binding.net token: a non-null stand-in, which no native call takes for a socket.
const kNoToken = Object.freeze({ __proto__: null });

class DuplexHandle {
  // `takeReads`: the stream is a socket with a handle (a TLSSocket under another TLSSocket),
  // whose reads the new socket takes over at the handle, as Node's TLSWrap stacks on the
  // socket's stream: the wrapped socket's own 'data' listeners hear nothing more.
  constructor(stream, takeReads = false) {
    this.stream = stream;
    this.token = kNoToken;
    this.isPipe = false;
    this.reading = false;
    this.closed = false;
    this.onevent = null;
    this.onconnection = null;
    // The TLSSocket on top, which a Duplex error destroys.
    this.owner = null;
    this._engine = 0;
    // Chunks the Duplex has not called back for, and the plaintext bytes waiting on them.
    this._inFlight = 0;
    this._queued = 0;
    // Input waits here while the engine is busy (a chunk that arrives from inside one of its
    // events) or not started; null stands for the Duplex's end.
    this._input = [];
    this._feeding = false;
    this._eof = false;
    this._depth = 0;
    this._out = [];
    this._onData = (chunk) => this._feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    this._onEnd = () => this._feed(null);
    this._onError = (err) => {
      if (this.owner !== null && !this.owner.destroyed) this.owner.destroy(err);
    };
    this._onClose = () => {
      // Gone without an end: the TLS stream ends here too.
      this._feed(null);
      if (this.owner !== null && !this.owner.destroyed) this.owner.destroy();
    };
    this._taken = null;
    const handle = takeReads ? stream._handle : null;
    if (handle && typeof handle.onevent === 'function' && typeof handle.readStart === 'function') {
      this._take(handle);
    } else {
      stream.on('data', this._onData);
      stream.on('end', this._onEnd);
      if (typeof stream.pause === 'function') stream.pause();
    }
    stream.on('error', this._onError);
    stream.on('close', this._onClose);
  }

  _take(handle) {
    this._taken = handle;
    const previous = handle.onevent;
    handle.onevent = (kind, value) => {
      if (kind === EV.DATA) {
        this._feed(Buffer.from(ArrayBuffer.isView(value) ?
          new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice() : value));
        return;
      }
      if (kind === EV.EOF) {
        this._feed(null);
        return;
      }
      previous(kind, value);
    };
    // What the socket read and nobody consumed yet comes first.
    const stream = this.stream;
    if (stream.readableLength > 0) {
      let chunk;
      while ((chunk = stream.read()) !== null) this._onData(chunk);
    }
  }

  get fd() { return -1; }
  get writeQueueSize() { return this._queued; }

  // ----- the TLS engine (what _tls_wrap asks of binding.net for a socket's token) -----

  startTls(isServer, host, options) {
    if (this.closed) return EBADF;
    const id = native.tlsEngineNew(isServer, host, options);
    if (typeof id === 'string' || id <= 0) return id;
    this._engine = id;
    this._run(native.tlsEnginePump(id));
    this._drain();
    return 0;
  }

  tlsAccept(options, alpn, session) {
    if (!this._engine) return EBADF;
    const [result, events] = native.tlsEngineAccept(this._engine, options, alpn, session);
    this._run(events);
    return result;
  }

  setKeylog(on) {
    if (this._engine) native.tlsEngineSetKeylog(this._engine, on);
  }

  setMaxSendFragment(size) {
    if (this._engine) native.tlsEngineSetMaxSendFragment(this._engine, size);
  }

  peerCertificates() {
    return this._engine ? native.tlsEnginePeerCertificates(this._engine) : undefined;
  }

  // The ciphertext of a batch goes to the Duplex after its other events ran (and after what
  // their handlers wrote), in the order the engine made it: the local side learns of its
  // handshake before the peer hears the last of it, as with a socket.
  _run(events) {
    if (!Array.isArray(events)) return;
    this._depth++;
    try {
      for (let i = 0; i < events.length; i += 2) this._onEngine(events[i], events[i + 1]);
    } finally {
      this._depth--;
    }
    if (this._depth === 0) {
      while (this._out.length > 0) this._send(this._out.shift());
    }
  }

  _onEngine(kind, value) {
    if (kind === TLS_EV.CIPHER) {
      this._out.push(Buffer.from(value));
      return;
    }
    if (kind === EV.EOF) {
      if (this._eof) return;
      this._eof = true;
    }
    if (typeof this.onevent === 'function') this.onevent(kind, value);
  }

  _send(chunk) {
    const stream = this.stream;
    if (stream.destroyed || stream.writableEnded) return;
    this._inFlight++;
    stream.write(chunk, () => {
      this._inFlight--;
      if (this._inFlight === 0 && this._queued > 0 && !this.closed) {
        this._queued = 0;
        if (typeof this.onevent === 'function') this.onevent(EV.WRITTEN, 0);
      }
    });
  }

  _feed(chunk) {
    this._input.push(chunk);
    this._drain();
  }

  // Input goes in one chunk at a time, never from inside the engine's own events, so that
  // the plaintext comes out in order.
  _drain() {
    if (this._feeding || this._engine === 0) return;
    this._feeding = true;
    try {
      while (this._input.length > 0 && !this.closed) {
        const chunk = this._input.shift();
        if (chunk === null) {
          this._onEngine(EV.EOF);
        } else if (chunk.length > 0) {
          this._run(native.tlsEngineInput(this._engine, chunk));
        }
      }
    } finally {
      this._feeding = false;
    }
  }

  // ----- a NetHandle's methods -----

  readStart() {
    if (this.closed) return EBADF;
    this.reading = true;
    if (this._taken !== null) {
      if (!this._taken.reading) this._taken.readStart();
    } else if (typeof this.stream.resume === 'function') {
      this.stream.resume();
    }
    return 0;
  }

  readStop() {
    this.reading = false;
    if (this.closed) return 0;
    if (this._taken !== null) {
      if (this._taken.reading) this._taken.readStop();
    } else if (typeof this.stream.pause === 'function') {
      this.stream.pause();
    }
    return 0;
  }

  write(chunk) {
    if (this.closed || this._engine === 0) return EBADF;
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const events = native.tlsEngineWrite(this._engine, data);
    if (typeof events === 'number') return events;
    this._run(events);
    if (this._inFlight === 0 && this._out.length === 0) return 0;
    this._queued += data.length;
    return this._queued;
  }

  writev(chunks) {
    return this.write(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))));
  }

  shutdown() {
    if (this.closed || this._engine === 0) return EBADF;
    this._run(native.tlsEngineEnd(this._engine));
    const stream = this.stream;
    const done = () => {
      if (typeof this.onevent === 'function') this.onevent(EV.SHUTDOWN, 0);
    };
    if (stream.destroyed || stream.writableEnded) process.nextTick(done);
    else stream.end(done);
    return 0;
  }

  // 'close' (EV.CLOSE) follows, as a socket's does from the close phase.
  close() {
    if (this.closed) return false;
    this.closed = true;
    this.reading = false;
    if (this._engine !== 0) native.tlsEngineClose(this._engine);
    this._engine = 0;
    const stream = this.stream;
    stream.removeListener('data', this._onData);
    stream.removeListener('close', this._onClose);
    if (!stream.destroyed) stream.destroy();
    setImmediate(() => {
      if (typeof this.onevent === 'function') this.onevent(EV.CLOSE);
    });
    return true;
  }

  reset() { return this.close(); }
  ref() {}
  unref() {}
  hasRef() { return false; }
  setNoDelay() { return 0; }
  setKeepAlive() { return 0; }
  getsockname() { return EBADF; }
  getpeername() { return EBADF; }
}

module.exports = { DuplexHandle };
