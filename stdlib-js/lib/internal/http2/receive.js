'use strict';
// The reading half of Http2Session: the frame parser and a handler per frame type. The
// methods are installed on Http2Session.prototype (see session.js).

const { HpackError } = require('internal/http2/hpack');
const {
  makeError, sessionError, toHeaderObject, checkReceivedHeaders, filterReceived, SETTING_IDS,
  perfNow,
} = require('internal/http2/util');
const { ServerHttp2Stream, ClientHttp2Stream } = require('internal/http2/stream');
const {
  PREFACE, F, END_STREAM, ACK, END_HEADERS, PADDED, PRIORITY_FLAG, E, SESSION_SERVER,
  SESSION_CLIENT, MAX_WINDOW,
} = require('internal/http2/frames');

class SessionReader {
  // ---- reading ----
  _receive(chunk) {
    if (this._destroyed) return;
    this._bytesRead += chunk.length;
    this._touch();
    this._inbuf = this._inbuf && this._inbuf.length ? Buffer.concat([this._inbuf, chunk]) : chunk;
    // A chunk that arrives while another is parsed (a frame handler wrote, and a peer in this
    // process answered at once) is parsed by the running loop, after the frames before it.
    if (this._receiving) return;
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
    // Requests made from event handlers while this chunk is parsed are opened after it, as
    // nghttp2 only sends once its input is consumed (a later frame may end the session).
    this._receiving = true;
    try {
      this._parseFrames();
    } finally {
      this._receiving = false;
    }
    const later = this._afterReceive;
    if (later && later.length) {
      this._afterReceive = [];
      for (const fn of later) {
        if (this._destroyed) fn.cancel();
        else fn();
      }
    }
  }

  _parseFrames() {
    while (!this._destroyed) {
      // Read afresh each time: a frame handler may have added input (see _receive).
      const buf = this._inbuf;
      if (buf === null || buf.length < 9) break;
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
      this._inbuf = buf.subarray(9 + len);
      this._framesReceived++;
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
        {
          const word = p.readUInt32BE(0);
          const parent = word & 0x7fffffff;
          const exclusive = (word & 0x80000000) !== 0;
          const weight = p[4] + 1;
          const stream = this._streams.get(id);
          if (stream) {
            stream._weight = weight;
            stream.emit('priority', id, parent, weight, exclusive);
          }
          this.emit('priority', id, parent, weight, exclusive);
        }
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
        if (id !== 0 && !this._streams.has(id)) return;
        const olen = p.readUInt16BE(0);
        const origin = p.toString('latin1', 2, 2 + olen);
        const value = p.toString('latin1', 2 + olen);
        // Connection-wide entries name an origin; stream entries must not (RFC 7838 section 4).
        if ((id === 0) === (origin === '')) return;
        this.emit('altsvc', value, origin, id);
        return;
      }
      case F.ORIGIN: {
        // ORIGIN means nothing on a cleartext connection (RFC 8336 section 2.1).
        if (this._type !== SESSION_CLIENT || id !== 0 || !this.encrypted) return;
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
    // An empty DATA frame that does not end the stream carries nothing: flood protection
    // counts it as invalid, as nghttp2 does.
    if (p.length === 0 && !(flags & END_STREAM)) {
      this._invalidFrame();
      if (this._destroyed) return;
    }
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
    if (stream._contentLength !== undefined) {
      stream._bodyReceived += data.length;
      if (stream._bodyReceived > stream._contentLength ||
          ((flags & END_STREAM) && stream._bodyReceived !== stream._contentLength)) {
        return this._streamError(id, E.PROTOCOL_ERROR);
      }
    }
    // Stream-level credit comes back as the reader consumes (stream._read), so a paused reader
    // stops the peer; a peer that ignores the window is refused.
    stream._recvWindow -= p.length;
    if (stream._recvWindow < 0) return this._streamError(id, E.FLOW_CONTROL_ERROR);
    stream._unacked += p.length;
    stream._bytesRead += data.length;
    if (stream._firstByteAt === 0 && data.length > 0) stream._firstByteAt = perfNow();
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
    // The header list limit we announced (RFC 9113 section 6.5.2): over it, the stream is
    // refused with ENHANCE_YOUR_CALM as nghttp2 does.
    let listSize = 0;
    for (const [n, v] of list) listSize += n.length + v.length + 32;
    const maxPairs = Math.max(this._options.maxHeaderListPairs ?? 128, this._type === SESSION_CLIENT ? 1 : 4);
    if (list.length > maxPairs || (this._type === SESSION_SERVER &&
        listSize > Math.min(this._local.maxHeaderListSize, this._announcedMaxHeaderList ?? Infinity))) {
      if (type === F.HEADERS && !this._streams.has(id) && id % 2 === 1 && id > this._lastPeerStreamId) {
        this._lastPeerStreamId = id;
      }
      const target = type === F.PUSH_PROMISE ? promised : id;
      return this._streamError(target, E.ENHANCE_YOUR_CALM);
    }
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
      // Pushes still waiting for their response are capped (maxReservedRemoteStreams).
      let reserved = 0;
      for (const s of this._streams.values()) if (s._isPush && !s._gotResponse) reserved++;
      if (reserved >= (this._options.maxReservedRemoteStreams ?? 200)) {
        this._sendRst(promised, E.CANCEL);
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
      const maxStreams = Math.min(this._local.maxConcurrentStreams, this._announcedMaxStreams ?? Infinity);
      if (this._streams.size >= maxStreams) {
        this._sendRst(id, E.REFUSED_STREAM);
        return;
      }
      if (checkReceivedHeaders(list, true, false) !== null) {
        this._sendRst(id, E.PROTOCOL_ERROR);
        return this._invalidFrame();
      }
      // content-length must match the body (RFC 9113 section 8.1.1); a request that ends
      // with its headers cannot announce one.
      let contentLength;
      for (const [n, v] of list) if (n === 'content-length') contentLength = Number(v);
      if (contentLength !== undefined && (!(contentLength >= 0) || (endStream && contentLength !== 0))) {
        this._sendRst(id, E.PROTOCOL_ERROR);
        return;
      }
      stream = new ServerHttp2Stream(this, id, {});
      stream._contentLength = contentLength;
      stream._bodyReceived = 0;
      if (this._lastWeight !== undefined) stream._weight = this._lastWeight;
      this._streams.set(id, stream);
      stream._firstHeaderAt = perfNow();
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
    if (stream._firstHeaderAt === 0) stream._firstHeaderAt = perfNow();
    const { headers, raw } = toHeaderObject(list);
    if (this._type === SESSION_CLIENT && !stream._gotResponse) {
      const status = headers[':status'];
      if (status >= 100 && status < 200) {
        if (status === 100) stream.emit('continue');
        stream.emit('headers', headers, flags, raw);
      } else {
        stream._gotResponse = true;
        if (endStream) stream._endAfterHeaders = true;
        if (status === 421 && this.originSet) {
          // Misdirected: this connection does not serve that origin after all.
          const auth = stream._sentHeaders && stream._sentHeaders[':authority'];
          if (auth) {
            const drop = `https://${auth}`;
            this.originSet = this.originSet.filter((o) => o !== drop && o !== new URL(drop).origin);
          }
        }
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
      this._localCopy = undefined;
      const settings = this.localSettings;
      if (pending.cb) {
        const duration = Number(process.hrtime.bigint() - pending.start) / 1e6;
        pending.cb(null, settings, duration);
      }
      this.emit('localSettings', settings);
      return;
    }
    if (p.length % 6 !== 0) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
    if (p.length / 6 > (this._options.maxSettings ?? 32)) {
      return this._connectionError(E.ENHANCE_YOUR_CALM, 'Too many settings');
    }
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
        case 8:
          // RFC 8441 section 3: once on, extended CONNECT cannot be turned off.
          if (v > 1 || (v === 0 && this._remote.enableConnectProtocol)) {
            // nghttp2 ends such a session with a GOAWAY but reports no session error:
            // only the streams learn of it.
            this._quietTermination = true;
            return this.destroy(undefined, E.PROTOCOL_ERROR);
          }
          this._remote.enableConnectProtocol = v === 1;
          break;
        default:
          break;
      }
    }
    this._writeFrame(F.SETTINGS, ACK, 0, null);
    this._remoteCopy = undefined;
    this.emit('remoteSettings', this.remoteSettings);
    this._flush();
  }

  _onPing(flags, id, p) {
    if (id !== 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
    if (p.length !== 8) return this._connectionError(E.FRAME_SIZE_ERROR, 'Frame size error');
    if (flags & ACK) {
      const i = this._pings.findIndex((x) => x.payload.equals(p));
      // An ACK for a ping we never sent is a protocol error (as nghttp2 treats it).
      if (i < 0) return this._connectionError(E.PROTOCOL_ERROR, 'Protocol error');
      const [ping] = this._pings.splice(i, 1);
      const duration = Number(process.hrtime.bigint() - ping.start) / 1e6;
      this._pingRTT = duration;
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
    // The peer is already going away: answering with a GOAWAY of our own would only echo it.
    if (code !== E.NO_ERROR) {
      this._goawaySent = true;
      this.destroy(sessionError(code), code);
    }
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
    // Counted like Node: the frame after the one that reaches the limit trips it.
    if (this._invalidFrames++ > this._maxInvalid) {
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
}

module.exports = { SessionReader };
