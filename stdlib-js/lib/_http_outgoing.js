'use strict';
// _http_outgoing: OutgoingMessage, the writing half both ServerResponse and ClientRequest
// extend. It keeps the headers, writes the head on the first write (adding Date, Connection,
// Content-Length or chunked framing as Node decides them), frames chunked bodies, and buffers
// output until it owns a socket (`socket._httpMessage === this`).

const Stream = require('stream');
const { deprecate } = require('util');
const { Buffer } = require('buffer');
const { validateString } = require('internal/errors');
const {
  checkIsHttpToken, checkInvalidHeaderChar, chunkExpression: RE_TE_CHUNKED,
} = require('_http_common');
const {
  codes: {
    ERR_HTTP_CONTENT_LENGTH_MISMATCH, ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID, ERR_HTTP_BODY_NOT_ALLOWED, ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_CHAR, ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_CANNOT_PIPE, ERR_STREAM_ALREADY_FINISHED, ERR_STREAM_WRITE_AFTER_END,
    ERR_STREAM_NULL_VALUES, ERR_STREAM_DESTROYED,
  },
  hideStackFrames,
} = require('internal/errors');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');
const kErrored = Symbol('errored');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('kBytesWritten');
const kHadError = Symbol('kHadError');
// The head _storeHeader made when it is known to be plain ASCII (else null): it then joins a
// UTF-8 body in one string without a scan for other characters.
const kAsciiHeader = Symbol('kAsciiHeader');

const crlf = '\r\n';
const nonAscii = /[^\x00-\x7f]/;
// A header value that is valid and plain ASCII (no test for anything else needed then).
const plainHeaderValue = /^[\t\x20-\x7e]*$/;
// A status or request line of plain ASCII.
const plainFirstLine = /^[\x20-\x7e]*\r\n$/;

let utcCache;
function utcDate() {
  if (!utcCache) {
    utcCache = new Date().toUTCString();
    setTimeout(() => { utcCache = undefined; }, 1000 - new Date().getMilliseconds()).unref();
  }
  return utcCache;
}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kAsciiHeader] = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  this[kHighWaterMark] = options && options.highWaterMark !== undefined ?
    options.highWaterMark : Stream.Writable.prototype.writableHighWaterMark || 16 * 1024;
  this[kRejectNonStandardBodyWrites] = options && options.rejectNonStandardBodyWrites !== undefined ?
    options.rejectNonStandardBodyWrites : false;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

Object.defineProperties(OutgoingMessage.prototype, {
  errored: { configurable: true, get() { return this[kErrored]; } },
  closed: { configurable: true, get() { return this._closed; } },
  writableFinished: {
    configurable: true,
    get() {
      return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
    },
  },
  writableObjectMode: { configurable: true, get() { return false; } },
  writableLength: {
    configurable: true,
    get() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); },
  },
  writableHighWaterMark: {
    configurable: true,
    get() { return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark]; },
  },
  writableCorked: {
    configurable: true,
    get() { return this.socket ? this.socket.writableCorked : this[kCorked]; },
  },
  writableEnded: { configurable: true, get() { return this.finished; } },
  writableNeedDrain: {
    configurable: true,
    get() { return !this.destroyed && !this.finished && this[kNeedDrain]; },
  },
  connection: {
    configurable: true,
    get() { return this.socket; },
    set(val) { this.socket = val; },
  },
  headersSent: { configurable: true, enumerable: true, get() { return !!this._header; } },
});

// _headers and _headerNames: the old header views, kept behind DEP0066 warnings.
const depMsg = (name) => `OutgoingMessage.prototype.${name} is deprecated`;
Object.defineProperties(OutgoingMessage.prototype, {
  _headers: {
    get: deprecate(function() { return this.getHeaders(); }, depMsg('_headers'), 'DEP0066'),
    set: deprecate(function(val) {
      if (val == null) {
        this[kOutHeaders] = null;
      } else if (typeof val === 'object') {
        const headers = this[kOutHeaders] = Object.create(null);
        for (const name of Object.keys(val)) headers[name.toLowerCase()] = [name, val[name]];
      }
    }, depMsg('_headers'), 'DEP0066'),
  },
  _headerNames: {
    get: deprecate(function() {
      const headers = this[kOutHeaders];
      if (headers === null) return null;
      const out = Object.create(null);
      for (const key of Object.keys(headers)) out[key] = headers[key][0];
      return out;
    }, depMsg('_headerNames'), 'DEP0066'),
    set: deprecate(function(val) {
      if (typeof val !== 'object' || val === null) return;
      const headers = this[kOutHeaders];
      if (!headers) return;
      for (const key of Object.keys(val)) {
        const entry = headers[key];
        if (entry) entry[0] = val[key];
      }
    }, depMsg('_headerNames'), 'DEP0066'),
  },
});

OutgoingMessage.prototype.cork = function() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked]) this[kCorked]--;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) { socket.setTimeout(msecs); });
  } else {
    this.socket.setTimeout(msecs);
  }
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', function socketDestroyOnConnect(socket) { socket.destroy(error); });
  return this;
};

// Write raw bytes, with the head in front of the first ones.
OutgoingMessage.prototype._send = function _send(data, encoding, callback, byteLength) {
  if (!this._headerSent && this._header !== null) {
    const header = this._header;
    // One write for head and first bytes when both encode alike: the head is Latin-1, so a
    // UTF-8 string joins it only while the head is plain ASCII.
    if (typeof data === 'string' && (encoding === 'latin1' ||
        ((encoding === 'utf8' || !encoding) && isAsciiHeader(this, header)))) {
      data = header + data;
    } else {
      this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback, size) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  const len = size !== undefined ? size : data.length;
  this.outputSize += len;
  this._onPendingData(len);
  return this.outputSize < this[kHighWaterMark];
};

function isAsciiHeader(msg, header) {
  return msg[kAsciiHeader] === header || !nonAscii.test(header);
}

OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers) {
  const state = {
    connection: false, contLen: false, te: false, date: false, expect: false, trailer: false,
    header: firstLine, ascii: plainFirstLine.test(firstLine),
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const entry of headers) processHeader(this, state, entry[0], entry[1], true);
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let n = 0; n < headers.length; n += 2) processHeader(this, state, headers[n], headers[n + 1], true);
      }
    } else {
      for (const key in headers) {
        if (Object.prototype.hasOwnProperty.call(headers, key)) processHeader(this, state, key, headers[key], true);
      }
    }
  }
  let { header } = state;

  if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + crlf;

  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }

  if (this._removedConnection) {
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close' + crlf;
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive' + crlf;
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        header += keepAliveLine(this._keepAliveTimeout, this._maxRequestsPerSocket);
      }
    } else {
      this._last = true;
      header += 'Connection: close' + crlf;
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      // Nothing to frame: HEAD, 204, 304.
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + crlf;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked' + crlf;
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }

  if (this.chunkedEncoding !== true && state.trailer) {
    throw new ERR_HTTP_TRAILER_INVALID();
  }

  this._header = header + crlf;
  this[kAsciiHeader] = state.ascii ? this._header : null;
  this._headerSent = false;
  if (state.expect) this._send('');
};

// The Keep-Alive line of the last timeout and request limit seen: a server sends the same one
// on every response, and it is not formatted again each time.
let keepAliveLineFor = { timeout: -1, max: -1, line: '' };
function keepAliveLine(timeout, maxRequests) {
  const cached = keepAliveLineFor;
  if (cached.timeout === timeout && cached.max === maxRequests) return cached.line;
  const timeoutSeconds = Math.floor(timeout / 1000);
  const max = maxRequests > 0 ? `, max=${maxRequests}` : '';
  const line = `Keep-Alive: timeout=${timeoutSeconds}${max}${crlf}`;
  keepAliveLineFor = { timeout, max: maxRequests, line };
  return line;
}

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] || !self[kUniqueHeaders].has(key.toLowerCase()))) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (!validate) {
    // Validated when it was set; whether it is ASCII is not known.
    state.ascii = false;
  } else if (typeof value === 'number') {
    // Its text is ASCII, and valid.
  } else if (typeof value !== 'string' || !plainHeaderValue.test(value)) {
    // Not a plain ASCII string: the full check, and the head may not be ASCII (a number or
    // an array's join is, but this is not the common case worth telling apart).
    validateHeaderValue(key, value);
    state.ascii = false;
  }
  state.header += key + ': ' + value + crlf;
  matchHeader(self, state, key, value);
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = field.toLowerCase();
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

const validateHeaderName = hideStackFrames((name, label) => {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
});

const validateHeaderValue = hideStackFrames((name, value) => {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
});

function parseUniqueHeadersOption(headers) {
  if (!Array.isArray(headers)) return null;
  const unique = new Set();
  for (const h of headers) unique.add(Array.isArray(h) ? h.join(', ').toLowerCase() : String(h).toLowerCase());
  return unique;
}

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = Object.create(null);
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  const cookies = [];
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      if (Array.isArray(value)) cookies.push(...value);
      else cookies.push(value);
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = name.toLowerCase();
  const headers = this[kOutHeaders];
  if (headers === null || !headers[field]) return this.setHeader(name, value);
  if (!Array.isArray(headers[field][1])) headers[field][1] = [headers[field][1]];
  const existing = headers[field][1];
  if (Array.isArray(value)) existing.push(...value);
  else existing.push(value);
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((e) => e[0]);
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = Object.create(null);
  if (headers) {
    for (const key of Object.keys(headers)) ret[key] = headers[key][1];
  }
  return ret;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  switch (key) {
    case 'connection': this._removedConnection = true; break;
    case 'content-length': this._removedContLen = true; break;
    case 'transfer-encoding': this._removedTE = true; break;
    case 'date': this.sendDate = false; break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = write_(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function onError(msg, err, callback) {
  if (msg[kHadError]) return;
  process.nextTick(emitErrorNt, msg, err, callback);
}

function emitErrorNt(msg, err, callback) {
  if (typeof callback === 'function') callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null && msg._hasBody &&
    !msg._removedContLen && !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}

function nop() {}

function write_(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  let len;
  if (msg.strictContentLength) {
    len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (strictContentLength(msg) && (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
      msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }
  let err;
  if (msg.finished) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }

  if (!msg._header) {
    if (fromEnd) {
      len = len !== undefined ? len :
        (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength);
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len = len !== undefined ? len :
      (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength);
    msg._send(len.toString(16), 'latin1', null);
    msg._send(crlf, null, null);
    msg._send(chunk, encoding, null, len);
    ret = msg._send(crlf, null, callback);
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function connectionCorkNT(conn) {
  conn.uncork();
}

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const isArray = Array.isArray(headers);
  const keys = isArray ? headers.map((h) => h[0]) : Object.keys(headers);
  for (let i = 0; i < keys.length; i++) {
    const field = keys[i];
    const value = isArray ? headers[i][1] : headers[field];
    validateHeaderName(field, 'Trailer name');
    if (Array.isArray(value) && value.length > 1 && (!this[kUniqueHeaders] ||
        !this[kUniqueHeaders].has(field.toLowerCase()))) {
      for (const v of value) {
        if (checkInvalidHeaderChar(v)) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += field + ': ' + v + crlf;
      }
    } else {
      const v = Array.isArray(value) ? value.join('; ') : value;
      if (checkInvalidHeaderChar(v)) throw new ERR_INVALID_CHAR('trailer content', field);
      this._trailer += field + ': ' + v + crlf;
    }
  }
};

function onFinish(outmsg) {
  if (outmsg[kHadError]) return;
  outmsg.emit('finish');
}

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
        typeof callback !== 'function' ? () => {} : callback);
      return this;
    }
    if (typeof chunk === 'string' && endInOneWrite(this, chunk, encoding, callback)) return this;
    if (this.socket) this.socket.cork();
    write_(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }

  if (typeof callback === 'function') this.once('finish', callback);

  if (strictContentLength(this) && this[kBytesWritten] !== this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten], this._contentLength);
  }

  const finish = onFinish.bind(undefined, this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }

  if (this.socket) {
    // Fully uncork the connection so the response goes out now.
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 1;
  this.uncork();

  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) {
    this._finish();
  }
  return this;
};

let NetSocket;
function lazyNetSocket() {
  NetSocket ??= require('net').Socket;
  return NetSocket;
}

// end(string) on a message that owns an idle socket: the head, the body (framed when chunked)
// and the last chunk go out as one string in one socket write, instead of five writes corked
// into a writev. What the slow path would observe stays: 'prefinish' now, 'finish' once the
// write is done. False (nothing done but the head) when the message is not in that state.
function endInOneWrite(msg, chunk, encoding, callback) {
  const socket = msg.socket;
  if (socket === null || socket._httpMessage !== msg || !socket.writable || msg.destroyed ||
      msg[kCorked] !== 0 || msg.outputData.length !== 0 || msg.strictContentLength) {
    return false;
  }
  // A socket of net's own writing: how a stand-in stream's writes are split is observable.
  const Socket = lazyNetSocket();
  if (!(socket instanceof Socket) || socket._write !== Socket.prototype._write ||
      socket._writev !== Socket.prototype._writev || socket.write !== Socket.prototype.write) {
    return false;
  }
  const ws = socket._writableState;
  if (ws === undefined || ws.length !== 0 || ws.corked !== 0) return false;
  if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'latin1') return false;
  if (!msg._header) {
    msg._contentLength = Buffer.byteLength(chunk, encoding);
    msg._implicitHeader();
  }
  if (msg._headerSent || !msg._hasBody || msg.outputData.length !== 0 ||
      socket._httpMessage !== msg || !socket.writable) {
    return false;
  }
  const header = msg._header;
  // The head is Latin-1: a UTF-8 body joins it only while the head is plain ASCII.
  if (encoding !== 'latin1' && !isAsciiHeader(msg, header)) return false;
  let data;
  if (msg.chunkedEncoding) {
    const len = Buffer.byteLength(chunk, encoding);
    data = header + len.toString(16) + crlf + chunk + crlf + '0\r\n' + msg._trailer + crlf;
  } else {
    data = header + chunk;
  }
  msg._headerSent = true;
  if (typeof callback === 'function') msg.once('finish', callback);
  msg.finished = true;
  socket.write(data, encoding, onFinish.bind(undefined, msg));
  msg._finish();
  return true;
}

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

// Move output buffered before we owned the socket into it.
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[Symbol.for('nodejs.rejection')] = function(err) {
  this.destroy(err);
};

module.exports = {
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
  parseUniqueHeadersOption,
  kUniqueHeaders,
  kNeedDrain,
  kOutHeaders,
  kHighWaterMark,
  kHadError,
};
