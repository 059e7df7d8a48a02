'use strict';
// Http2Session (RFC 9113 connection) over a net/tls socket: frame writing, SETTINGS, PING,
// GOAWAY, connection and stream flow control, the public session API, ServerHttp2Session and
// the socket proxy. Frame reading is in receive.js, ClientHttp2Session in client.js.

const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const { Encoder, Decoder } = require('internal/http2/hpack');
const {
  err, sessionError, streamError, errorName, validateSettings, settingsEntries, defaultSettings,
  observingHttp2, enqueueHttp2Entry, perfNow,
} = require('internal/http2/util');
const { Http2Stream, kSession } = require('internal/http2/stream');
const { SessionReader } = require('internal/http2/receive');
const {
  PREFACE, F, END_STREAM, END_HEADERS, E, SESSION_SERVER, SESSION_CLIENT, MAX_WINDOW, kSocket,
} = require('internal/http2/frames');

const kProxy = Symbol('proxy');

// The open streams by id, remembering how many were open at once (the Http2Session entry's
// maxConcurrentStreams).
class StreamMap extends Map {
  max = 0;

  set(id, stream) {
    super.set(id, stream);
    if (this.size > this.max) this.max = this.size;
    return this;
  }
}

let nextPingId = 0;

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    this[kSocket] = socket;
    this._type = type;
    this._options = options || {};
    this._streams = new StreamMap();
    // The figures of the perf_hooks 'http2' entry (Http2Session) reported when it ends.
    this._perfStart = perfNow();
    this._framesReceived = 0;
    this._framesSent = 0;
    this._bytesRead = 0;
    this._bytesWritten = 0;
    this._streamCount = 0;
    this._streamDurations = 0;
    this._pingRTT = 0;
    this._nextStreamId = type === SESSION_CLIENT ? 1 : 2;
    this._lastPeerStreamId = 0;
    this._encoder = new Encoder();
    const initial = { ...defaultSettings(), ...(this._options.settings || {}) };
    this._decoder = new Decoder(initial.headerTableSize);
    this._local = defaultSettings(); // acknowledged by the peer
    this._remote = defaultSettings();
    this._remoteSeen = false;
    this._pendingSettings = [];
    this._pings = [];
    this._sendWindow = 65535;
    this._recvWindow = 65535;
    this._localWindowSize = 65535;
    this._localWindowHigh = 65535; // a window can be announced larger, never taken back
    this._sendable = new Set();
    this._inbuf = null;
    this._needPreface = type === SESSION_SERVER;
    this._continuation = null;
    this._closed = false;
    this._destroyed = false;
    this._connecting = true;
    this._goawayCode = undefined;
    this._goawayReceived = false;
    this._timeout = 0;
    this._timer = null;
    this._lastActive = 0;
    this._invalidFrames = 0;
    this._maxInvalid = this._options.maxSessionInvalidFrames ?? 1000;
    this._outboundQueue = 0;
    this._initialSettings = this._options.settings || {};
    if (this._options.settings !== undefined) validateSettings(this._options.settings);
    this.alpnProtocol = undefined;
    this.originSet = undefined;
    this._bindSocket(socket);
  }

  _bindSocket(socket) {
    this.encrypted = typeof socket.getPeerCertificate === 'function' && socket.encrypted === true;
    if (this.encrypted) {
      this.alpnProtocol = socket.alpnProtocol || 'h2';
    } else {
      this.alpnProtocol = 'h2c';
    }
    this._onSocketData = (chunk) => this._receive(chunk);
    this._onSocketClose = () => {
      if (!this._destroyed) this._peerGone = true;
      this.destroy();
    };
    this._onSocketError = (e) => {
      this._socketFailed = true;
      if (!this._destroyed) this.destroy(e);
    };
    this._onSocketTimeout = () => this.emit('timeout');
    // Frames are small and latency-bound: no Nagle delay (Node does the same).
    if (typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
    socket.on('data', this._onSocketData);
    socket.on('close', this._onSocketClose);
    socket.on('error', this._onSocketError);
    socket.on('end', () => {
      if (this._destroyed) return;
      this._peerGone = true;
      this.destroy();
    });
  }

  // Called once the transport can carry frames.
  _start() {
    if (this._destroyed) return;
    this._connecting = false;
    if (this._type === SESSION_CLIENT) {
      this[kSocket].write(PREFACE);
      this._bytesWritten += PREFACE.length;
    }
    this._sendSettings(this._initialSettings, null);
    if (this._inbuf && this._inbuf.length) this._receive(Buffer.alloc(0));
    process.nextTick(() => {
      if (this._destroyed) return;
      // Requests queued before the connection went out first, so 'connect' sees them open.
      if (this._type === SESSION_CLIENT) this._flushPending();
      this.emit('connect', this, this[kSocket]);
    });
  }

  get type() { return this._type; }
  get closed() { return this._closed; }
  get destroyed() { return this._destroyed; }
  get connecting() { return this._connecting; }
  get pendingSettingsAck() { return this._pendingSettings.length > 0; }
  // The same object comes back until the settings change.
  get localSettings() {
    if (this._destroyed) return {};
    return (this._localCopy ??= { ...this._local });
  }
  get remoteSettings() {
    if (this._destroyed) return {};
    return (this._remoteCopy ??= { ...this._remote });
  }
  get socket() {
    if (!this[kProxy]) this[kProxy] = makeSocketProxy(this);
    return this[kProxy];
  }
  get state() {
    if (this._destroyed) return {};
    return {
      effectiveLocalWindowSize: this._localWindowSize,
      effectiveRecvDataLength: this._localWindowSize - this._recvWindow,
      nextStreamID: this._nextStreamId,
      localWindowSize: this._localWindowHigh,
      lastProcStreamID: this._lastPeerStreamId,
      remoteWindowSize: this._sendWindow,
      outboundQueueSize: this._outboundQueue,
      deflateDynamicTableSize: this._encoder.table.size,
      inflateDynamicTableSize: this._decoder.table.size,
    };
  }

  // ---- writing ----
  _writeFrame(type, flags, id, payload, cb) {
    const socket = this[kSocket];
    if (!socket || socket.destroyed || !socket.writable) {
      if (cb) process.nextTick(cb);
      return;
    }
    const len = payload ? payload.length : 0;
    const head = Buffer.allocUnsafe(9);
    head[0] = len >>> 16;
    head[1] = (len >>> 8) & 0xff;
    head[2] = len & 0xff;
    head[3] = type;
    head[4] = flags;
    head.writeUInt32BE(id & 0x7fffffff, 5);
    socket.write(len ? Buffer.concat([head, payload]) : head, cb);
    this._framesSent++;
    this._bytesWritten += 9 + len;
    this._touch();
  }

  _sendHeaderBlock(type, flags, id, list, prefix) {
    // nghttp2 refuses to send a header block over 64 KiB unless told otherwise, judging by
    // its bound on the encoded size (12 bytes, 12 a field, and every name and value as they
    // are), not by what HPACK would make of it.
    const limit = this._options.maxSendHeaderBlockLength ?? 65536;
    let bound = 12 + 12 * list.length;
    for (const [name, value] of list) bound += name.length + value.length;
    if (bound > limit) {
      // Too big to send: reported like nghttp2's refusal, a frame error then a stream reset.
      const stream = this._streams.get(id);
      process.nextTick(() => {
        if (stream) stream.emit('frameError', type, E.FRAME_SIZE_ERROR, id);
        this.emit('frameError', type, E.FRAME_SIZE_ERROR, id);
        if (stream && !stream.destroyed) {
          stream._rstCode = E.FRAME_SIZE_ERROR;
          this._sendRst(id, E.FRAME_SIZE_ERROR);
          stream._closedByProtocol = true;
          stream.destroy(streamError(E.FRAME_SIZE_ERROR));
        }
        // As in Node, a frame error winds the session down.
        if (!this._destroyed) this.close();
      });
      return false;
    }
    let block = this._encoder.encode(list);
    if (prefix) block = Buffer.concat([prefix, block]);
    const max = this._remote.maxFrameSize;
    if (block.length <= max) {
      this._writeFrame(type, flags | END_HEADERS, id, block);
      return;
    }
    this._writeFrame(type, flags, id, block.subarray(0, max));
    for (let off = max; off < block.length; off += max) {
      const last = off + max >= block.length;
      this._writeFrame(F.CONTINUATION, last ? END_HEADERS : 0, id, block.subarray(off, off + max));
    }
  }

  _sendSettings(settings, cb) {
    // Limits we announce bind the peer as soon as it reads them, before it acknowledges.
    if (settings.maxConcurrentStreams !== undefined) this._announcedMaxStreams = settings.maxConcurrentStreams;
    if (settings.initialWindowSize !== undefined) this._announcedWindow = settings.initialWindowSize;
    const listMax = settings.maxHeaderListSize ?? settings.maxHeaderSize;
    if (listMax !== undefined) this._announcedMaxHeaderList = listMax;
    const entries = settingsEntries(settings);
    const payload = Buffer.alloc(entries.length * 6);
    entries.forEach(([id, v], i) => {
      payload.writeUInt16BE(id, i * 6);
      payload.writeUInt32BE(v, i * 6 + 2);
    });
    this._pendingSettings.push({ settings: { ...settings }, cb, start: process.hrtime.bigint() });
    this._writeFrame(F.SETTINGS, 0, 0, payload);
  }

  _sendRst(id, code) {
    // What was written before the reset leaves before it.
    if (this._flushScheduled) this._flush();
    const p = Buffer.alloc(4);
    p.writeUInt32BE(code >>> 0);
    this._writeFrame(F.RST_STREAM, 0, id, p);
  }

  _sendGoaway(code, lastStreamId, opaque) {
    if (this._flushScheduled) this._flush();
    const p = Buffer.alloc(8 + (opaque ? opaque.length : 0));
    p.writeUInt32BE(lastStreamId & 0x7fffffff, 0);
    p.writeUInt32BE(code >>> 0, 4);
    if (opaque) Buffer.from(opaque.buffer, opaque.byteOffset, opaque.byteLength).copy(p, 8);
    this._writeFrame(F.GOAWAY, 0, 0, p);
    this._goawaySent = true;
  }

  _windowUpdate(id, n) {
    if (n <= 0) return;
    const p = Buffer.alloc(4);
    p.writeUInt32BE(n);
    this._writeFrame(F.WINDOW_UPDATE, 0, id, p);
  }

  _queue(stream) {
    this._sendable.add(stream);
    // DATA leaves once the code running now is done (a tick later), as nghttp2 sends what was
    // queued: a stream ended meanwhile gets END_STREAM on its last DATA frame.
    if (this._flushScheduled) return;
    this._flushScheduled = true;
    process.nextTick(() => {
      this._flushScheduled = false;
      this._flush();
    });
  }

  // Sends queued DATA as far as the connection and stream windows allow.
  _flush() {
    if (this._destroyed || this._connecting) return;
    // A write callback may run synchronously inside socket.write and queue more data: that
    // flush is folded into the running one instead of re-entering it.
    if (this._flushing) {
      this._flushAgain = true;
      return;
    }
    this._flushing = true;
    try {
      do {
        this._flushAgain = false;
        this._flushOnce();
      } while (this._flushAgain && !this._destroyed);
    } finally {
      this._flushing = false;
    }
  }

  _flushOnce() {
    for (const stream of this._sendable) {
      const q = stream._outq;
      while (q.length > 0) {
        const e = q[0];
        if (e.trailers) {
          q.shift();
          if (this._sendHeaderBlock(F.HEADERS, END_STREAM, stream.id, e.trailers) === false) break;
          stream._onEndSent();
          continue;
        }
        const buf = e.buf;
        let off = e.off || 0;
        while (off < buf.length) {
          const n = Math.min(buf.length - off, this._sendWindow, stream._sendWindow,
                             this._remote.maxFrameSize);
          if (n <= 0) break;
          const last = off + n === buf.length;
          // A write completes when its last frame has reached the socket.
          const done = last ? e.cb : undefined;
          if (last) e.cb = null;
          const chunk = buf.subarray(off, off + n);
          off += n;
          e.off = off;
          if (stream._firstByteSentAt === 0) stream._firstByteSentAt = perfNow();
          // The last bytes of a stream whose end() came already carry its END_STREAM.
          const packEnd = last && !e.end && q.length === 1 && stream._endFollows();
          if (packEnd) stream._endPacked = true;
          this._writeFrame(F.DATA, (last && e.end) || packEnd ? END_STREAM : 0, stream.id, chunk,
                           done);
          this._sendWindow -= n;
          stream._sendWindow -= n;
          stream._bytesSent += n;
          this._outboundQueue -= n;
        }
        if (off < buf.length) {
          e.off = off;
          break;
        }
        if (buf.length === 0 && e.end) {
          this._writeFrame(F.DATA, END_STREAM, stream.id, null, e.cb);
          e.cb = null;
        }
        q.shift();
        if (e.end) stream._onEndSent();
        if (e.cb) e.cb();
      }
      if (q.length === 0) this._sendable.delete(stream);
    }
  }


  _touch() {
    this._lastActive = Date.now();
  }

  // ---- public API ----
  setTimeout(msecs, callback) {
    if (this._destroyed) return this;
    if (typeof msecs !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'msecs', 'number', msecs);
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
      this.once('timeout', callback);
    }
    this._timeout = msecs;
    if (this._timer) clearTimeout(this._timer);
    this._timer = null;
    if (msecs > 0) {
      this._touch();
      const check = () => {
        if (this._destroyed) return;
        const idle = Date.now() - this._lastActive;
        if (idle >= this._timeout) {
          this._touch();
          this._timer = setTimeout(check, this._timeout);
          this._timer.unref();
          this.emit('timeout');
        } else {
          this._timer = setTimeout(check, this._timeout - idle);
          this._timer.unref();
        }
      };
      this._timer = setTimeout(check, msecs);
      this._timer.unref();
    }
    return this;
  }

  settings(settings, callback) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (settings === undefined) settings = {};
    validateSettings(settings);
    if (callback !== undefined && typeof callback !== 'function') {
      throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    }
    if (this._pendingSettings.length >= (this._options.maxOutstandingSettings ?? 10)) {
      // Like nghttp2 refusing the submission: the session cannot go on.
      this.destroy(err('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK'));
      return;
    }
    if (this._connecting) {
      this.once('connect', () => this._sendSettings(settings, callback));
      return;
    }
    this._sendSettings(settings, callback);
  }

  ping(payload, callback) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (typeof payload === 'function') {
      callback = payload;
      payload = undefined;
    }
    if (payload !== undefined && !ArrayBuffer.isView(payload)) {
      throw err('ERR_INVALID_ARG_TYPE', 'payload', ['Buffer', 'TypedArray', 'DataView'], payload);
    }
    if (payload !== undefined && payload.byteLength !== 8) throw err('ERR_HTTP2_PING_LENGTH');
    if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    // Each ping is an HTTP2PING async resource: its callback runs in its scope, then it dies.
    const resource = new AsyncResource('HTTP2PING');
    const done = (...args) => {
      resource.runInAsyncScope(callback, null, ...args);
      resource.emitDestroy();
    };
    if (this._pings.length >= (this._options.maxOutstandingPings || 10)) {
      // Refused at once, as nghttp2 refuses it: the callback hears before ping() returns.
      done(err('ERR_HTTP2_PING_CANCEL'));
      return false;
    }
    let buf;
    if (payload === undefined) {
      buf = Buffer.alloc(8);
      buf.writeUInt32BE(++nextPingId >>> 0, 4);
      buf.writeUInt32BE(process.pid >>> 0, 0);
    } else {
      buf = Buffer.from(payload.buffer, payload.byteOffset, 8);
      buf = Buffer.from(buf);
    }
    const send = () => {
      this._pings.push({ payload: buf, cb: done, start: process.hrtime.bigint() });
      this._writeFrame(F.PING, 0, 0, buf);
    };
    if (this._connecting) this.once('connect', send);
    else send();
    return true;
  }

  goaway(code = E.NO_ERROR, lastStreamID = 0, opaqueData) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (opaqueData !== undefined && !ArrayBuffer.isView(opaqueData)) {
      throw err('ERR_INVALID_ARG_TYPE', 'opaqueData', ['Buffer', 'TypedArray', 'DataView'], opaqueData);
    }
    if (typeof code !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'code', 'number', code);
    if (typeof lastStreamID !== 'number') {
      throw err('ERR_INVALID_ARG_TYPE', 'lastStreamID', 'number', lastStreamID);
    }
    // Like nghttp2, 0 means "the last stream we processed".
    this._sendGoaway(code, lastStreamID || this._lastPeerStreamId, opaqueData);
  }

  setLocalWindowSize(windowSize) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (typeof windowSize !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'windowSize', 'number', windowSize);
    if (!Number.isInteger(windowSize) || windowSize < 0 || windowSize > MAX_WINDOW) {
      throw err('ERR_OUT_OF_RANGE', 'windowSize', `>= 0 && <= ${MAX_WINDOW}`, windowSize);
    }
    const delta = windowSize - this._localWindowSize;
    this._localWindowSize = windowSize;
    this._localWindowHigh = Math.max(this._localWindowHigh, windowSize);
    this._recvWindow += delta;
    if (delta > 0) this._windowUpdate(0, delta);
  }

  ref() {
    const s = this[kSocket];
    if (s && typeof s.ref === 'function') s.ref();
  }

  unref() {
    const s = this[kSocket];
    if (s && typeof s.unref === 'function') s.unref();
  }

  close(callback) {
    if (this._closed || this._destroyed) return;
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
      this.once('close', callback);
    }
    this._closed = true;
    if (!this._connecting) this._sendGoaway(E.NO_ERROR, this._lastPeerStreamId);
    this._maybeDestroy();
  }

  _maybeDestroy() {
    if (this._connecting && this._closed && !this._destroyed &&
        (this._pendingRequests === undefined || this._pendingRequests.length === 0)) {
      this.destroy();
      return;
    }
    if (this._closed && !this._destroyed && this._streams.size === 0 && !this._connecting) {
      process.nextTick(() => {
        if (this._streams.size === 0) this.destroy();
      });
    }
  }

  _removeStream(stream) {
    if (this._streams.get(stream.id) === stream) {
      this._streams.delete(stream.id);
      const duration = perfNow() - stream._perfStart;
      this._streamCount++;
      this._streamDurations += duration;
      if (observingHttp2()) {
        enqueueHttp2Entry('Http2Stream', stream._perfStart, {
          bytesRead: stream._bytesRead,
          bytesWritten: stream._bytesSent,
          id: stream.id,
          timeToFirstByte: stream._firstByteAt ? stream._firstByteAt - stream._perfStart : 0,
          timeToFirstByteSent: stream._firstByteSentAt ? stream._firstByteSentAt - stream._perfStart : 0,
          timeToFirstHeader: stream._firstHeaderAt ? stream._firstHeaderAt - stream._perfStart : 0,
        });
      }
    }
    this._sendable.delete(stream);
    const waiting = this._waitingForSlot;
    if (waiting && waiting.length && !this._destroyed) {
      process.nextTick(() => {
        if (waiting.length && !this._destroyed) waiting.shift()();
      });
      return;
    }
    this._maybeDestroy();
  }

  destroy(error = undefined, code) {
    if (this._destroyed) return;
    if (typeof error === 'number') {
      code = error;
      error = undefined;
    }
    if (code === undefined) code = error ? E.INTERNAL_ERROR : E.NO_ERROR;
    if (error === undefined && code !== E.NO_ERROR) error = sessionError(code);
    // What the streams wrote before the end leaves first (while the peer can still read it).
    if (this._flushScheduled && !this._peerGone) this._flush();
    this._destroyed = true;
    this._destroyCode = code;
    if (observingHttp2()) {
      enqueueHttp2Entry('Http2Session', this._perfStart, {
        bytesWritten: this._bytesWritten,
        bytesRead: this._bytesRead,
        framesReceived: this._framesReceived,
        framesSent: this._framesSent,
        maxConcurrentStreams: this._streams.max,
        pingRTT: this._pingRTT,
        streamAverageDuration: this._streamCount ? this._streamDurations / this._streamCount : 0,
        streamCount: this._streamCount,
        type: this._type === SESSION_SERVER ? 'server' : 'client',
      });
    }
    // Streams still open go with the session.
    const streamCode = this._peerGone ? E.CANCEL : code;
    // While the peer can still hear us, each stream still open gets its RST_STREAM (before the
    // GOAWAY), as from nghttp2 when the session ends without error: a peer reading a response
    // sees it end; after an error the GOAWAY alone tells why.
    const canTell = !this._connecting && !this._peerGone && code === E.NO_ERROR;
    for (const s of [...this._streams.values()]) {
      if (s._rstCode === undefined) s._rstCode = streamCode;
      if (canTell && !s._closedByProtocol && s._id !== undefined) this._sendRst(s._id, s._rstCode);
      s._closedByProtocol = true;
      s.destroy(error && code !== E.NO_ERROR ? error : undefined);
    }
    this._streams.clear();
    if (this._pendingRequests !== undefined) this._cancelPending(error);
    // Unacknowledged settings callbacks are dropped, as in Node (pendingSettingsAck stays).
    for (const p of this._pendingSettings) p.cb = null;
    for (const p of this._pings) process.nextTick(p.cb, err('ERR_HTTP2_PING_CANCEL'));
    this._pings = [];
    if (this._timer) clearTimeout(this._timer);
    const socket = this[kSocket];
    if (socket) {
      if (!this._connecting && !this._peerGone && !this._goawaySent) {
        this._sendGoaway(code, this._lastPeerStreamId);
      }
      socket.removeListener('data', this._onSocketData);
      if (!socket.destroyed) {
        // A flooding peer is cut off at once; others get to read our GOAWAY.
        if (this._socketFailed || code === E.ENHANCE_YOUR_CALM) {
          socket.destroy();
        } else {
          // Let the GOAWAY leave, and close only once the peer has too: closing a socket with
          // unread input makes the kernel answer with RST, losing what the peer has not read.
          socket.resume();
          socket.end();
          socket.once('finish', () => {
            if (socket.readableEnded || socket.destroyed) {
              socket.destroy();
              return;
            }
            const t = setTimeout(() => socket.destroy(), 200);
            t.unref();
            socket.once('end', () => {
              clearTimeout(t);
              socket.destroy();
            });
            socket.once('close', () => clearTimeout(t));
          });
        }
      }
    }
    process.nextTick(() => {
      if (error && !this._quietTermination) this.emit('error', error);
      this.emit('close');
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    const obj = {
      type: this._type,
      closed: this.closed,
      destroyed: this._destroyed,
      state: this.state,
      localSettings: this.localSettings,
      remoteSettings: this.remoteSettings,
    };
    return `Http2Session ${inspect(obj, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }
}

for (const name of Object.getOwnPropertyNames(SessionReader.prototype)) {
  if (name === 'constructor') continue;
  Object.defineProperty(Http2Session.prototype, name,
                        Object.getOwnPropertyDescriptor(SessionReader.prototype, name));
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(SESSION_SERVER, options, socket);
    this.server = server;
  }

  altsvc(alt, originOrStream) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (typeof alt !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'alt', 'string', alt);
    if (/[^\x21-\x7e ]/.test(alt)) throw err('ERR_INVALID_CHAR', 'alt');
    let id = 0;
    let origin = '';
    if (typeof originOrStream === 'number') {
      if (!Number.isInteger(originOrStream) || originOrStream < 1 || originOrStream > 2 ** 32 - 1) {
        throw err('ERR_OUT_OF_RANGE', 'originOrStream', `> 0 && < ${2 ** 32}`, originOrStream);
      }
      id = originOrStream;
    } else if (typeof originOrStream === 'string' || originOrStream instanceof URL ||
               (originOrStream !== null && typeof originOrStream === 'object' &&
                typeof originOrStream.origin === 'string')) {
      let text;
      if (typeof originOrStream === 'string') {
        try {
          text = new URL(originOrStream).origin;
        } catch {
          throw err('ERR_HTTP2_ALTSVC_INVALID_ORIGIN');
        }
      } else {
        text = originOrStream.origin;
      }
      origin = text;
      if (origin === 'null' || origin === '') throw err('ERR_HTTP2_ALTSVC_INVALID_ORIGIN');
    } else {
      throw err('ERR_INVALID_ARG_TYPE', 'originOrStream', ['number', 'string', 'URL', 'object'], originOrStream);
    }
    if (origin.length + alt.length > 16382) throw err('ERR_HTTP2_ALTSVC_LENGTH');
    const p = Buffer.alloc(2 + origin.length + alt.length);
    p.writeUInt16BE(origin.length);
    p.write(origin, 2, 'latin1');
    p.write(alt, 2 + origin.length, 'latin1');
    this._writeFrame(F.ALTSVC, 0, id, p);
  }

  origin(...origins) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    const list = [];
    for (const o of origins) {
      let s;
      if (typeof o === 'string') {
        s = new URL(o).origin; // a malformed URL throws ERR_INVALID_URL
      } else if (o && typeof o === 'object' && typeof o.origin === 'string') {
        s = o.origin;
      } else {
        throw err('ERR_INVALID_ARG_TYPE', 'origin', ['string', 'URL', 'object'], o);
      }
      if (s === 'null') throw err('ERR_HTTP2_INVALID_ORIGIN');
      list.push(s);
    }
    const total = list.reduce((n, s) => n + 2 + s.length, 0);
    if (total > 16382) throw err('ERR_HTTP2_ORIGIN_LENGTH');
    if (list.length === 0) return;
    const p = Buffer.alloc(total);
    let off = 0;
    for (const s of list) {
      p.writeUInt16BE(s.length, off);
      p.write(s, off + 2, 'latin1');
      off += 2 + s.length;
    }
    this._writeFrame(F.ORIGIN, 0, 0, p);
  }
}


function makeSocketProxy(session) {
  const forbidden = new Set(['destroy', 'emit', 'end', 'pause', 'read', 'resume', 'write',
                             'setEncoding', 'setKeepAlive', 'setNoDelay']);
  const own = new Set(['setTimeout', 'ref', 'unref']);
  const sock = () => {
    const s = session._destroyed ? undefined : session[kSocket];
    if (s === undefined) throw err('ERR_HTTP2_SOCKET_UNBOUND');
    return s;
  };
  return new Proxy(session, {
    get(_t, prop) {
      if (own.has(prop)) return session[prop].bind(session);
      if (forbidden.has(prop)) throw err('ERR_HTTP2_NO_SOCKET_MANIPULATION');
      const s = sock();
      const v = s[prop];
      return typeof v === 'function' ? v.bind(s) : v;
    },
    set(_t, prop, value) {
      if (own.has(prop) || forbidden.has(prop)) throw err('ERR_HTTP2_NO_SOCKET_MANIPULATION');
      sock()[prop] = value;
      return true;
    },
    has(_t, prop) {
      return prop in sock();
    },
    getPrototypeOf() {
      return Object.getPrototypeOf(sock());
    },
  });
}

module.exports = {
  Http2Session, ServerHttp2Session, Http2Stream, kSocket, F, E, makeSocketProxy,
  END_STREAM, END_HEADERS, SESSION_SERVER, SESSION_CLIENT, errorName, kSession,
};
