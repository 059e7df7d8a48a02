'use strict';
// ClientHttp2Session: request() opens streams (queued until the connection is up) and
// setNextStreamID().

const { Http2Session } = require('internal/http2/session');
const { ClientHttp2Stream } = require('internal/http2/stream');
const { err, makeError, mapToHeaders, sensitiveHeaders } = require('internal/http2/util');
const {
  F, END_STREAM, PRIORITY_FLAG, SESSION_CLIENT, MAX_WINDOW,
} = require('internal/http2/frames');

class ClientHttp2Session extends Http2Session {
  constructor(options, socket, authority) {
    super(SESSION_CLIENT, options, socket);
    this._authority = authority;
    if (this.encrypted) this.originSet = [`https://${authority.host}`];
    this._pendingRequests = [];
  }

  _flushPending() {
    const list = this._pendingRequests;
    this._pendingRequests = [];
    for (const fn of list) fn();
    this._maybeDestroy();
  }

  // Streams requested before the connection was up go down with the session.
  _cancelPending(error) {
    const list = this._pendingRequests.concat(this._waitingForSlot || []);
    this._waitingForSlot = [];
    this._pendingRequests = [];
    for (const fn of list) fn.cancel(error);
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
    if (headers[sensitiveHeaders]) {
      h[sensitiveHeaders] = headers[sensitiveHeaders];
    }
    const method = h[':method'] === undefined ? 'GET' : String(h[':method']);
    h[':method'] = method;
    const auth = this._authority;
    if (method === 'CONNECT' && h[':protocol'] === undefined) {
      if (h[':authority'] === undefined) throw err('ERR_HTTP2_CONNECT_AUTHORITY');
      if (h[':scheme'] !== undefined) throw err('ERR_HTTP2_CONNECT_SCHEME');
      if (h[':path'] !== undefined) throw err('ERR_HTTP2_CONNECT_PATH');
    } else {
      if (h[':authority'] === undefined && h.host === undefined) h[':authority'] = auth.host;
      if (h[':scheme'] === undefined) h[':scheme'] = auth.scheme;
      if (h[':path'] === undefined) h[':path'] = '/';
    }
    if (h[':protocol'] !== undefined && !this._remote.enableConnectProtocol) {
      throw err('ERR_HTTP2_INVALID_PSEUDOHEADER', ':protocol');
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
      // Past the peer's concurrency limit a request waits for a slot, as nghttp2 queues it.
      let own = 0;
      for (const id of this._streams.keys()) if (id % 2 === 1) own++;
      if (own >= this._remote.maxConcurrentStreams) {
        (this._waitingForSlot ??= []).push(open);
        return;
      }
      const id = this._nextStreamId;
      if (id > MAX_WINDOW) {
        stream.destroy(err('ERR_HTTP2_OUT_OF_STREAMS'));
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
    open.cancel = (cause) => {
      if (stream.destroyed) return;
      const message = 'The pending stream has been canceled' +
        (cause ? ` (caused by: ${cause.message})` : '');
      const e = makeError('ERR_HTTP2_STREAM_CANCEL', Error, message);
      if (cause) e.cause = cause;
      stream.destroy(e);
    };
    if (this._connecting) this._pendingRequests.push(open);
    else if (this._waitingForSlot && this._waitingForSlot.length) this._waitingForSlot.push(open);
    else if (this._receiving) (this._afterReceive ??= []).push(open);
    else open();
    return stream;
  }

  [Symbol.for('nodejs.rejection')](error, event, ...args) {
    if (event === 'stream') args[0].destroy(error);
    else this.destroy(error);
  }

  setNextStreamID(id) {
    if (this._destroyed) throw err('ERR_HTTP2_INVALID_SESSION');
    if (typeof id !== 'number') throw err('ERR_INVALID_ARG_TYPE', 'id', 'number', id);
    if (id <= 0 || id > 2 ** 32 - 1) throw err('ERR_OUT_OF_RANGE', 'id', '> 0 and <= 4294967295', id);
    this._nextStreamId = id;
  }
}

module.exports = { ClientHttp2Session };
