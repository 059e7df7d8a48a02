'use strict';
// Http2Session (RFC 9113 connection): frame parsing and writing over a net/tls socket, SETTINGS,
// PING, GOAWAY, connection and stream flow control, and the ClientHttp2Session /
// ServerHttp2Session subclasses that create streams.

const EventEmitter = require('events');
const { Encoder, Decoder, HpackError } = require('internal/http2/hpack');
const {
  err, makeError, sessionError, errorName, mapToHeaders, toHeaderObject, checkReceivedHeaders,
  filterReceived,
  validateSettings, settingsEntries, defaultSettings, SETTING_IDS,
} = require('internal/http2/util');
const {
  Http2Stream, ServerHttp2Stream, ClientHttp2Stream, kSession,
} = require('internal/http2/stream');

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const F = {
  DATA: 0, HEADERS: 1, PRIORITY: 2, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6,
  GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9, ALTSVC: 10, ORIGIN: 12,
};
const END_STREAM = 1;
const ACK = 1;
const END_HEADERS = 4;
const PADDED = 8;
const PRIORITY_FLAG = 32;
const E = {
  NO_ERROR: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2, FLOW_CONTROL_ERROR: 3, STREAM_CLOSED: 5,
  FRAME_SIZE_ERROR: 6, REFUSED_STREAM: 7, CANCEL: 8, COMPRESSION_ERROR: 9,
  ENHANCE_YOUR_CALM: 11,
};
const SESSION_SERVER = 0;
const SESSION_CLIENT = 1;
const MAX_WINDOW = 2 ** 31 - 1;
const kSocket = Symbol('socket');
const kProxy = Symbol('proxy');

let nextPingId = 0;

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    this[kSocket] = socket;
    this._type = type;
    this._options = options || {};
    this._streams = new Map();
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
    this._maxInvalid = 1000;
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
      if (!this._destroyed) this.destroy(e);
    };
    this._onSocketTimeout = () => this.emit('timeout');
    socket.on('data', this._onSocketData);
    socket.on('close', this._onSocketClose);
    socket.on('error', this._onSocketError);
    socket.on('end', () => { if (!this._destroyed) this.destroy(); });
  }

  // Called once the transport can carry frames.
  _start() {
    if (this._destroyed) return;
    this._connecting = false;
    if (this._type === SESSION_CLIENT) this[kSocket].write(PREFACE);
    this._sendSettings(this._initialSettings, null);
    if (this._inbuf && this._inbuf.length) this._receive(Buffer.alloc(0));
    const lws = this._options.settings?.initialWindowSize;
    void lws;
    process.nextTick(() => {
      if (this._destroyed) return;
      this.emit('connect', this, this[kSocket]);
      if (this._type === SESSION_CLIENT) this._flushPending();
    });
  }

  get type() { return this._type; }
  get closed() { return this._closed; }
  get destroyed() { return this._destroyed; }
  get connecting() { return this._connecting; }
  get pendingSettingsAck() { return this._pendingSettings.length > 0; }
  get localSettings() { return this._destroyed ? {} : { ...this._local }; }
  get remoteSettings() { return this._destroyed ? {} : { ...this._remote }; }
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
    this._touch();
  }

  _sendHeaderBlock(type, flags, id, list, prefix) {
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
    const p = Buffer.alloc(4);
    p.writeUInt32BE(code >>> 0);
    this._writeFrame(F.RST_STREAM, 0, id, p);
  }

  _sendGoaway(code, lastStreamId, opaque) {
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
    this._flush();
  }

  // Sends queued DATA as far as the connection and stream windows allow.
  _flush() {
    if (this._destroyed || this._connecting) return;
    for (const stream of this._sendable) {
      const q = stream._outq;
      while (q.length > 0) {
        const e = q[0];
        if (e.trailers) {
          q.shift();
          this._sendHeaderBlock(F.HEADERS, END_STREAM, stream.id, e.trailers);
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
          this._writeFrame(F.DATA, last && e.end ? END_STREAM : 0, stream.id, buf.subarray(off, off + n), done);
          off += n;
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

  // ---- reading ----
  _receive(chunk) {
    if (this._destroyed) return;
    this._touch();
    this._inbuf = this._inbuf && this._inbuf.length ? Buffer.concat([this._inbuf, chunk]) : chunk;
    // Nothing may be answered before our own preface has gone out.
    if (this._connecting) return;
    if (this._needPreface) {
      const n = Math.min(this._inbuf.length, 24);
      if (!this._inbuf.subarray(0, n).equals(PREFACE.subarray(0, n))) {
        this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
        return;
      }
      if (this._inbuf.length < 24) return;
      this._inbuf = this._inbuf.subarray(24);
      this._needPreface = false;
    }
    let buf = this._inbuf;
    while (buf.length >= 9 && !this._destroyed) {
      const len = (buf[0] << 16) | (buf[1] << 8) | buf[2];
      if (len > this._local.maxFrameSize) {
        this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
        return;
      }
      if (buf.length < 9 + len) break;
      const type = buf[3];
      const flags = buf[4];
      const id = buf.readUInt32BE(5) & 0x7fffffff;
      const payload = buf.subarray(9, 9 + len);
      buf = buf.subarray(9 + len);
      this._inbuf = buf;
      try {
        this._onFrame(type, flags, id, payload);
      } catch (e) {
        if (e instanceof HpackError) this._connectionError(E.COMPRESSION_ERROR, 'Compression error');
        else throw e;
      }
    }
  }

  _onFrame(type, flags, id, p) {
    if (!this._remoteSeen && type !== F.SETTINGS) {
      this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      return;
    }
    if (this._continuation && type !== F.CONTINUATION) {
      this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      return;
    }
    switch (type) {
      case F.DATA: return this._onDataFrame(flags, id, p);
      case F.HEADERS: return this._onHeadersFrame(flags, id, p);
      case F.PRIORITY:
        if (id === 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
        if (p.length !== 5) return this._streamError(id, E.FRAME_SIZE_ERROR);
        return;
      case F.RST_STREAM: {
        if (id === 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
        if (p.length !== 4) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
        const stream = this._streams.get(id);
        if (stream) stream._onRst(p.readUInt32BE(0));
        return;
      }
      case F.SETTINGS: return this._onSettingsFrame(flags, id, p);
      case F.PUSH_PROMISE: return this._onPushPromise(flags, id, p);
      case F.PING: return this._onPing(flags, id, p);
      case F.GOAWAY: return this._onGoaway(id, p);
      case F.WINDOW_UPDATE: return this._onWindowUpdate(id, p);
      case F.CONTINUATION: {
        const c = this._continuation;
        if (!c || c.id !== id) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
        c.fragments.push(p);
        if (flags & END_HEADERS) {
          this._continuation = null;
          this._onHeaderBlock(c.type, c.flags, id, Buffer.concat(c.fragments), c.promised);
        }
        return;
      }
      case F.ALTSVC: {
        if (this._type !== SESSION_CLIENT || p.length < 2) return;
        const olen = p.readUInt16BE(0);
        const origin = p.toString('latin1', 2, 2 + olen);
        const value = p.toString('latin1', 2 + olen);
        this.emit('altsvc', value, origin, id);
        return;
      }
      case F.ORIGIN: {
        if (this._type !== SESSION_CLIENT || id !== 0) return;
        const origins = [];
        for (let off = 0; off + 2 <= p.length;) {
          const n = p.readUInt16BE(off);
          origins.push(p.toString('latin1', off + 2, off + 2 + n));
          off += 2 + n;
        }
        this.originSet ??= [];
        for (const o of origins) if (!this.originSet.includes(o)) this.originSet.push(o);
        this.emit('origin', origins);
        return;
      }
      default:
        return; // unknown frame types are ignored (RFC 9113 section 4.1)
    }
  }

  _stripPadding(flags, p, extra) {
    let start = 0;
    let end = p.length;
    if (flags & PADDED) {
      if (p.length < 1) return null;
      const pad = p[0];
      start = 1;
      end -= pad;
    }
    start += extra;
    if (end < start) return null;
    return p.subarray(start, end);
  }

  _onDataFrame(flags, id, p) {
    if (id === 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    const data = this._stripPadding(flags, p, 0);
    if (data === null) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    this._recvWindow -= p.length;
    if (this._recvWindow < 0) return this._connectionError(E.FLOW_CONTROL_ERROR, 'Flow control error');
    // Data is handed to the stream at once, so the window is given back at once.
    this._recvWindow += p.length;
    this._windowUpdate(0, p.length);
    const stream = this._streams.get(id);
    if (!stream || stream._endReceived) {
      if (id > this._highestStreamId()) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      this._sendRst(id, E.STREAM_CLOSED);
      return;
    }
    if (!(flags & END_STREAM)) this._windowUpdate(id, p.length);
    stream._onData(data);
    if (flags & END_STREAM) stream._onEndReceived();
  }

  _highestStreamId() {
    return Math.max(this._lastPeerStreamId, this._nextStreamId - 2);
  }

  _onHeadersFrame(flags, id, p) {
    if (id === 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    const frag = this._stripPadding(flags, p, flags & PRIORITY_FLAG ? 5 : 0);
    if (frag === null) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    let weight;
    if (flags & PRIORITY_FLAG) {
      const at = flags & PADDED ? 1 : 0;
      const dep = p.readUInt32BE(at) & 0x7fffffff;
      if (dep === id) return this._streamError(id, E.PROTOCOL_ERROR);
      weight = p[at + 4] + 1;
    }
    this._lastWeight = weight;
    if (!(flags & END_HEADERS)) {
      this._continuation = { type: F.HEADERS, flags, id, fragments: [frag] };
      return;
    }
    this._onHeaderBlock(F.HEADERS, flags, id, frag);
  }

  _onPushPromise(flags, id, p) {
    if (this._type !== SESSION_CLIENT || this._local.enablePush === false) {
      return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    }
    const rest = this._stripPadding(flags, p, 0);
    if (rest === null || rest.length < 4) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    const promised = rest.readUInt32BE(0) & 0x7fffffff;
    const frag = rest.subarray(4);
    if (!(flags & END_HEADERS)) {
      this._continuation = { type: F.PUSH_PROMISE, flags, id, fragments: [frag], promised };
      return;
    }
    this._onHeaderBlock(F.PUSH_PROMISE, flags, id, frag, promised);
  }

  _onHeaderBlock(type, flags, id, block, promised) {
    let list = this._decoder.decode(block);
    list = filterReceived(list);
    if (list === null) {
      const s = this._streams.get(id);
      if (s === undefined && id > this._lastPeerStreamId && id % 2 === 1) this._lastPeerStreamId = id;
      return this._streamError(type === F.PUSH_PROMISE ? promised : id, E.PROTOCOL_ERROR);
    }
    const endStream = (flags & END_STREAM) !== 0;
    if (type === F.PUSH_PROMISE) {
      const parent = this._streams.get(id);
      if (promised % 2 !== 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      this._lastPeerStreamId = Math.max(this._lastPeerStreamId, promised);
      if (this._closed) {
        this._sendRst(promised, E.REFUSED_STREAM);
        return;
      }
      const stream = new ClientHttp2Stream(this, promised, { readable: true, writable: false });
      stream._isPush = true;
      stream._endSent = true;
      stream.end();
      this._streams.set(promised, stream);
      const { headers, raw } = toHeaderObject(list);
      stream._requestHeaders = headers;
      if (parent) parent.emit('push', headers, flags);
      this.emit('stream', stream, headers, flags, raw);
      return;
    }
    let stream = this._streams.get(id);
    if (stream === undefined) {
      if (this._type === SESSION_CLIENT || id % 2 === 0 || id <= this._lastPeerStreamId) {
        if (id <= this._lastPeerStreamId) return this._sendRst(id, E.STREAM_CLOSED);
        return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      }
      this._lastPeerStreamId = id;
      if (this._closed) return this._sendRst(id, E.REFUSED_STREAM);
      if (this._streams.size >= this._local.maxConcurrentStreams) {
        this._sendRst(id, E.REFUSED_STREAM);
        return;
      }
      if (checkReceivedHeaders(list, true, false) !== null) {
        this._sendRst(id, E.PROTOCOL_ERROR);
        return this._invalidFrame();
      }
      stream = new ServerHttp2Stream(this, id, {});
      if (this._lastWeight !== undefined) stream._weight = this._lastWeight;
      this._streams.set(id, stream);
      const { headers, raw } = toHeaderObject(list);
      stream._requestHeaders = headers;
      stream._peerFlags = flags;
      if (headers[':method'] === 'HEAD') stream._headRequest = true;
      if (endStream) {
        stream._endReceived = true;
        stream.push(null);
        stream._endAfterHeaders = true;
      }
      this.emit('stream', stream, headers, flags, raw);
      if (endStream) stream._maybeClose();
      return;
    }
    if (stream._endReceived) return this._streamError(id, E.STREAM_CLOSED);
    const { headers, raw } = toHeaderObject(list);
    if (this._type === SESSION_CLIENT && !stream._gotResponse) {
      const status = headers[':status'];
      if (status >= 100 && status < 200) {
        stream.emit('headers', headers, flags, raw);
      } else {
        stream._gotResponse = true;
        if (endStream) stream._endAfterHeaders = true;
        stream.emit(stream._isPush ? 'push' : 'response', headers, flags, raw);
      }
    } else {
      stream.emit('trailers', headers, flags, raw);
    }
    if (endStream) stream._onEndReceived();
  }

  _onSettingsFrame(flags, id, p) {
    if (id !== 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    if (flags & ACK) {
      if (p.length !== 0) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
      const pending = this._pendingSettings.shift();
      if (!pending) {
        // An ACK nobody asked for.
        this._invalidFrame();
        return;
      }
      const s = pending.settings;
      for (const [name] of SETTING_IDS) if (s[name] !== undefined) this._local[name] = s[name];
      if (s.maxHeaderListSize !== undefined) this._local.maxHeaderSize = s.maxHeaderListSize;
      if (s.maxHeaderSize !== undefined) {
        this._local.maxHeaderSize = s.maxHeaderSize;
        this._local.maxHeaderListSize = s.maxHeaderSize;
      }
      if (s.headerTableSize !== undefined) this._decoder.setLimit(s.headerTableSize);
      const settings = this.localSettings;
      if (pending.cb) {
        const duration = Number(process.hrtime.bigint() - pending.start) / 1e6;
        pending.cb(null, settings, duration);
      }
      this.emit('localSettings', settings);
      return;
    }
    if (p.length % 6 !== 0) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
    this._remoteSeen = true;
    for (let off = 0; off < p.length; off += 6) {
      const sid = p.readUInt16BE(off);
      const v = p.readUInt32BE(off + 2);
      switch (sid) {
        case 1:
          this._remote.headerTableSize = v;
          this._encoder.setMaxTableSize(v);
          break;
        case 2:
          if (v > 1) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
          this._remote.enablePush = v === 1;
          break;
        case 3: this._remote.maxConcurrentStreams = v; break;
        case 4: {
          if (v > MAX_WINDOW) return this._connectionError(E.FLOW_CONTROL_ERROR, 'Flow control error');
          const delta = v - this._remote.initialWindowSize;
          this._remote.initialWindowSize = v;
          for (const s of this._streams.values()) s._sendWindow += delta;
          break;
        }
        case 5:
          if (v < 16384 || v > 16777215) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
          this._remote.maxFrameSize = v;
          break;
        case 6:
          this._remote.maxHeaderListSize = v;
          this._remote.maxHeaderSize = v;
          break;
        case 8: this._remote.enableConnectProtocol = v === 1; break;
        default:
          break;
      }
    }
    this._writeFrame(F.SETTINGS, ACK, 0, null);
    this.emit('remoteSettings', this.remoteSettings);
    this._flush();
  }

  _onPing(flags, id, p) {
    if (id !== 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    if (p.length !== 8) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
    if (flags & ACK) {
      const i = this._pings.findIndex((x) => x.payload.equals(p));
      if (i < 0) return this._invalidFrame();
      const [ping] = this._pings.splice(i, 1);
      const duration = Number(process.hrtime.bigint() - ping.start) / 1e6;
      if (ping.cb) ping.cb(null, duration, Buffer.from(p));
      return;
    }
    this._writeFrame(F.PING, ACK, 0, p);
    this.emit('ping', Buffer.from(p));
  }

  _onGoaway(id, p) {
    if (id !== 0 || p.length < 8) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    const last = p.readUInt32BE(0) & 0x7fffffff;
    const code = p.readUInt32BE(4);
    const opaque = Buffer.from(p.subarray(8));
    this._goawayReceived = true;
    this._goawayCode = code;
    this.emit('goaway', code, last, opaque);
    // Streams we opened above the peer's last processed id will never be answered.
    for (const s of [...this._streams.values()]) {
      if (s.id > last && (s.id % 2 === 1) === (this._type === SESSION_CLIENT)) {
        s._rstCode = E.REFUSED_STREAM;
        s._closedByProtocol = true;
        s.destroy(makeError('ERR_HTTP2_GOAWAY_SESSION', Error,
                            'New streams cannot be created after receiving a GOAWAY'));
      }
    }
    if (this._destroyed) return;
    if (code !== E.NO_ERROR) this.destroy(sessionError(code), code);
    else this.close();
  }

  _onWindowUpdate(id, p) {
    if (p.length !== 4) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
    const n = p.readUInt32BE(0) & 0x7fffffff;
    if (id === 0) {
      if (n === 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      this._sendWindow += n;
      if (this._sendWindow > MAX_WINDOW) return this._connectionError(E.FLOW_CONTROL_ERROR, 'Flow control error');
    } else {
      const s = this._streams.get(id);
      if (!s) return;
      if (n === 0) return this._streamError(id, E.PROTOCOL_ERROR);
      s._sendWindow += n;
      if (s._sendWindow > MAX_WINDOW) return this._streamError(id, E.FLOW_CONTROL_ERROR);
    }
    this._flush();
  }

  _invalidFrame() {
    if (++this._invalidFrames > this._maxInvalid) {
      this.destroy(makeError('ERR_HTTP2_TOO_MANY_INVALID_FRAMES', Error, 'Too many invalid HTTP/2 frames'),
                   E.ENHANCE_YOUR_CALM);
    }
  }

  _streamError(id, code) {
    this._sendRst(id, code);
    const s = this._streams.get(id);
    if (s) s._onRst(code);
  }

  _connectionError(code, message) {
    if (this._destroyed) return;
    const e = makeError('ERR_HTTP2_ERROR', Error, message);
    e.errno = -505;
    this.destroy(e, code);
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
    validateSettings(settings);
    if (callback !== undefined && typeof callback !== 'function') {
      throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    }
    if (this._pendingSettings.length >= (this._options.maxPendingAck || 10)) {
      throw err('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK');
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
    if (this._pings.length >= (this._options.maxOutstandingPings || 10)) return false;
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
      this._pings.push({ payload: buf, cb: callback, start: process.hrtime.bigint() });
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
    if (this._streams.get(stream.id) === stream) this._streams.delete(stream.id);
    this._sendable.delete(stream);
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
    this._destroyed = true;
    this._closed = true;
    this._destroyCode = code;
    // Streams still open go with the session.
    const streamCode = this._peerGone ? E.CANCEL : code;
    for (const s of [...this._streams.values()]) {
      if (s._rstCode === undefined) s._rstCode = streamCode;
      s._closedByProtocol = true;
      s.destroy(error && code !== E.NO_ERROR ? error : undefined);
    }
    this._streams.clear();
    for (const p of this._pendingSettings) {
      if (p.cb) process.nextTick(p.cb, err('ERR_HTTP2_SETTINGS_CANCEL'));
    }
    this._pendingSettings = [];
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
        if (error && !(error.code === 'ERR_HTTP2_ERROR' || error.code === 'ERR_HTTP2_SESSION_ERROR')) {
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
            const t = setTimeout(() => socket.destroy(), 1000);
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
      if (error) this.emit('error', error);
      this.emit('close');
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `${this.constructor.name} { type: ${this._type}, closed: ${this._closed}, destroyed: ${this._destroyed} }`;
  }
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(SESSION_SERVER, options, socket);
    this.server = server;
  }

  altsvc(alt, originOrStream) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    let id = 0;
    let origin = '';
    if (typeof originOrStream === 'number') {
      if (!Number.isInteger(originOrStream) || originOrStream < 1 || originOrStream > MAX_WINDOW) {
        throw err('ERR_OUT_OF_RANGE', 'originOrStream', `> 0 && < ${2 ** 31}`, originOrStream);
      }
      id = originOrStream;
    } else if (typeof originOrStream === 'string' || (originOrStream && typeof originOrStream === 'object')) {
      let u;
      try {
        u = new URL(typeof originOrStream === 'string' ? originOrStream : (originOrStream.origin ?? ''));
      } catch {
        throw err('ERR_HTTP2_ALTSVC_INVALID_ORIGIN');
      }
      origin = u.origin;
      if (origin === 'null') throw err('ERR_HTTP2_ALTSVC_INVALID_ORIGIN');
    } else {
      throw err('ERR_INVALID_ARG_TYPE', 'originOrStream', ['number', 'string', 'URL', 'object'], originOrStream);
    }
    if (typeof alt !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'alt', 'string', alt);
    if (/[^\x21-\x7e ]/.test(alt)) throw err('ERR_INVALID_CHAR', 'alt');
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
        try { s = new URL(o).origin; } catch { throw err('ERR_HTTP2_INVALID_ORIGIN'); }
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

class ClientHttp2Session extends Http2Session {
  constructor(options, socket, authority) {
    super(SESSION_CLIENT, options, socket);
    this._authority = authority;
    this._pendingRequests = [];
  }

  _flushPending() {
    const list = this._pendingRequests;
    this._pendingRequests = [];
    for (const fn of list) fn();
  }

  request(headers, options) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (this._closed) throw err('ERR_HTTP2_GOAWAY_SESSION');
    if (headers === undefined || headers === null) headers = {};
    else if (typeof headers !== 'object' || Array.isArray(headers)) {
      throw err('ERR_INVALID_ARG_TYPE', 'headers', 'Object', headers);
    }
    options = options === undefined ? {} : options;
    if (options === null || typeof options !== 'object') {
      throw err('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    for (const k of ['endStream', 'exclusive', 'silent']) {
      if (options[k] !== undefined && typeof options[k] !== 'boolean') {
        throw err('ERR_INVALID_ARG_TYPE', `options.${k}`, 'boolean', options[k]);
      }
    }
    if (options.waitForTrailers !== undefined && typeof options.waitForTrailers !== 'boolean') {
      throw err('ERR_INVALID_ARG_VALUE', 'options.waitForTrailers', options.waitForTrailers);
    }
    for (const k of ['parent', 'weight']) {
      if (options[k] !== undefined && typeof options[k] !== 'number') {
        throw err('ERR_INVALID_ARG_TYPE', `options.${k}`, 'number', options[k]);
      }
    }
    const h = { ...headers };
    if (headers[require('internal/http2/util').sensitiveHeaders]) {
      h[require('internal/http2/util').sensitiveHeaders] = headers[require('internal/http2/util').sensitiveHeaders];
    }
    const method = h[':method'] === undefined ? 'GET' : String(h[':method']);
    h[':method'] = method;
    const auth = this._authority;
    if (method === 'CONNECT') {
      if (h[':protocol'] === undefined) {
        if (h[':authority'] === undefined) throw err('ERR_HTTP2_CONNECT_AUTHORITY');
        if (h[':scheme'] !== undefined) throw err('ERR_HTTP2_CONNECT_SCHEME');
        if (h[':path'] !== undefined) throw err('ERR_HTTP2_CONNECT_PATH');
      }
    } else {
      if (h[':authority'] === undefined && h.host === undefined) h[':authority'] = auth.host;
      if (h[':scheme'] === undefined) h[':scheme'] = auth.scheme;
      if (h[':path'] === undefined) h[':path'] = '/';
    }
    if (h[':protocol'] !== undefined && !this._remote.enableConnectProtocol) {
      throw err('ERR_HTTP2_CONNECT_PROTOCOL_NOT_ALLOWED' in require('internal/errors').codes ?
        'ERR_HTTP2_CONNECT_PROTOCOL_NOT_ALLOWED' : 'ERR_HTTP2_INVALID_PSEUDOHEADER', ':protocol');
    }
    let list;
    try {
      list = mapToHeaders(h);
    } catch (e) {
      // Node tears the session down as well as throwing.
      if (e.code === 'ERR_INVALID_HTTP_TOKEN') this.destroy(e);
      throw e;
    }
    let endStream = options.endStream;
    if (endStream === undefined) {
      endStream = method === 'GET' || method === 'HEAD' || method === 'DELETE' ||
                  method === 'OPTIONS' || method === 'TRACE' || method === 'CONNECT';
      if (method === 'CONNECT') endStream = false;
    }
    const stream = new ClientHttp2Stream(this, undefined, {});
    stream._sentHeaders = h;
    stream._waitForTrailers = options.waitForTrailers === true;
    if (endStream) stream.end();
    const open = () => {
      if (stream.destroyed) return;
      if (this._destroyed || this._closed) {
        stream.destroy(err('ERR_HTTP2_GOAWAY_SESSION'));
        return;
      }
      const id = this._nextStreamId;
      if (id > MAX_WINDOW) {
        stream.destroy(err('ERR_HTTP2_OUT_OF_STREAMS'));
        this.destroy();
        return;
      }
      this._nextStreamId += 2;
      stream._open(id);
      this._streams.set(id, stream);
      const end = endStream && !stream._waitForTrailers;
      let prefix;
      if (options.weight !== undefined || options.parent !== undefined || options.exclusive !== undefined) {
        // Priority rides on the HEADERS frame: dependency (E bit on top) and weight - 1.
        const w = Math.min(256, Math.max(1, options.weight ?? 16));
        prefix = Buffer.alloc(5);
        prefix.writeUInt32BE(((options.parent || 0) | (options.exclusive ? 0x80000000 : 0)) >>> 0);
        prefix[4] = w - 1;
        stream._weight = w;
      }
      this._sendHeaderBlock(F.HEADERS, (end ? END_STREAM : 0) | (prefix ? PRIORITY_FLAG : 0), id, list, prefix);
      stream._headersSent = true;
      if (end) stream._onEndSent();
      stream.emit('ready');
      this._flush();
      stream._flushPending();
    };
    if (options.signal !== undefined) {
      const signal = options.signal;
      if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
        throw err('ERR_INVALID_ARG_TYPE', 'options.signal', 'AbortSignal', signal);
      }
      const { AbortError } = require('internal/errors');
      const abort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      if (signal.aborted) process.nextTick(abort);
      else {
        signal.addEventListener('abort', abort, { once: true });
        stream.once('close', () => signal.removeEventListener('abort', abort));
      }
    }
    if (this._connecting) this._pendingRequests.push(open);
    else open();
    return stream;
  }

  setNextStreamID(id) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (typeof id !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'id', 'number', id);
    if (id <= 0 || id > 2 ** 32 - 1) throw err('ERR_OUT_OF_RANGE', 'id', '> 0 and <= 4294967295', id);
    this._nextStreamId = id;
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
  Http2Session, ServerHttp2Session, ClientHttp2Session, Http2Stream, kSocket, F, E,
  END_STREAM, END_HEADERS, SESSION_SERVER, SESSION_CLIENT, errorName, kSession,
};
