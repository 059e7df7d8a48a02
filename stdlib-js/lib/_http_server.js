'use strict';
// _http_server: http.Server and ServerResponse. Each connection gets a request parser
// (internal/http/parser); requests are answered in order (pipelined responses wait for the one
// before them), kept alive per HTTP/1.0 and 1.1 rules, and malformed input gets Node's canned
// 400/408/413/431 answers before the connection closes.

const net = require('net');
const { Buffer } = require('buffer');
// Node's binding-style HTTPParser is _http_common's; the server drives Eddy's parser directly.
const { HTTPParser } = require('internal/http/parser');
const { REQUEST, STATUS_CODES, continueExpression, chunkExpression,
  checkInvalidHeaderChar, isLenient } = require('_http_common');
const { OutgoingMessage, kOutHeaders, kNeedDrain, parseUniqueHeadersOption, kUniqueHeaders } =
  require('_http_outgoing');
const { IncomingMessage, applyHead } = require('_http_incoming');
const { NetHandle } = require('internal/net_handle');
const { kBytesRead } = require('internal/net');
const asyncContext = require('internal/async_context');
const dc = require('diagnostics_channel');

// Node's built-in http server channels; each is published only when someone listens.
const onRequestStartChannel = dc.channel('http.server.request.start');
const onResponseFinishChannel = dc.channel('http.server.response.finish');

const netNative = binding.net;
// The tick queue's shared flags (see internal/process/task_queues).
const { tickInfo } = binding.runtime;
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;
const { processTicksAndRejections } = require('internal/process/task_queues');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_STATUS_CODE, ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED, ERR_HTTP_SOCKET_ENCODING, ERR_INVALID_ARG_VALUE, ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
  validateInteger, validateBoolean, validateObject,
} = require('internal/errors');

const kServerResponse = Symbol('ServerResponse');
const kIncomingMessage = Symbol('IncomingMessage');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');
const kState = Symbol('http.server.connectionState');

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const requestChunkExtensionsTooLargeResponse =
  'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';

// ===== ServerResponse =====

const { startPerf, stopPerf } = require('internal/perf/utils');
const kPerfStart = Symbol('kPerfStart');

// node.http trace events: a request from when it is sent (served) to its response (finish).
const kTraceId = Symbol('kTraceId');
const { state: traceState, traceEvents } = require('internal/trace_events_state');

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
  this.statusCode = 200;
  this.statusMessage = undefined;
  // An 'http' performance entry (HttpRequest) times the response, as in Node.
  this[kPerfStart] = startPerf('http');
  if (traceState.http) this[kTraceId] = traceEvents().traceBegin('http.server.request');
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

function onServerResponseClose() {
  if (this._httpMessage) emitCloseNT(this._httpMessage);
}

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

// One Link value: `<uri>` then `; param` or `; param=value` / `; param="value"` pairs.
const linkValueRegExp = /^<[^>]*>(?:\s*;\s*[^;"\s]+(?:=(?:"[^;"\s]*"|[^;"\s]*))?)*$/;
const linkFormatHint = 'must be an array or string of format "</styles.css>; rel=preload; as=style"';

function linkHeaderValue(link) {
  const check = (v) => {
    if (typeof v !== 'string' || !linkValueRegExp.test(v)) {
      throw new ERR_INVALID_ARG_VALUE('hints', v, linkFormatHint);
    }
  };
  if (typeof link === 'string') {
    check(link);
    return link;
  }
  if (Array.isArray(link)) {
    for (const v of link) check(v);
    return link.join(', ');
  }
  throw new ERR_INVALID_ARG_VALUE('hints', link, linkFormatHint);
}

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = linkHeaderValue(hints.link);
  // No links, no 103.
  if (link.length === 0) return;
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  head += 'Link: ' + link + '\r\n';
  for (const key of Object.keys(hints)) {
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

// The status line of the last status sent (almost always the same one): not formatted again.
let lastStatusLine = { code: 0, message: '', line: '' };
function statusLineOf(code, message) {
  const last = lastStatusLine;
  if (last.code === code && last.message === message) return last.line;
  const line = `HTTP/1.1 ${code} ${message}\r\n`;
  // Only a string message is kept: another value's text may change between calls.
  if (typeof message === 'string') lastStatusLine = { code, message, line };
  return line;
}

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);

  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    if (Array.isArray(obj)) {
      // These replace headers set before, yet may repeat among themselves: drop the old ones
      // first, then append.
      if (obj.length && Array.isArray(obj[0])) {
        for (const [k] of obj) if (k) this.removeHeader(k);
        for (const [k, v] of obj) if (k) this.appendHeader(k, v);
      } else {
        if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
        for (let n = 0; n < obj.length; n += 2) if (obj[n]) this.removeHeader(obj[n]);
        for (let n = 0; n < obj.length; n += 2) if (obj[n]) this.appendHeader(obj[n], obj[n + 1]);
      }
    } else if (obj) {
      for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) throw new ERR_INVALID_CHAR('statusMessage');

  const statusLine = statusLineOf(statusCode, this.statusMessage);
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// ===== Server =====

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;
  const { maxHeaderSize } = options;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;
  const { insecureHTTPParser } = options;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;
  const { requestTimeout = 300_000 } = options;
  validateInteger(requestTimeout, 'requestTimeout', 0);
  this.requestTimeout = requestTimeout;
  const { headersTimeout = Math.min(60_000, requestTimeout) } = options;
  validateInteger(headersTimeout, 'headersTimeout', 0);
  this.headersTimeout = headersTimeout;
  // The head is part of the request, so its deadline cannot be the later one.
  if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }
  const { keepAliveTimeout = 5_000 } = options;
  validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
  this.keepAliveTimeout = keepAliveTimeout;
  const { connectionsCheckingInterval = 30_000 } = options;
  validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
  this.connectionsCheckingInterval = connectionsCheckingInterval;
  const { requireHostHeader = true } = options;
  validateBoolean(requireHostHeader, 'options.requireHostHeader');
  this.requireHostHeader = requireHostHeader;
  const { joinDuplicateHeaders } = options;
  if (joinDuplicateHeaders !== undefined) validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = joinDuplicateHeaders;
  const { rejectNonStandardBodyWrites = false } = options;
  validateBoolean(rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites');
  this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  // Node's http server ends the socket itself once the last response is out.
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype[Symbol.asyncDispose] = async function() {
  if (!this.listening) return;
  await new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype.close = function close(...args) {
  httpServerPreClose(this);
  return net.Server.prototype.close.apply(this, args);
};

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const socket of this[kConnections]) socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (state && state.incoming.length === 0 && !socket._httpMessage &&
        !(socket.parser && socket.parser.inMessage)) {
      socket.destroy();
    }
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, ...args) {
  switch (event) {
    case 'request': {
      const { 1: res } = args;
      if (!res.headersSent && !res.writableEnded) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.end(STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      net.Server.prototype[Symbol.for('nodejs.rejection')].apply(this, [err, event, ...args]);
  }
};

function setupConnectionsTracking() {
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  if (this.connectionsCheckingInterval > 0 && (this.headersTimeout > 0 || this.requestTimeout > 0)) {
    this[kConnectionsCheckingInterval] =
      setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
  }
}

// Close connections whose current request is slower than headersTimeout / requestTimeout.
function checkConnections() {
  const now = Date.now();
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (!state || !state.parsing) continue;
    const elapsed = now - state.messageStart;
    if ((this.headersTimeout > 0 && !state.headersDone && elapsed > this.headersTimeout) ||
        (this.requestTimeout > 0 && elapsed > this.requestTimeout)) {
      state.parsing = false;
      socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  socket.server = server;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);

  const state = {
    incoming: [],
    outgoing: [],
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    // The head/request deadlines run from the connection's start, then from each message's
    // first byte (as Node's connection list does).
    parsing: true,
    headersDone: false,
    messageStart: Date.now(),
    currentReq: null,
    // The parser paused after a body chunk and goes on after the tick queue (parseAfterDrain).
    drainScheduled: false,
    endPending: false,
    // Plain requests come through binding.net's fast path (internal/http/server_fast).
    fast: false,
  };
  // How many bytes this connection's responses hold before they own the socket.
  state.onPendingData = (delta) => { state.outgoingData += delta; };
  socket[kState] = state;
  server[kConnections].add(socket);

  const parser = new HTTPParser(REQUEST, {
    onMessageBegin() {
      state.parsing = true;
      state.headersDone = false;
      state.messageStart = Date.now();
    },
    onHeaders(info) { return parserOnHeaders(server, socket, state, parser, info); },
    onBody(chunk) {
      const req = state.currentReq;
      if (req === null || req.destroyed) return;
      // Node drains the tick and microtask queues after each body chunk it hands over: what
      // the handler started (the response's 'finish' and 'close') happens before the rest of
      // the body and the request's end. The parser stops here and goes on after that drain.
      parser.paused = true;
      if (req._dumped) return;
      if (!req.push(chunk)) socket.pause();
    },
    onComplete(trailers) {
      state.parsing = false;
      const req = state.currentReq;
      state.currentReq = null;
      if (req === null) return;
      req.complete = true;
      if (trailers.length) req._addHeaderLines(trailers, trailers.length);
      req.push(null);
    },
  }, {
    maxHeaderSize: server.maxHeaderSize || require('http').maxHeaderSize,
    lenient: server.insecureHTTPParser === undefined ? isLenient() : !!server.insecureHTTPParser,
  });
  parser.initAsyncResource('HTTPINCOMINGMESSAGE', { type: 'HTTPINCOMINGMESSAGE', socket });
  socket.parser = parser;

  // Kept so an upgrade can take exactly these off again (net's own listeners stay).
  state.listeners = {
    data: (d) => socketOnData(server, socket, parser, state, d),
    end: () => socketOnEnd(server, socket, parser, state),
    close: () => socketOnClose(server, socket, parser, state),
    drain: () => socketOnDrain(socket, state),
  };
  for (const name of Object.keys(state.listeners)) socket.on(name, state.listeners[name]);
  socket.on('error', socketOnError);
  socket._paused = false;
  // An HTTP connection carries bytes, never text (RFC 7230 section 3).
  socket.setEncoding = socketSetEncoding;
  fastPathStart(socket, parser, state);
}

// ===== the read fast path =====
// binding.net's HTTP read fast path (bindings/src/net_http_fast.rs): while a connection's
// parser is idle, a read holding exactly one plain request head (no body, no upgrade, no
// Expect) comes here already split (method, url, version, raw header lines, where Host is,
// keep-alive) and goes through the parser owner's callbacks exactly as the parser would call
// them; no Buffer, 'data' event or parser run is made for it. Everything else arrives as
// ordinary 'data'. As Node's consume path, it stops for good when user code listens to the
// socket's 'data' or 'readable' itself, so such code sees every byte.

const noTrailers = Object.freeze([]);
const fastWrapped = ['on', 'addListener', 'prependListener'];

/** Route this connection's plain requests past the socket stream, when it can be done. */
function fastPathStart(socket, parser, state) {
  const handle = socket._handle;
  // TLS plaintext, JS stream handles and sockets whose events run in an async context frame
  // keep the ordinary path; so do sockets with unread bytes or someone else reading them.
  if (!(handle instanceof NetHandle) || handle.token === null || handle.closed || socket.encrypted ||
      typeof socket._unrefTimerActivity !== 'function' || asyncContext.capture() !== undefined ||
      socket.readableLength !== 0 || socket.listenerCount('data') !== 1 ||
      socket.listenerCount('readable') !== 0) {
    return;
  }
  state.fast = true;
  netNative.httpFastStart(handle.token, (consumed, method, url, minor, rawHeaders, hostAt, keepAlive) => {
    fastRequest(socket, parser, consumed, method, url, minor, rawHeaders, hostAt, keepAlive);
    // What the runtime does after this callback returns (a throw skips it, as there), done
    // here instead: one call into JS per request instead of two.
    if (tickInfo[kHasTickScheduled] !== 0 || tickInfo[kHasRejectionToWarn] !== 0) {
      processTicksAndRejections();
    }
  }, parser.maxHeaderSize);
  for (const name of fastWrapped) {
    const original = socket[name];
    socket[name] = function(event, listener) {
      if ((event === 'data' || event === 'readable') && state.fast) fastPathStop(socket, state);
      return original.call(this, event, listener);
    };
  }
}

function fastPathStop(socket, state) {
  state.fast = false;
  const handle = socket._handle;
  if (handle instanceof NetHandle && handle.token !== null && !handle.closed) {
    netNative.httpFastStop(handle.token);
  }
}

/**
 * After the parser ran on ordinary 'data': hand plain requests to the fast path again once the
 * parser is idle and the socket holds no unread bytes (they must reach the parser first).
 */
function fastPathResume(socket, parser, state) {
  if (!state.fast || socket.parser !== parser || !parser.idle() || socket.readableLength !== 0) {
    return;
  }
  const handle = socket._handle;
  if (handle instanceof NetHandle && handle.token !== null && !handle.closed) {
    netNative.httpFastResume(handle.token);
  }
}

// The parser's calls for one message without a body: begin, headers, complete.
function fastRequest(socket, parser, consumed, method, url, minor, rawHeaders, hostAt, keepAlive) {
  const owner = parser.owner;
  if (owner === null) return;
  socket._unrefTimerActivity();
  socket[kBytesRead] += consumed;
  parser.bytesParsed += consumed;
  parser.inMessage = true;
  owner.onMessageBegin();
  owner.onHeaders({
    method, url, versionMajor: 1, versionMinor: minor, rawHeaders, hostAt, expectAt: -1,
    shouldKeepAlive: keepAlive, upgrade: false,
  });
  parser.complete(noTrailers);
}

// The parser paused after a body chunk: go on once the ticks queued so far (and the ones they
// queue) and the microtasks queued so far have run.
function parseAfterDrain(server, socket, parser, state) {
  state.drainScheduled = false;
  queueMicrotask(() => {
    if (socket.parser !== parser || !parser.paused) return;
    const ret = parser.resume();
    afterExecute(server, socket, parser, state, ret, undefined);
  });
}

function afterExecute(server, socket, parser, state, ret, d) {
  onParserExecuteCommon(server, socket, parser, state, ret, d);
  if (parser.paused && socket.parser === parser) {
    if (!state.drainScheduled) {
      state.drainScheduled = true;
      process.nextTick(parseAfterDrain, server, socket, parser, state);
    }
  } else if (state.endPending) {
    state.endPending = false;
    socketOnEnd(server, socket, parser, state);
  } else if (state.fast) {
    fastPathResume(socket, parser, state);
  }
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  afterExecute(server, socket, parser, state, ret, d);
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  if (ret instanceof Error) {
    ret.rawPacket = ret.rawPacket || d;
    state.parsing = false;
    socketOnError.call(socket, ret);
    return;
  }
  if (ret === undefined) return;
  // The parser stopped after an upgrade or CONNECT head: hand the socket over.
  const req = state.upgradeReq;
  state.upgradeReq = null;
  if (!req) return;
  const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  for (const name of Object.keys(state.listeners)) socket.removeListener(name, state.listeners[name]);
  socket.removeListener('close', onServerResponseClose);
  socket.removeListener('error', socketOnError);
  socket.removeListener('timeout', socketOnTimeout);
  socket.parser = null;
  // The socket is the user's now: this connection's parser is done.
  parser.free();
  delete socket.setEncoding;
  server[kConnections].delete(socket);
  state.incoming.pop();
  if (server.listenerCount(eventName) > 0) {
    const bodyHead = Buffer.from(ret);
    socket.readableFlowing = null;
    server.emit(eventName, req, socket, bodyHead);
  } else {
    socket.destroy();
  }
}

function socketOnEnd(server, socket, parser, state) {
  // Bytes read before the end still wait for the parser (paused after a body chunk): the end
  // counts once they are parsed.
  if (parser.paused && socket.parser === parser) {
    state.endPending = true;
    return;
  }
  const ret = parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnClose(server, socket, parser, state) {
  server[kConnections].delete(socket);
  parser.incoming = null;
  parser.free();
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser && this[kState] && this[kState].currentReq;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function noop() {}

function socketOnError(e) {
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (!this.server.emit('clientError', e, this)) {
    // Answer only when no response has started on this connection.
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW': response = requestHeaderFieldsTooLargeResponse; break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW': response = requestChunkExtensionsTooLargeResponse; break;
        case 'ERR_HTTP_REQUEST_TIMEOUT': response = requestTimeoutResponse; break;
        default: response = badRequestResponse;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function parserOnHeaders(server, socket, state, parser, info) {
  state.headersDone = true;
  const req = new server[kIncomingMessage](socket);
  req.method = info.method;
  req.url = info.url;
  applyHead(req, info, server.joinDuplicateHeaders, server.maxHeadersCount);

  if (info.upgrade) {
    const wanted = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    req.upgrade = wanted;
    info.upgrade = wanted;
  } else {
    req.upgrade = false;
  }
  state.currentReq = req;
  parser.incoming = req;
  // Whether req.headers has host / expect, known from the lines req.headers keeps.
  const kept = server.maxHeadersCount > 0 ? server.maxHeadersCount * 2 : Infinity;
  const hasHost = info.hostAt !== -1 && info.hostAt < kept;
  const hasExpect = info.expectAt !== -1 && info.expectAt < kept;
  parserOnIncoming(server, socket, state, req, info.shouldKeepAlive, hasHost, hasExpect);
  if (req.upgrade) {
    state.upgradeReq = req;
    state.currentReq = null;
    state.parsing = false;
  }
  return false;
}

function parserOnIncoming(server, socket, state, req, keepAlive, hasHost, hasExpect) {
  state.requestsCount++;
  if (state.keepAliveTimeoutSet) {
    socket.setTimeout(0);
    if (server.timeout) socket.setTimeout(server.timeout);
    state.keepAliveTimeoutSet = false;
  }
  state.incoming.push(req);

  if (req.upgrade) return;

  // Pipelined requests: stop reading while our output backs up.
  if (!socket._paused) {
    const ws = socket._writableState;
    if ((ws && ws.needDrain) || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = state.onPendingData;
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (server.maxRequestsPerSocket > 0 && state.requestsCount >= server.maxRequestsPerSocket) {
    res.maxRequestsOnConnectionReached = true;
  }

  if (socket._httpMessage) state.outgoing.push(res);
  else res.assignSocket(socket);

  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state, server));

  if (server.requireHostHeader && req.httpVersionMajor === 1 && req.httpVersionMinor === 1 &&
      !hasHost) {
    res.writeHead(400, ['Connection', 'close']);
    res.end();
    return;
  }

  if (server.maxRequestsPerSocket > 0 && state.requestsCount > server.maxRequestsPerSocket) {
    server.emit('dropRequest', req, socket);
    res.writeHead(503);
    res.end();
    return;
  }

  if (onRequestStartChannel.hasSubscribers) {
    onRequestStartChannel.publish({ request: req, response: res, socket, server });
  }

  if (hasExpect && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (continueExpression.test(req.headers.expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
  } else {
    server.emit('request', req, res);
  }
}

// The parser lets go of a finished request (so it can be collected) once its 'end' is out.
function clearIncoming(req) {
  req = req || this;
  const parser = req.socket && req.socket.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) parser.incoming = null;
    else req.on('end', clearIncoming);
  }
}

function resOnFinish(req, res, socket, state, server) {
  if (res[kTraceId] !== undefined) {
    traceEvents().traceEnd('http.server.request', res[kTraceId],
      { data: { url: req.url, statusCode: res.statusCode } });
    res[kTraceId] = undefined;
  }
  if (res[kPerfStart] !== undefined) {
    stopPerf('http', 'HttpRequest', res[kPerfStart], {
      req: { method: req.method, url: req.url, headers: req.headers },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.getHeaders() },
    });
  }
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res, socket, server });
  }
  if (state.incoming[0] === req) state.incoming.shift();
  else {
    const idx = state.incoming.indexOf(req);
    if (idx !== -1) state.incoming.splice(idx, 1);
  }
  // The handler never read the body: drop it so the next request can be parsed.
  if (!req._consuming && !(req._readableState && req._readableState.resumeScheduled)) req._dump();
  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  kIncomingMessage,
  kConnections,
  kConnectionsCheckingInterval,
};
