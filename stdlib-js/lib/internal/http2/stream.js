'use strict';
// Http2Stream: one RFC 9113 stream as a Duplex. Writes become DATA frames queued on the session
// (which applies flow control); the readable side carries the peer's DATA. A stream is destroyed
// once both directions are closed (or on RST_STREAM), after its readable side has been drained.

const { Duplex } = require('stream');
const {
  err, streamError, mapToHeaders, assertValidPseudoHeader, sensitiveHeaders, perfNow,
} = require('internal/http2/util');

const kSession = Symbol('session');
const NO_ERROR = 0;
const INTERNAL_ERROR = 2;
const CANCEL = 8;
const STATES = { idle: 1, open: 2, reservedLocal: 3, reservedRemote: 4, halfLocal: 5, halfRemote: 6, closed: 7 };

class Http2Stream extends Duplex {
  constructor(session, id, options) {
    super({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false, ...options });
    this[kSession] = session;
    this._id = id;
    this._outq = [];
    this._sendWindow = session._remote.initialWindowSize;
    this._recvWindow = session._announcedWindow ?? session._local.initialWindowSize;
    this._unacked = 0;
    this._endSent = false;
    this._endReceived = false;
    this._rstCode = undefined;
    this._closedByProtocol = false;
    this._bytesSent = 0;
    // The figures of the perf_hooks 'http2' entry (Http2Stream): perf clock times, 0 = not yet.
    this._perfStart = perfNow();
    this._bytesRead = 0;
    this._firstHeaderAt = 0;
    this._firstByteAt = 0;
    this._firstByteSentAt = 0;
    this._pendingWrites = [];
    this._finalCb = null;
    this._headersSent = false;
    this._sentHeaders = undefined;
    this._sentTrailers = undefined;
    this._sentInfoHeaders = undefined;
    this._waitForTrailers = false;
    this._wantTrailersEmitted = false;
    this._endAfterHeaders = false;
    this._aborted = false;
    this._didRead = false;
    this._timeoutMs = 0;
    this._timer = null;
    this._lastActive = Date.now();
    this.on('end', () => this._tryDestroy());
    this.on('finish', () => this._tryDestroy());
    if (session._type === 0 && session.server && session.server.timeout) {
      // Streams of a server start with no timeout of their own (the session has one).
    }
  }

  get id() { return this._id; }
  get session() { return this.destroyed ? undefined : this[kSession]; }
  get pending() { return this._id === undefined; }
  get closed() { return this._closedByProtocol; }
  get rstCode() { return this._rstCode; }
  get aborted() { return this._aborted; }
  get endAfterHeaders() { return this._endAfterHeaders; }
  get sentHeaders() { return this._sentHeaders; }
  get sentTrailers() { return this._sentTrailers; }
  get sentInfoHeaders() { return this._sentInfoHeaders; }
  get headersSent() { return this._headersSent; }
  get bufferSize() {
    let n = 0;
    for (const e of this._outq) if (e.buf) n += e.buf.length - (e.off || 0);
    for (const [chunk] of this._pendingWrites) n += chunk.length;
    return n + this.writableLength;
  }
  get state() {
    if (this.destroyed || this._id === undefined) return {};
    let state;
    if (this._closedByProtocol) state = STATES.closed;
    else if (this._endSent && this._endReceived) state = STATES.closed;
    else if (this._endSent) state = STATES.halfLocal;
    else if (this._endReceived) state = STATES.halfRemote;
    else state = STATES.open;
    return {
      localWindowSize: this[kSession]._local.initialWindowSize,
      state,
      localClose: this._endSent ? 1 : 0,
      remoteClose: this._endReceived ? 1 : 0,
      sumDependencyWeight: 0,
      weight: this._weight ?? 16,
    };
  }

  _open(id) {
    this._id = id;
  }

  _flushPending() {
    const writes = this._pendingWrites;
    this._pendingWrites = [];
    // A writer held back (past the high-water mark) goes on once its write is out.
    const held = writes.length > 0 ? writes[writes.length - 1][2] : null;
    const done = held || (() => {});
    if (writes.length > 1) {
      // What was written before the stream opened leaves together, as one DATA run.
      const bufs = writes.map(([chunk, enc]) => (typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk));
      this._write(Buffer.concat(bufs), 'buffer', done);
    } else {
      for (const [chunk, enc] of writes) this._write(chunk, enc, done);
    }
    if (this._finalCb) {
      const cb = this._finalCb;
      this._finalCb = null;
      this._final(cb);
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    const obj = {
      id: this._id ?? '<pending>',
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      readableState: this._readableState,
      writableState: this._writableState,
    };
    return `${this.constructor.name} ${inspect(obj, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }

  priority(options) {
    if (this.destroyed) throw err('ERR_HTTP2_INVALID_STREAM');
    if (options === null || typeof options !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    if (options.parent !== undefined && typeof options.parent !== 'number') {
      throw err('ERR_INVALID_ARG_VALUE', 'options.parent', options.parent);
    }
    if (options.parent === this._id && this._id !== undefined) throw err('ERR_HTTP2_STREAM_SELF_DEPENDENCY');
    if (options.weight !== undefined && typeof options.weight !== 'number') {
      throw err('ERR_INVALID_ARG_VALUE', 'options.weight', options.weight);
    }
    // Priority is advisory (RFC 9113 deprecates the scheme): it is sent, nothing is scheduled by it.
    if (options.silent || this._id === undefined) return;
    const weight = Math.min(256, Math.max(1, options.weight ?? 16));
    this._weight = weight;
    const p = Buffer.alloc(5);
    p.writeUInt32BE(((options.parent || 0) | (options.exclusive ? 0x80000000 : 0)) >>> 0);
    p[4] = weight - 1;
    this[kSession]._writeFrame(2, 0, this._id, p);
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    if (typeof msecs !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'msecs', 'number', msecs);
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
      this.once('timeout', callback);
    }
    this._timeoutMs = msecs;
    if (this._timer) clearTimeout(this._timer);
    this._timer = null;
    if (msecs > 0) {
      this._lastActive = Date.now();
      const check = () => {
        if (this.destroyed) return;
        const idle = Date.now() - this._lastActive;
        if (idle >= this._timeoutMs) {
          this._lastActive = Date.now();
          this._timer = setTimeout(check, this._timeoutMs);
          this._timer.unref();
          this.emit('timeout');
        } else {
          this._timer = setTimeout(check, this._timeoutMs - idle);
          this._timer.unref();
        }
      };
      this._timer = setTimeout(check, msecs);
      this._timer.unref();
    }
    return this;
  }

  close(code = NO_ERROR, callback) {
    if (typeof code !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'code', 'number', code);
    if (!Number.isInteger(code)) throw err('ERR_OUT_OF_RANGE', 'code', 'an integer', code);
    if (code < 0 || code > 2 ** 32 - 1) throw err('ERR_OUT_OF_RANGE', 'code', '>= 0 && <= 4294967295', code);
    if (callback !== undefined && typeof callback !== 'function') {
      throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    }
    if (this._closedByProtocol || this.destroyed || this._closing) return;
    if (callback) this.once('close', callback);
    this._rstCode = code;
    const session = this[kSession];
    // Ended but still flushing: the reset follows the last byte.
    const afterFinish = this.writableEnded && !this.writableFinished && code === NO_ERROR;
    if (afterFinish) this._closing = true;
    else this._closedByProtocol = true;
    const send = () => {
      if (this.destroyed) return;
      const closedMeanwhile = afterFinish && this._closedByProtocol;
      this._closedByProtocol = true;
      if (!closedMeanwhile && this._id !== undefined && !session._destroyed) session._sendRst(this._id, code);
      if (!this._endReceived) this.push(null);
      this.destroy(code !== NO_ERROR && code !== CANCEL ? streamError(code) : undefined);
    };
    if (afterFinish) this.once('finish', send);
    else if (this._id === undefined) this.once('ready', send);
    else process.nextTick(send);
  }

  sendTrailers(headers) {
    if (this.destroyed) throw err('ERR_HTTP2_INVALID_STREAM');
    if (this._sentTrailers) throw err('ERR_HTTP2_TRAILERS_ALREADY_SENT');
    if (this._closedByProtocol) throw err('ERR_HTTP2_INVALID_STREAM');
    if (!this._wantTrailersEmitted) throw err('ERR_HTTP2_TRAILERS_NOT_READY');
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
      throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
    }
    const list = mapToHeaders(headers, (name) => { throw err('ERR_HTTP2_INVALID_PSEUDOHEADER', name); });
    this._sentTrailers = headers;
    if (list.length === 0) this._outq.push({ buf: Buffer.alloc(0), end: true, cb: null });
    else this._outq.push({ trailers: list });
    this[kSession]._queue(this);
  }

  // ---- Duplex plumbing ----
  _read() {
    this._didRead = true;
    // The reader wants more: give the peer back the window it has used.
    const n = this._unacked;
    if (n > 0 && this._id !== undefined && !this._endReceived && !this._closedByProtocol) {
      this._unacked = 0;
      this._recvWindow += n;
      this[kSession]._windowUpdate(this._id, n);
    }
  }

  _beforeWrite() {}

  _write(chunk, encoding, cb) {
    if (this._id === undefined) {
      // Held until the stream opens, so that everything written before then leaves as one
      // DATA run (bufferSize counts it). Up to the high-water mark the write is done at once;
      // past it the writer waits for the stream to open (a writer that never waits, pushing
      // synchronously, would never let the connection happen).
      let pending = 0;
      for (const [c] of this._pendingWrites) pending += c.length;
      const wait = pending + chunk.length > this.writableHighWaterMark;
      this._pendingWrites.push([chunk, encoding, wait ? cb : null]);
      if (!wait) cb();
      return;
    }
    if (this._closedByProtocol || this[kSession]._destroyed) {
      // The peer reset the stream: what is still written has nowhere to go.
      cb();
      return;
    }
    this._beforeWrite();
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this._lastActive = Date.now();
    if (this._endSent) {
      cb(err('ERR_STREAM_WRITE_AFTER_END'));
      return;
    }
    this[kSession]._outboundQueue += buf.length;
    this._outq.push({ buf, cb, end: false });
    this[kSession]._queue(this);
  }

  // Corked writes leave as one DATA run.
  _writev(chunks, cb) {
    const bufs = chunks.map(({ chunk, encoding }) =>
      (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    this._write(Buffer.concat(bufs), 'buffer', cb);
  }

  // end() was called and nothing more is to be written (no trailers either): the last DATA
  // frame may end the stream.
  _endFollows() {
    const ws = this._writableState;
    return ws.ending && !ws.corked && ws.buffered.length === ws.bufferedIndex &&
      !this._endSent && !this._closedByProtocol && !this._closing &&
      !(this._waitForTrailers && this.listenerCount('wantTrailers') > 0);
  }

  _final(cb) {
    if (this._id === undefined) {
      this._finalCb = cb;
      return;
    }
    this._beforeWrite(true);
    if (this._endPacked) {
      // END_STREAM went out with the last DATA frame.
      this._endPacked = false;
      this._onEndSent();
      cb();
      return;
    }
    if (this._endSent || this._closedByProtocol) {
      cb();
      return;
    }
    if (!this._finalDeferred) {
      this._finalDeferred = true;
      process.nextTick(() => this._final(cb));
      return;
    }
    if (this._waitForTrailers && this.listenerCount('wantTrailers') > 0) {
      this._outq.push({
        buf: Buffer.alloc(0), end: false,
        cb: () => {
          this._wantTrailersEmitted = true;
          cb();
          this.emit('wantTrailers');
        },
      });
    } else {
      this._outq.push({ buf: Buffer.alloc(0), end: true, cb });
    }
    this[kSession]._queue(this);
  }

  _onData(buf) {
    this._lastActive = Date.now();
    this.push(Buffer.from(buf));
  }

  _onEndReceived() {
    if (this._endReceived) return;
    this._endReceived = true;
    this.push(null);
    this._maybeClose();
  }

  _onEndSent() {
    this._endSent = true;
    const session = this[kSession];
    if (session._type === 0 && !this._endReceived && this._id !== undefined) {
      // The response is complete and nobody reads the request: tell the client to stop
      // sending, without error (RFC 9113 section 8.1). Checked a turn later, so a reader
      // attached right after end() (pipe, resume) still counts.
      setImmediate(() => {
        if (this._endReceived || this._closedByProtocol || this.destroyed) return;
        const rs = this._readableState;
        if (this._didRead || this.readableFlowing === true || this.listenerCount('data') > 0 ||
            this.listenerCount('readable') > 0 || (rs && rs.pipes && rs.pipes.length > 0)) return;
        session._sendRst(this._id, NO_ERROR);
        this._endReceived = true;
        this.push(null);
        this._maybeClose();
      });
    }
    this._maybeClose();
  }

  _onRst(code) {
    if (this._closedByProtocol) return;
    this._rstCode = code;
    this._rstReceived = true;
    this._closedByProtocol = true;
    // A refused stream was never processed: it is aborted whatever was written.
    if (!this.writableEnded || code === 7) {
      this._aborted = true;
      this.emit('aborted');
    }
    if (code === NO_ERROR) {
      // The peer is done with us; finish reading what has arrived.
      this._endSent = true;
      if (!this._endReceived) {
        this._endReceived = true;
        this.push(null);
      }
      this._closeAfterRead();
      return;
    }
    this.destroy(code !== CANCEL ? streamError(code) : undefined);
  }

  _maybeClose() {
    if (!this._endSent || !this._endReceived || this._closedByProtocol) return;
    this._closedByProtocol = true;
    if (this._rstCode === undefined) this._rstCode = NO_ERROR;
    this[kSession]._removeStream(this);
    this._closeAfterRead();
  }

  _closeAfterRead() {
    if (!this.readableEnded && this[kSession]._type === 0 && !this._didRead &&
        this.readableFlowing === null) {
      // Nobody reads the request body: drop it so the stream can close.
      this.resume();
    } else if (!this.readableEnded) {
      this.read(0);
    }
    this._tryDestroy();
  }

  _tryDestroy() {
    if (!this._closedByProtocol || this.destroyed) return;
    if (!this.readableEnded && this.readable) return;
    // After a reset from the peer nothing more can be written; do not wait for the writer.
    if (!this._rstReceived) {
      if (!this.writableFinished && this.writable && !this.writableEnded) return;
      if (this.writableEnded && !this.writableFinished) return;
    }
    process.nextTick(() => { if (!this.destroyed) this.destroy(); });
  }

  _destroy(error, cb) {
    const session = this[kSession];
    // A closed stream's writable side is closed too: a later write() fails with 'write after
    // end', as in Node.
    const ending = this._writableState.ending;
    if (!this._closedByProtocol) {
      let code = this._rstCode;
      if (code === undefined) {
        if (error) code = error.name === 'AbortError' ? CANCEL : INTERNAL_ERROR;
        else code = NO_ERROR;
      }
      this._rstCode = code;
      this._closedByProtocol = true;
      if (this._id !== undefined && !session._destroyed) session._sendRst(this._id, code);
    } else if (session._peerGone && !this.writableEnded && !this._aborted) {
      this._aborted = true;
      this.emit('aborted');
    }
    if (this._timer) clearTimeout(this._timer);
    for (const e of this._outq) session._outboundQueue -= e.buf ? e.buf.length - (e.off || 0) : 0;
    this._outq = [];
    if (this._id !== undefined) session._removeStream(this);
    if (!ending) this.end();
    // As Node: a resumed stream destroyed without error still ends ('end' before 'close').
    this.push(null);
    cb(error);
  }
}

function assertResponsePseudo(name) {
  if (name !== ':status') throw err('ERR_HTTP2_INVALID_PSEUDOHEADER', name);
}

function checkStatus(status) {
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    throw err('ERR_HTTP2_STATUS_INVALID', status);
  }
  if (status === 101) throw err('ERR_HTTP2_STATUS_101');
  if (status < 200) throw new (require('internal/errors').codes.ERR_HTTP2_INFO_STATUS_NOT_ALLOWED)();
}

function checkBoolOpt(options, name) {
  if (options[name] !== undefined && typeof options[name] !== 'boolean') {
    throw err('ERR_INVALID_ARG_VALUE', `options.${name}`, options[name]);
  }
}

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, options) {
    super(session, id, options);
    this._isPush = false;
    this._headRequest = false;
    this._requestHeaders = undefined;
  }

  get pushAllowed() {
    return !this.destroyed && !this._isPush && this[kSession]._remote.enablePush !== false;
  }

  _beforeWrite(final) {
    if (!this._headersSent) this.respond({}, final ? { endStream: false } : undefined);
  }

  _prepareResponse(headers, options) {
    if (this.destroyed || this._closedByProtocol) throw err('ERR_HTTP2_INVALID_STREAM');
    if (this._headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
    if (headers === undefined || headers === null) headers = {};
    else if (typeof headers !== 'object') throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
    options = options === undefined ? {} : options;
    if (options === null || typeof options !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    checkBoolOpt(options, 'endStream');
    checkBoolOpt(options, 'waitForTrailers');
    const h = Object.assign({ __proto__: null }, headers);
    if (headers[sensitiveHeaders]) h[sensitiveHeaders] = headers[sensitiveHeaders];
    if (h[':status'] === undefined) h[':status'] = 200;
    h[':status'] = Number(h[':status']);
    checkStatus(h[':status']);
    const server = this[kSession].server;
    if (h.date === undefined && !(server && server._options && server._options.sendDate === false) &&
        this._sendDate !== false) {
      h.date = new Date().toUTCString();
    }
    return { h, options };
  }

  respond(headers, options) {
    const { h, options: opts } = this._prepareResponse(headers, options);
    const status = h[':status'];
    let endStream = opts.endStream === true;
    let waitForTrailers = opts.waitForTrailers === true;
    if (status === 204 || status === 205 || status === 304 || this._headRequest) {
      // No payload may follow, so no trailers either.
      endStream = true;
      waitForTrailers = false;
    }
    const list = mapToHeaders(h, assertResponsePseudo);
    this._sendResponseHeaders(h, list, endStream, waitForTrailers);
  }

  _sendResponseHeaders(h, list, endStream, waitForTrailers) {
    this._headersSent = true;
    this._sentHeaders = h;
    this._waitForTrailers = waitForTrailers;
    const session = this[kSession];
    const closeNow = endStream && !(waitForTrailers && this.listenerCount('wantTrailers') > 0);
    session._sendHeaderBlock(1, closeNow ? 1 : 0, this._id, list);
    if (closeNow) {
      this._endSent = true;
      if (!this.writableEnded) this.end();
      this._onEndSent();
    } else if (endStream) {
      this.end();
    }
    if (this._heldFinal) {
      const cb = this._heldFinal;
      this._heldFinal = null;
      this._final(cb);
    }
  }

  _final(cb) {
    // A HEAD push is ended before it responds: its end goes with the response headers.
    if (!this._headersSent && this._isPush && this._headRequest) {
      this._heldFinal = cb;
      return;
    }
    super._final(cb);
  }

  additionalHeaders(headers) {
    if (this.destroyed || this._closedByProtocol) throw err('ERR_HTTP2_INVALID_STREAM');
    if (this._headersSent) throw err('ERR_HTTP2_HEADERS_AFTER_RESPOND');
    if (headers === null || typeof headers !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
    }
    const h = { ...headers };
    if (h[':status'] !== undefined) {
      const s = Number(h[':status']);
      if (s === 101) throw err('ERR_HTTP2_STATUS_101');
      if (!(s >= 100 && s < 200)) throw new (require('internal/errors').codes.ERR_HTTP2_INVALID_INFO_STATUS)(h[':status']);
      h[':status'] = s;
    }
    const list = mapToHeaders(h, assertResponsePseudo);
    (this._sentInfoHeaders ??= []).push(h);
    this[kSession]._sendHeaderBlock(1, 0, this._id, list);
  }

  pushStream(headers, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    const session = this[kSession];
    if (session._destroyed || session._remote.enablePush === false) throw err('ERR_HTTP2_PUSH_DISABLED');
    if (this.destroyed || this._closedByProtocol) throw err('ERR_HTTP2_INVALID_STREAM');
    if (this._isPush) throw err('ERR_HTTP2_NESTED_PUSH');
    if (headers === undefined || headers === null) headers = {};
    else if (typeof headers !== 'object') throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
    options = options === undefined ? {} : options;
    if (options === null || typeof options !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    const h = { ...headers };
    if (h[':method'] === undefined) h[':method'] = 'GET';
    if (h[':method'] !== 'GET' && h[':method'] !== 'HEAD') throw err('ERR_HTTP2_INVALID_PSEUDOHEADER', ':method');
    if (h[':authority'] === undefined) {
      const req = this._requestHeaders || {};
      h[':authority'] = req[':authority'] || req.host;
    }
    if (h[':scheme'] === undefined) h[':scheme'] = session.encrypted ? 'https' : 'http';
    if (h[':path'] === undefined) h[':path'] = '/';
    const list = mapToHeaders(h);
    const id = session._nextStreamId;
    if (id > 2 ** 31 - 1) {
      process.nextTick(callback, err('ERR_HTTP2_OUT_OF_STREAMS'));
      return;
    }
    session._nextStreamId += 2;
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(id);
    session._sendHeaderBlock(5, 0, this._id, list, prefix);
    const push = new ServerHttp2Stream(session, id, {});
    push._isPush = true;
    push._requestHeaders = h;
    push._headRequest = h[':method'] === 'HEAD';
    push._endReceived = true;
    push.push(null);
    if (push._headRequest) push.end();
    session._streams.set(id, push);
    process.nextTick(callback, null, push, h, 0);
  }

  respondWithFD(fd, headers, options) {
    require('internal/http2/file').respondWithFD(this, fd, headers, options);
  }

  respondWithFile(path, headers, options) {
    require('internal/http2/file').respondWithFile(this, path, headers, options);
  }
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, id, options) {
    super(session, id, options);
    this._gotResponse = false;
    this._isPush = false;
  }
}

module.exports = {
  Http2Stream, ServerHttp2Stream, ClientHttp2Stream, kSession, checkStatus, checkBoolOpt,
  assertValidPseudoHeader,
};
