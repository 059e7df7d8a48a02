'use strict';
// _http_incoming: IncomingMessage - a request on the server, a response on the client. Its
// body is a Readable fed by the connection's parser; reading it is what resumes the socket.

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;

  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

function distinct(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (out[key] === undefined) out[key] = [raw[i + 1]];
    else out[key].push(raw[i + 1]);
  }
  return out;
}

Object.defineProperty(IncomingMessage.prototype, 'headers', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const src = this.rawHeaders;
      const dst = this[kHeaders];
      for (let n = 0; n < this[kHeadersCount]; n += 2) this._addHeaderLine(src[n], src[n + 1], dst);
    }
    return this[kHeaders];
  },
  set(val) { this[kHeaders] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'headersDistinct', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeadersDistinct]) this[kHeadersDistinct] = distinct(this.rawHeaders.slice(0, this[kHeadersCount]));
    return this[kHeadersDistinct];
  },
  set(val) { this[kHeadersDistinct] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'trailers', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kTrailers]) {
      this[kTrailers] = {};
      const src = this.rawTrailers;
      const dst = this[kTrailers];
      for (let n = 0; n < this[kTrailersCount]; n += 2) this._addHeaderLine(src[n], src[n + 1], dst);
    }
    return this[kTrailers];
  },
  set(val) { this[kTrailers] = val; },
});

Object.defineProperty(IncomingMessage.prototype, 'trailersDistinct', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kTrailersDistinct]) this[kTrailersDistinct] = distinct(this.rawTrailers.slice(0, this[kTrailersCount]));
    return this[kTrailersDistinct];
  },
  set(val) { this[kTrailersDistinct] = val; },
});

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The socket was paused when our buffer filled; reading drains it, so take more.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (headers && headers.length) {
    let dest;
    if (this.complete) {
      this.rawTrailers = headers;
      this[kTrailersCount] = n;
      dest = this[kTrailers];
    } else {
      this.rawHeaders = headers;
      this[kHeadersCount] = n;
      dest = this[kHeaders];
    }
    if (dest) {
      for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
    }
  }
};

// Header names whose duplicates are dropped (the first one wins), as Node's parser does.
const dropDuplicates = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = field.toLowerCase();
  if (field === 'set-cookie') {
    if (dest[field] !== undefined) dest[field].push(value);
    else dest[field] = [value];
  } else if (field === 'cookie') {
    if (dest[field] === undefined) dest[field] = value;
    else dest[field] += '; ' + value;
  } else if (dropDuplicates.has(field)) {
    // joinDuplicateHeaders keeps every value of these too (RFC 9110 section 5.2).
    if (dest[field] === undefined) dest[field] = value;
    else if (this.joinDuplicateHeaders) dest[field] += ', ' + value;
  } else if (dest[field] === undefined) {
    dest[field] = value;
  } else {
    dest[field] += ', ' + value;
  }
};

IncomingMessage.prototype._addHeaderLineDistinct = function(field, value, dest) {
  const key = field.toLowerCase();
  if (!dest[key]) dest[key] = [value];
  else dest[key].push(value);
};

// Consume and drop the body (a response nobody listens to, a request the handler ignored).
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

function onError(self, error, cb) {
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

// The parts of a parsed head (internal/http/parser's info) that requests and responses share:
// the version, and the header lines (at most maxHeadersCount of them, when that is set).
function applyHead(msg, info, joinDuplicateHeaders, maxHeadersCount) {
  msg.httpVersionMajor = info.versionMajor;
  msg.httpVersionMinor = info.versionMinor;
  // Almost every message is 1.1 or 1.0: their text is not made again each time.
  msg.httpVersion = info.versionMajor === 1 && (info.versionMinor === 1 || info.versionMinor === 0) ?
    (info.versionMinor === 1 ? '1.1' : '1.0') : `${info.versionMajor}.${info.versionMinor}`;
  msg.joinDuplicateHeaders = !!joinDuplicateHeaders;
  let n = info.rawHeaders.length;
  if (maxHeadersCount > 0) n = Math.min(n, maxHeadersCount * 2);
  msg._addHeaderLines(info.rawHeaders, n);
}

module.exports = { IncomingMessage, applyHead, readStart, readStop };
