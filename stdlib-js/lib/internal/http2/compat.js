'use strict';
// The HTTP/1-style compatibility API over HTTP/2 streams: Http2ServerRequest (a Readable fed by
// the stream) and Http2ServerResponse (headers kept until the first write, then stream.respond).

const { Readable, Stream } = require('stream');
const { err, sensitiveHeaders } = require('internal/http2/util');
const { kSession } = require('internal/http2/stream');

const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
let statusMessageWarned = false;

function socketProxy(stream) {
  return new Proxy(stream, {
    get(target, prop) {
      switch (prop) {
        case 'on': case 'once': case 'end': case 'emit': case 'destroy':
          return typeof stream[prop] === 'function' ? stream[prop].bind(stream) : stream[prop];
        case 'writable': case 'destroyed':
          return stream[prop];
        case 'readable':
          return stream.destroyed ? false : stream.readable;
        case 'setTimeout': {
          const session = stream.session;
          if (session !== undefined) return session.setTimeout.bind(session);
          return stream.setTimeout.bind(stream);
        }
        case 'write': case 'read': case 'pause': case 'resume':
          throw err('ERR_HTTP2_NO_SOCKET_MANIPULATION');
        default: {
          const socket = stream.session && !stream.session.destroyed ? stream.session.socket : undefined;
          if (socket === undefined) return undefined;
          const v = socket[prop];
          return typeof v === 'function' ? v.bind(socket) : v;
        }
      }
    },
    getPrototypeOf() {
      const socket = stream.session && !stream.session.destroyed ? stream.session.socket : undefined;
      return socket !== undefined ? Object.getPrototypeOf(socket) : Object.getPrototypeOf(stream);
    },
    has(target, prop) {
      const socket = stream.session && !stream.session.destroyed ? stream.session.socket : undefined;
      return socket !== undefined ? prop in socket : prop in stream;
    },
    set(target, prop, value) {
      switch (prop) {
        case 'writable': case 'readable': case 'destroyed': case 'on': case 'once': case 'end':
        case 'emit': case 'destroy':
          stream[prop] = value;
          return true;
        case 'setTimeout': {
          const session = stream.session;
          if (session !== undefined) session.setTimeout = value;
          else stream.setTimeout = value;
          return true;
        }
        case 'write': case 'read': case 'pause': case 'resume':
          throw err('ERR_HTTP2_NO_SOCKET_MANIPULATION');
        default: {
          const socket = stream.session && !stream.session.destroyed ? stream.session.socket : undefined;
          if (socket === undefined) throw err('ERR_HTTP2_SOCKET_UNBOUND');
          socket[prop] = value;
          return true;
        }
      }
    },
  });
}

class Http2ServerRequest extends Readable {
  constructor(stream, headers, options, rawHeaders) {
    super({ autoDestroy: false, ...options });
    this._stream = stream;
    this._headers = headers;
    this._rawHeaders = rawHeaders;
    this._trailers = {};
    this._rawTrailers = [];
    this._aborted = false;
    this._closed = false;
    this._didRead = false;
    this._url = headers[':path'];
    stream.on('trailers', (h, flags, raw) => {
      this._trailers = h;
      this._rawTrailers = raw || [];
    });
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.on('end', () => {
      this.push(null);
    });
    stream.on('aborted', () => {
      if (this._aborted) return;
      this._aborted = true;
      this.emit('aborted');
    });
    stream.on('error', () => {});
    stream.on('close', () => {
      const unfinished = !this.readableEnded;
      this._closed = true;
      if (unfinished && !this._aborted && stream.rstCode !== 0) {
        this._aborted = true;
        this.emit('aborted');
      }
      this.emit('close');
    });
    stream.on('timeout', () => this.emit('timeout'));
    stream.pause();
  }

  get aborted() { return this._aborted; }
  get complete() {
    return this._aborted || this.readableEnded || this._closed || this._stream.destroyed;
  }
  get closed() { return this._closed; }
  get headers() { return this._headers; }
  get rawHeaders() { return this._rawHeaders; }
  get trailers() { return this._trailers; }
  get rawTrailers() { return this._rawTrailers; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }
  get httpVersion() { return '2.0'; }
  get socket() {
    const stream = this._stream;
    if (!stream) return undefined;
    return (this._socket ??= socketProxy(stream));
  }
  get connection() { return this.socket; }
  get stream() { return this._stream; }
  get method() { return this._headers[':method']; }
  set method(v) {
    if (typeof v !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'method', 'string', v);
    if (v.trim() === '') throw err('ERR_INVALID_ARG_VALUE', 'method', v);
    this._headers[':method'] = v;
  }
  get authority() { return this._headers[':authority'] ?? this._headers.host; }
  get scheme() { return this._headers[':scheme']; }
  get url() { return this._url; }
  set url(v) { this._url = v; }

  _read() {
    this._didRead = true;
    if (this._stream && !this._stream.destroyed) this._stream.resume();
  }

  setTimeout(msecs, callback) {
    if (!this._stream || this._stream.destroyed) return this;
    this._stream.setTimeout(msecs, callback);
    return this;
  }
}

function validateHeaderName(name) {
  if (typeof name !== 'string' || !tokenRe.test(name.trim())) throw err('ERR_INVALID_HTTP_TOKEN', 'Header name', name);
}

class Http2ServerResponse extends Stream {
  constructor(stream, options) {
    super(options);
    this._stream = stream;
    this._headers = { __proto__: null };
    this._names = { __proto__: null };
    this._trailers = { __proto__: null };
    this._statusCode = 200;
    this._closed = false;
    this._ended = false;
    this.sendDate = true;
    this.writable = true;
    this.req = undefined;
    stream.on('drain', () => this.emit('drain'));
    stream.on('aborted', () => {});
    stream.on('close', () => {
      this._closed = true;
      this.writable = false;
      this.emit('finish');
      this.emit('close');
    });
    stream.on('wantTrailers', () => {
      const t = this._trailers;
      stream.sendTrailers(t);
    });
    stream.on('timeout', () => this.emit('timeout'));
  }

  get _header() { return this.headersSent; }
  get writableEnded() { return this._ended; }
  cork() { this._stream.cork(); }
  uncork() { this._stream.uncork(); }
  get writableCorked() { return this._stream ? this._stream.writableCorked : 0; }
  get writableHighWaterMark() { return this._stream ? this._stream.writableHighWaterMark : 16384; }
  get writableFinished() { return this._stream ? this._stream.writableFinished : false; }
  get writableLength() { return this._stream ? this._stream.writableLength : 0; }
  get finished() { return this._ended; }
  get socket() {
    if (this._closed) return undefined;
    return (this._socket ??= socketProxy(this._stream));
  }
  get connection() { return this.socket; }
  get stream() { return this._stream; }
  get headersSent() { return this._stream.headersSent; }
  get statusCode() { return this._statusCode; }
  set statusCode(code) {
    code = Number(code) | 0;
    if (code >= 100 && code < 200) throw new (require('internal/errors').codes.ERR_HTTP2_INFO_STATUS_NOT_ALLOWED)();
    if (code < 100 || code > 599) throw err('ERR_HTTP2_STATUS_INVALID', code);
    this._statusCode = code;
  }
  get statusMessage() {
    warnStatusMessage();
    return '';
  }
  set statusMessage(msg) {
    warnStatusMessage();
  }

  setTrailer(name, value) {
    if (typeof name !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'name', 'string', name);
    validateHeaderName(name);
    name = name.trim().toLowerCase();
    if (value === undefined || value === null) throw err('ERR_HTTP2_INVALID_HEADER_VALUE', value, name);
    this._trailers[name] = value;
  }

  addTrailers(headers) {
    for (const k of Object.keys(headers)) this.setTrailer(k, headers[k]);
  }

  getHeader(name) {
    if (typeof name !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'name', 'string', name);
    return this._headers[name.trim().toLowerCase()];
  }

  getHeaderNames() {
    return Object.keys(this._headers);
  }

  getHeaders() {
    return Object.assign({ __proto__: null }, this._headers);
  }

  hasHeader(name) {
    if (typeof name !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'name', 'string', name);
    return this._headers[name.trim().toLowerCase()] !== undefined;
  }

  removeHeader(name) {
    if (typeof name !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'name', 'string', name);
    if (this._stream.headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
    name = name.trim().toLowerCase();
    if (name === 'date') {
      this.sendDate = false;
      return;
    }
    delete this._headers[name];
  }

  _checkHeader(name, value) {
    if (typeof name !== 'string') throw err('ERR_INVALID_ARG_TYPE', 'name', 'string', name);
    if (name.trim()[0] === ':') throw err('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED');
    validateHeaderName(name);
    name = name.trim().toLowerCase();
    if (value === undefined || value === null) throw err('ERR_HTTP2_INVALID_HEADER_VALUE', value, name);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (/[^\t\x20-\x7e\x80-\xff]/.test(String(v))) throw err('ERR_INVALID_CHAR', 'header content', name);
    }
    return name;
  }

  setHeader(name, value) {
    if (this._stream.headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
    name = this._checkHeader(name, value);
    if (name === 'connection') {
      // HTTP/1 code sets it out of habit; HTTP/2 forbids it, so it is dropped with a warning.
      process.emitWarning('The provided connection header is not valid, the value will be dropped ' +
                          'from the header and will never be in use.', 'UnsupportedWarning');
      return this;
    }
    this._headers[name] = value;
    return this;
  }

  appendHeader(name, value) {
    if (this._stream.headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
    name = this._checkHeader(name, value);
    const existing = this._headers[name];
    if (existing === undefined) this._headers[name] = value;
    else this._headers[name] = [].concat(existing, value);
    return this;
  }

  flushHeaders() {
    if (!this._closed && !this._stream.headersSent) this.writeHead(this._statusCode);
  }

  writeHead(statusCode, statusMessage, headers) {
    if (typeof statusMessage !== 'string') {
      headers = statusMessage;
    } else {
      warnStatusMessage();
    }
    const stream = this._stream;
    if (this._closed || stream.destroyed) return this;
    if (stream.headersSent) throw err('ERR_HTTP2_HEADERS_SENT');
    this.statusCode = statusCode;
    if (headers !== undefined && headers !== null) {
      if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) {
          for (const [k, v] of headers) this.appendHeader(k, v);
        } else {
          if (headers.length % 2 !== 0) throw err('ERR_INVALID_ARG_VALUE', 'headers', headers);
          for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
        }
      } else if (typeof headers === 'object') {
        for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
      }
    }
    this._respond();
    return this;
  }

  _respond() {
    const stream = this._stream;
    const headers = Object.assign({ __proto__: null }, this._headers);
    headers[':status'] = this._statusCode;
    if (this._headers[sensitiveHeaders]) headers[sensitiveHeaders] = this._headers[sensitiveHeaders];
    stream._sendDate = this.sendDate;
    const noBody = this._ended && !this._hasBody;
    const noTrailers = Object.keys(this._trailers).length === 0;
    stream.respond(headers, { endStream: noBody, waitForTrailers: !(noBody && noTrailers) });
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    const stream = this._stream;
    if (this._ended) {
      const e = err('ERR_STREAM_WRITE_AFTER_END');
      if (typeof cb === 'function') process.nextTick(cb, e);
      stream.destroy(e);
      return false;
    }
    if (this._closed) {
      if (typeof cb === 'function') process.nextTick(cb, err('ERR_HTTP2_INVALID_STREAM'));
      return false;
    }
    if (stream.destroyed) return false;
    if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
      throw err('ERR_INVALID_ARG_TYPE', 'first argument', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (!stream.headersSent) this.writeHead(this._statusCode);
    if (stream._headRequest || stream.writableEnded) {
      // HEAD (or a bodiless status): the body is dropped, as in HTTP/1.
      if (typeof cb === 'function') process.nextTick(cb);
      return false;
    }
    this._hasBody = true;
    return stream.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    const stream = this._stream;
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    if ((this._closed || this._ended) && !stream.writable) {
      if (typeof cb === 'function') process.nextTick(cb);
      return this;
    }
    if (this._ended) return this;
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    this._ended = true;
    this.writable = false;
    if (typeof cb === 'function') {
      if (stream.writableEnded) this.once('finish', cb);
      else stream.once('finish', cb);
    }
    if (!stream.headersSent) this.writeHead(this._statusCode);
    // A request body nobody asked for is drained, so the request still ends.
    const req = this.req;
    if (req && !req._didRead && req.readableFlowing === null) req.resume();
    if (this._closed) return this;
    if (!stream.writableEnded) stream.end();
    return this;
  }

  destroy(e) {
    if (this._closed) return;
    this._stream.destroy(e);
  }

  setTimeout(msecs, callback) {
    if (this._closed) return this;
    this._stream.setTimeout(msecs, callback);
    return this;
  }

  createPushResponse(headers, callback) {
    if (typeof callback !== 'function') throw err('ERR_INVALID_ARG_TYPE', 'callback', 'Function', callback);
    if (this._closed) {
      process.nextTick(callback, err('ERR_HTTP2_INVALID_STREAM'));
      return;
    }
    this._stream.pushStream(headers, {}, (e, stream, h) => {
      if (e) {
        callback(e);
        return;
      }
      callback(null, new Http2ServerResponse(stream));
    });
  }

  writeContinue() {
    if (this._stream.headersSent || this._closed) return false;
    this._stream.additionalHeaders({ ':status': 100 });
    return true;
  }

  writeEarlyHints(hints) {
    if (hints === null || typeof hints !== 'object' || Array.isArray(hints)) {
      throw err('ERR_INVALID_ARG_TYPE', 'hints', 'Object', hints);
    }
    const headers = { __proto__: null };
    for (const k of Object.keys(hints)) headers[k.trim().toLowerCase()] = hints[k];
    const link = headers.link;
    if (typeof link !== 'string' && !(Array.isArray(link) && link.every((l) => typeof l === 'string'))) {
      throw err('ERR_INVALID_ARG_VALUE', 'hints.link', link, 'must be a string or an array of strings');
    }
    if (Array.isArray(link) && link.length === 0) return false;
    if (link === '') return false;
    if (this._stream.headersSent || this._closed) return false;
    this._stream.additionalHeaders({ ...headers, ':status': 103 });
    return true;
  }
}

function warnStatusMessage() {
  if (statusMessageWarned) return;
  statusMessageWarned = true;
  process.emitWarning('Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)', 'UnsupportedWarning');
}

function onServerStream(server, stream, headers, flags, raw) {
  const opts = server._options || {};
  const Req = opts.Http2ServerRequest || Http2ServerRequest;
  const Res = opts.Http2ServerResponse || Http2ServerResponse;
  const req = new Req(stream, headers, undefined, raw);
  const res = new Res(stream);
  req._res = res;
  res.req = req;
  void kSession;
  if (headers[':method'] === 'CONNECT' && headers[':protocol'] === undefined &&
      (headers[':path'] !== undefined || headers[':scheme'] !== undefined)) {
    stream.close(1);
    return;
  }
  const expect = headers.expect;
  if (expect !== undefined) {
    if (/^100-continue$/i.test(expect)) {
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
        return;
      }
      res.writeContinue();
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
      return;
    } else {
      res.statusCode = 417;
      res.end();
      return;
    }
  }
  if (headers[':method'] === 'CONNECT') {
    // CONNECT goes to 'connect'; with nobody there it is refused, never a 'request'.
    if (!server.emit('connect', req, res)) {
      res.statusCode = 405;
      res.end();
    }
    return;
  }
  server.emit('request', req, res);
}

module.exports = { Http2ServerRequest, Http2ServerResponse, onServerStream };
