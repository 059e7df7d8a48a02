'use strict';
// _http_client: ClientRequest. It gets a socket from its Agent (or makes one), writes the
// request through OutgoingMessage, parses the response with a RESPONSE parser and hands the
// socket back to the agent once both directions are done on a keep-alive connection.

const net = require('net');
const { Buffer } = require('buffer');
const { URL, urlToHttpOptions } = require('url');
const { RESPONSE, checkIsHttpToken, isLenient, parsers } = require('_http_common');
const { HTTPParser } = require('internal/http/parser');
const { OutgoingMessage, kOutHeaders, kNeedDrain, parseUniqueHeadersOption, kUniqueHeaders,
  kHadError } = require('_http_outgoing');
const { IncomingMessage, applyHead } = require('_http_incoming');
const httpAgent = require('_http_agent');
const { finished } = require('stream');
const dc = require('diagnostics_channel');
// NODE_DEBUG=http: the client's steps on stderr, as Node logs them.
const debug = require('util').debuglog('http');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_HTTP_TOKEN, ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
  validateInteger, validateBoolean, validateFunction, validateNumber,
} = require('internal/errors');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');
const TIMEOUT_MAX = 2 ** 31 - 1;

// Node's built-in http client channels; each is published only when someone listens.
const onClientRequestStartChannel = dc.channel('http.client.request.start');
const onClientRequestErrorChannel = dc.channel('http.client.request.error');
const onClientResponseFinishChannel = dc.channel('http.client.response.finish');

/** A request's 'error', told to the 'http.client.request.error' channel first. */
function emitErrorEvent(request, error) {
  if (onClientRequestErrorChannel.hasSubscribers) {
    onClientRequestErrorChannel.publish({ request, error });
  }
  request.emit('error', error);
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

// The request has reported a connection error (kept on the request: net's socket resets its
// own _hadError flag when it is destroyed, which would let a second error through).
function markHadError(req) {
  req[kHadError] = true;
  if (req.socket) req.socket._hadError = true;
}

function connResetException(msg) {
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);

  if (typeof input === 'string') {
    const urlStr = input;
    input = urlToHttpOptions(new URL(urlStr));
  } else if (input instanceof URL) {
    // Properties a caller added to the URL object (headers, agent, ...) count as options.
    input = { __proto__: null, ...input, ...urlToHttpOptions(input) };
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || httpAgent.globalAgent;
  if (agent === false) {
    const Ctor = defaultAgent.constructor;
    agent = new Ctor();
  } else if (agent === null || agent === undefined) {
    // With createConnection there is no agent (and so no default port: Host names the port).
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;

  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) throw new ERR_UNESCAPED_CHARACTERS('Request path');
  }
  if (protocol !== expectedProtocol) throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);

  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
  const optsWithoutSignal = { __proto__: null, ...options };
  const port = optsWithoutSignal.port = options.port || defaultPort || 80;
  const host = optsWithoutSignal.host = validateHost(options.hostname, 'hostname') ||
    validateHost(options.host, 'host') || 'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;

  if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');

  const signal = options.signal;
  if (signal) {
    addAbortSignal(this, signal);
    delete optsWithoutSignal.signal;
  }

  let method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;
  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;
  if (options.joinDuplicateHeaders !== undefined) {
    validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;

  this.path = options.path || '/';
  if (cb) this.once('response', cb);

  if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' ||
      method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }

  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;

  if (this.agent) {
    // An agent without keep-alive and with unlimited sockets closes after each request.
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }

  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      // An IPv6 literal gets brackets in Host.
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }
    if (this.getHeader('expect')) {
      if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
    }
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
  }
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);

  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    if (typeof optsWithoutSignal.createConnection === 'function') {
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) {
          process.nextTick(() => emitErrorEvent(this, err));
          return;
        }
        this.onSocket(socket);
      };
      const newSocket = optsWithoutSignal.createConnection(optsWithoutSignal, oncreate);
      if (newSocket) oncreate(null, newSocket);
    } else {
      this.onSocket(net.createConnection(optsWithoutSignal));
    }
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new (require('internal/errors').codes.ERR_OUT_OF_RANGE)(name, 'a non-negative finite number', msecs);
  }
  // Timers hold a signed 32-bit duration; warn here, where the caller's stack still is.
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function addAbortSignal(req, signal) {
  const { AbortError } = require('internal/errors');
  const onAbort = () => req.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

const { startPerf, stopPerf } = require('internal/perf/utils');
const kPerfStart = Symbol('kPerfStart');

// node.http trace events: a request from when it is sent (served) to its response (finish).
const kTraceId = Symbol('kTraceId');
const { state: traceState, traceEvents } = require('internal/trace_events_state');

ClientRequest.prototype._finish = function _finish() {
  if (onClientRequestStartChannel.hasSubscribers) {
    onClientRequestStartChannel.publish({ request: this });
  }
  OutgoingMessage.prototype._finish.call(this);
  // An 'http' performance entry (HttpClient) times the request until its response, as in Node.
  this[kPerfStart] = startPerf('http');
  if (traceState.http) this[kTraceId] = traceEvents().traceBegin('http.client.request');
};

ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(emitAbortNT, this);
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  // The response, if any, is discarded.
  if (this.res) this.res._dump();
  this[kError] = err;
  if (this.socket) this.socket.destroy(err);
  return this;
};

function emitAbortNT(req) {
  req.emit('abort');
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketCloseListener() {
  const socket = this;
  debug('HTTP socket close');
  const req = socket._httpMessage;
  const parser = socket.parser;
  const res = req.res;
  req.destroyed = true;
  if (res) {
    // The socket closed before the response's 'end'.
    if (!res.complete) res.destroy(connResetException('aborted'));
    req._closed = true;
    req.emit('close');
    if (!res.aborted && res.readable) res.push(null);
  } else {
    if (!req[kHadError]) {
      // Nothing answered before the connection went away.
      markHadError(req);
      emitErrorEvent(req, connResetException('socket hang up'));
    }
    req._closed = true;
    req.emit('close');
  }
  if (req.outputData) req.outputData.length = 0;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
}

function socketErrorListener(err) {
  const socket = this;
  debug('SOCKET ERROR');
  const req = socket._httpMessage;
  if (req) {
    // Errors may keep coming; the request hears the first only.
    markHadError(req);
    emitErrorEvent(req, err);
  }
  const parser = socket.parser;
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.destroy();
}

function socketOnEnd() {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  if (!req.res && !req[kHadError]) {
    // The server ended the connection without answering.
    markHadError(req);
    emitErrorEvent(req, connResetException('socket hang up'));
  }
  if (parser) {
    parser.finish();
    freeParser(parser, req, socket);
  }
  socket.destroy();
}

function socketOnData(d) {
  const socket = this;
  const req = this._httpMessage;
  const parser = this.parser;
  const ret = parser.execute(d);
  if (ret instanceof Error) {
    freeParser(parser, req, socket);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.destroy();
    markHadError(req);
    emitErrorEvent(req, ret);
  } else if (ret !== undefined && parser.incoming && parser.incoming.upgrade) {
    // 101 Switching Protocols, or the answer to CONNECT: the socket is the user's now.
    const res = parser.incoming;
    req.res = res;
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
    freeParser(parser, req, socket);
    const bodyHead = Buffer.from(ret);
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(eventName) > 0) {
      req.upgradeOrConnect = true;
      socket.emit('agentRemove');
      socket.removeListener('close', socketCloseListener);
      socket.removeListener('error', socketErrorListener);
      socket._httpMessage = null;
      socket.readableFlowing = null;
      req.emit(eventName, res, socket, bodyHead);
      req.destroyed = true;
      req._closed = true;
      req.emit('close');
    } else {
      socket.destroy();
    }
  } else if (parser.incoming && parser.incoming.complete &&
             !statusIsInformational(parser.incoming.statusCode)) {
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.removeListener('drain', ondrain);
    freeParser(parser, req, socket);
  }
}

function statusIsInformational(status) {
  // 101 is an upgrade, handled on its own.
  return status < 200 && status >= 100 && status !== 101;
}

// A response head arrived. Returns true when the response has no body to read.
function parserOnIncomingClient(req, socket, parser, info) {
  debug('AGENT incoming response!');
  if (req.res) {
    // A second response for one request: the server is broken. Nothing more is read.
    socket.destroy();
    parser.close();
    return true;
  }
  const res = new IncomingMessage(socket);
  res.statusCode = info.statusCode;
  res.statusMessage = info.statusMessage;
  applyHead(res, info, req.joinDuplicateHeaders, req.maxHeadersCount);
  res.upgrade = !!info.upgrade && (info.statusCode === 101 || req.method === 'CONNECT');
  info.upgrade = res.upgrade;
  parser.incoming = res;
  req.res = res;

  if (res.upgrade) return true;
  if (req.method === 'CONNECT') {
    res.upgrade = true;
    info.upgrade = true;
    return true;
  }
  if (statusIsInformational(res.statusCode)) {
    req.res = null;
    parser.incoming = null;
    if (res.statusCode === 100) req.emit('continue');
    req.emit('information', {
      statusCode: res.statusCode,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: res.httpVersionMajor,
      httpVersionMinor: res.httpVersionMinor,
      headers: res.headers,
      rawHeaders: res.rawHeaders,
    });
    return true;
  }
  if (req.shouldKeepAlive && !info.shouldKeepAlive && !req.upgradeOrConnect) {
    // The server must answer keep-alive for the connection to be reused.
    req.shouldKeepAlive = false;
  }
  res.req = req;
  res.on('end', responseOnEnd);
  req.on('finish', requestOnFinish);
  socket.on('timeout', responseOnTimeout);
  if (onClientResponseFinishChannel.hasSubscribers) {
    onClientResponseFinishChannel.publish({ request: req, response: res });
  }
  if (req[kPerfStart] !== undefined) {
    stopPerf('http', 'HttpClient', req[kPerfStart], {
      req: { method: req.method, url: `${req.protocol}//${req.host}${req.path}`, headers: req.getHeaders() },
      res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.headers },
    });
    req[kPerfStart] = undefined;
  }
  if (req[kTraceId] !== undefined) {
    traceEvents().traceEnd('http.client.request', req[kTraceId],
      { data: { path: req.path, statusCode: res.statusCode } });
    req[kTraceId] = undefined;
  }
  if (req.aborted || !req.emit('response', res)) res._dump();
  if (req.method === 'HEAD') return true;
  if (res.statusCode === 304) {
    res.complete = true;
    return true;
  }
  return false;
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (!req) return;
  const res = req.res;
  if (!res) return;
  res.emit('timeout');
}

function responseOnEnd() {
  const req = this.req;
  debug('AGENT response end');
  const socket = req.socket;
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
    socket.removeListener('timeout', responseOnTimeout);
  }
  req._ended = true;
  if (!req.shouldKeepAlive) {
    if (socket && socket.writable) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
    }
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  if (this.shouldKeepAlive && this._ended) responseKeepAlive(this);
}

function responseKeepAlive(req) {
  const socket = req.socket;
  debug('AGENT socket keep-alive');
  if (req.timeoutCb) {
    socket.setTimeout(0, req.timeoutCb);
    req.timeoutCb = null;
  }
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.once('error', httpAgent.freeSocketErrorListener);
  // Free the socket only after the user's own 'end' handlers have run.
  process.nextTick(emitFreeNT, req);
  req.destroyed = true;
  if (req.res) req.res.socket = null;
}

function emitFreeNT(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

const kPooled = Symbol('kPooled');

// A done-with parser goes back to the free list (up to http.setMaxIdleHTTPParsers()), so the
// next request takes it again, as Node's client does.
function freeParser(parser, req, socket) {
  if (parser && !parser[kPooled]) {
    parser.incoming = null;
    parser.onIncoming = null;
    parser.joinDuplicateHeaders = null;
    parser.free();
    if (parsers.list.length < parsers.max) {
      parser[kPooled] = true;
      parsers.list.push(parser);
    }
  }
  if (socket) socket.parser = null;
  if (req) req.parser = null;
}

function tickOnSocket(req, socket) {
  const owner = {
    onHeaders(info) { return parser.onIncoming(req, socket, parser, info); },
    onBody(chunk) {
      const res = parser.incoming;
      if (!res || res._dumped && res.readableEnded) return;
      if (!res.push(chunk)) socket.pause();
    },
    onComplete(trailers) {
      const res = parser.incoming;
      if (!res) return;
      res.complete = true;
      if (trailers.length) res._addHeaderLines(trailers, trailers.length);
      res.push(null);
    },
  };
  const options = {
    maxHeaderSize: req.maxHeaderSize || require('http').maxHeaderSize,
    lenient: req.insecureHTTPParser === undefined ? isLenient() : !!req.insecureHTTPParser,
  };
  let parser = parsers.list.pop();
  if (parser === undefined) {
    parser = new HTTPParser(RESPONSE, owner, options);
  } else {
    parser[kPooled] = false;
    parser.reinitialize(RESPONSE, owner, options);
  }
  parser.onIncoming = parserOnIncomingClient;
  parser.joinDuplicateHeaders = req.joinDuplicateHeaders;
  parser.initAsyncResource('HTTPCLIENTREQUEST', { type: 'HTTPCLIENTREQUEST', req });
  parser.expectConnect = req.method === 'CONNECT';
  parser.incoming = null;
  req.socket = socket;
  req.parser = parser;
  socket.parser = parser;
  socket._httpMessage = req;

  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  socket.on('drain', ondrain);

  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) {
    req.socket.once('timeout', emitRequestTimeout);
  } else {
    req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
  }
}

ClientRequest.prototype.onSocket = function onSocket(socket, err) {
  process.nextTick(onSocketNT, this, socket, err);
};

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    req.destroyed = true;
    const error = err || req[kError];
    if (!err && req.agent && socket && !socket.destroyed) {
      socket.emit('free');
    } else if (socket) {
      finished(socket.destroy(error), (er) => {
        if (er && er.code === 'ERR_STREAM_PREMATURE_CLOSE') er = null;
        destroyRequest(req, er || error);
      });
      return;
    }
    destroyRequest(req, error);
    return;
  }
  tickOnSocket(req, socket);
  req._flush();
}

function destroyRequest(req, err) {
  if (!req.aborted && !err) err = connResetException('socket hang up');
  if (err) emitErrorEvent(req, err);
  req._closed = true;
  req.emit('close');
}

ClientRequest.prototype._deferToConnect = function _deferToConnect(method, args) {
  const callSocketMethod = () => {
    if (method) this.socket[method].apply(this.socket, args);
  };
  const onSocket = () => {
    if (this.socket.writable) callSocketMethod();
    else this.socket.once('connect', callSocketMethod);
  };
  if (!this.socket) this.once('socket', onSocket);
  else onSocket();
};

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this._ended) return this;
  listenSocketTimeout(this);
  msecs = getTimerDuration(msecs, 'msecs');
  if (callback) {
    validateFunction(callback, 'callback');
    this.once('timeout', callback);
  }
  if (this.socket) setSocketTimeout(this.socket, msecs);
  else this.once('socket', (sock) => setSocketTimeout(sock, msecs));
  return this;
};

function setSocketTimeout(sock, msecs) {
  if (sock.connecting) sock.once('connect', () => sock.setTimeout(msecs));
  else sock.setTimeout(msecs);
}

ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  this._deferToConnect('setNoDelay', [noDelay]);
};

ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, initialDelay) {
  this._deferToConnect('setKeepAlive', [enable, initialDelay]);
};

ClientRequest.prototype.clearTimeout = function clearTimeout(cb) {
  this.setTimeout(0, cb);
};

module.exports = { ClientRequest };
