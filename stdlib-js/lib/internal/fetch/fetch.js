'use strict';
// fetch() (https://fetch.spec.whatwg.org/#fetch-method) over node:http's client: one
// FetchTask per call builds the wire headers, sends the body (bytes at once, a stream chunk
// by chunk with backpressure), follows redirects (20 at most; 301/302 POST and 303 become
// GET), decodes gzip/deflate/br through zlib and hands the body to a PushSource that the
// Response reads. Connections are pooled by a keep-alive Agent per module. https: goes the
// same way through node:https. data: and blob: URLs are answered here.
//
// Errors as Node's: TypeError('fetch failed') with the cause (the socket error, or an Error
// naming the fetch rule that failed); an abort rejects with the signal's reason, and errors
// the body with it once the response is out; a body cut short errors with
// TypeError('terminated').

const { Request, requestState } = require('internal/fetch/request');
const { listFromRaw } = require('internal/fetch/headers');
const {
  PushSource, bodyFromBytes, bodyFromPush, extractBody, getStream, toUint8Array,
} = require('internal/fetch/body');
const {
  makeResponseState, nullBodyStatuses, redirectStatuses, responseFromState,
} = require('internal/fetch/response');

const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69,
  77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139,
  143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556,
  563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060,
  5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
const kMaxRedirects = 20;
// Header names dropped when a redirect turns a request into a GET without a body.
const requestBodyHeaders = ['content-encoding', 'content-language', 'content-location',
  'content-type', 'content-length'];

// ===== transports =====

/** { module, agent } for http: or https: (null when node:https is not there yet). */
const transports = { 'http:': undefined, 'https:': undefined };
function transportFor(protocol) {
  let transport = transports[protocol];
  if (transport === undefined) {
    let mod = null;
    try {
      mod = protocol === 'https:' ? require('https') : require('http');
    } catch {
      // No node:https in this build yet: the fetch fails with a cause saying so.
    }
    transport = mod === null ? null : {
      module: mod,
      // Idle connections are unref'd by the agent, so a pool never keeps the process alive.
      agent: new mod.Agent({ keepAlive: true, keepAliveMsecs: 1000 }),
    };
    transports[protocol] = transport;
  }
  return transport;
}

// ===== errors =====

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

/** The error undici gives when the peer closes a connection: SocketError 'other side closed'. */
class SocketError extends Error {
  constructor(message, socket) {
    super(message);
    this.name = 'SocketError';
    this.code = 'UND_ERR_SOCKET';
    if (socket) {
      this.socket = {
        localAddress: socket.localAddress,
        localPort: socket.localPort,
        remoteAddress: socket.remoteAddress,
        remotePort: socket.remotePort,
        remoteFamily: socket.remoteFamily,
        timeout: socket.timeout,
        bytesWritten: socket.bytesWritten,
        bytesRead: socket.bytesRead,
      };
    }
  }
}

/** undici's errors for request headers it will not send (code UND_ERR_INVALID_ARG / _NOT_SUPPORTED). */
function undiciError(name, code, message) {
  const err = new Error(message);
  err.name = name;
  err.code = code;
  return err;
}

/** What undici reports for a response that is not HTTP/1.1 (http's parser errors, HPE_*). */
class HTTPParserError extends Error {
  constructor(err) {
    super(`Response does not match the HTTP/1.1 protocol (${err.reason ?? err.message})`);
    this.name = 'HTTPParserError';
    this.code = err.code;
    this.data = err.rawPacket === undefined ? undefined : require('buffer').Buffer.from(err.rawPacket).toString('latin1');
  }
}

// ===== the task =====

class FetchTask {
  constructor(state, resolve, reject) {
    this.resolve = resolve;
    this.reject = reject;
    this.method = state.method;
    this.url = state.url;
    this.list = state.list.clone();
    this.body = state.body;
    this.redirectMode = state.redirect;
    this.signal = state.parentSignal;
    this.urlList = [state.url];
    this.tainting = 'basic';
    this.redirectCount = 0;
    this.retried = false;
    this.settled = false;
    this.req = null;
    this.res = null;
    this.push = null;
    this.response = null;
    this.streams = null;
    this.onAbort = null;
  }

  start() {
    const signal = this.signal;
    if (signal !== null) {
      this.onAbort = () => this.abort(signal.reason);
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
    this.dispatch();
  }

  /** Stops listening to the signal: the body is complete (or failed). */
  finish() {
    if (this.onAbort !== null) {
      this.signal.removeEventListener('abort', this.onAbort);
      this.onAbort = null;
    }
  }

  fail(cause) {
    this.rejectWith(fetchFailed(cause));
  }

  rejectWith(error) {
    if (this.settled) return;
    this.settled = true;
    this.finish();
    this.reject(error);
  }

  abort(reason) {
    this.onAbort = null;
    if (!this.settled) {
      this.settled = true;
      this.reject(reason);
      if (this.req !== null) this.req.destroy();
      return;
    }
    if (this.response !== null) this.response.aborted = true;
    if (this.push !== null) this.push.abort(reason);
    this.destroyResponse();
  }

  destroyResponse() {
    if (this.streams !== null) {
      for (const stream of this.streams) stream.destroy();
    } else if (this.res !== null) {
      this.res.destroy();
    }
  }

  dispatch() {
    const url = this.url;
    switch (url.protocol) {
      case 'http:':
      case 'https:':
        this.httpFetch();
        return;
      case 'data:':
        this.dataFetch();
        return;
      case 'about:':
        this.fail(new Error('about scheme is not supported'));
        return;
      case 'blob:':
        this.blobFetch();
        return;
      case 'file:':
        this.fail(new Error('not implemented... yet...'));
        return;
      default:
        this.fail(new Error('unknown scheme'));
    }
  }

  // ----- data: and blob: -----

  dataFetch() {
    const { processDataURL } = require('internal/fetch/data_url');
    const result = processDataURL(this.url);
    if (result === null) {
      this.fail(new Error('failed to fetch the data URL'));
      return;
    }
    this.respondWithBytes(result.body, result.mimeType, 'OK');
  }

  blobFetch() {
    const { resolveObjectURL } = require('buffer');
    const blob = this.method === 'GET' && typeof resolveObjectURL === 'function' ?
      resolveObjectURL(this.url.href) : undefined;
    if (blob === undefined) {
      // Node's fetch says this for an unknown blob: URL as well as for a method other than GET.
      this.fail(new Error('invalid method'));
      return;
    }
    const { blobBytes } = require('internal/buffer/blob');
    const state = this.responseState(200, 'OK');
    state.list.append('content-length', `${blob.size}`);
    state.list.append('content-type', blob.type);
    state.body = bodyFromBytes(blobBytes(blob));
    this.deliver(state);
  }

  respondWithBytes(bytes, type, statusText) {
    const state = this.responseState(200, statusText);
    state.list.append('content-type', type);
    if (this.method !== 'HEAD') state.body = bodyFromBytes(bytes);
    this.deliver(state);
  }

  responseState(status, statusText) {
    return makeResponseState({
      type: this.tainting,
      status,
      statusText,
      urlList: this.urlList.map(urlWithoutFragment),
      guard: 'immutable',
    });
  }

  deliver(state) {
    if (this.settled) return;
    this.settled = true;
    if (state.body === null || state.body.push === null) this.finish();
    this.resolve(responseFromState(state));
  }

  // ----- http: and https: -----

  httpFetch() {
    const url = this.url;
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    if (badPorts.has(port)) {
      this.fail(new Error('bad port'));
      return;
    }
    const transport = transportFor(url.protocol);
    if (transport === null) {
      this.fail(new Error('https: URLs need node:https, which this build of Eddy does not have yet'));
      return;
    }
    let hostname = url.hostname;
    if (hostname.startsWith('[')) hostname = hostname.slice(1, -1);
    const body = this.body;
    let headers;
    try {
      headers = this.wireHeaders(body);
    } catch (err) {
      this.fail(err);
      return;
    }
    let req;
    try {
      req = transport.module.request({
        protocol: url.protocol,
        hostname,
        port,
        method: this.method,
        path: `${url.pathname}${url.search}`,
        headers,
        agent: transport.agent,
      });
    } catch (err) {
      this.fail(err);
      return;
    }
    this.req = req;
    req.on('response', (res) => this.onResponse(req, res));
    req.on('error', (err) => this.onRequestError(req, err));
    this.sendBody(req, body);
  }

  /**
   * The request's header list as it goes on the wire, with what fetch adds (Node's order).
   * Throws undici's errors for the headers that would break the connection's framing.
   */
  wireHeaders(body) {
    const list = this.list;
    for (const name of ['keep-alive', 'transfer-encoding', 'upgrade']) {
      if (list.has(name)) throw undiciError('InvalidArgumentError', 'UND_ERR_INVALID_ARG', `invalid ${name} header`);
    }
    if (list.has('expect')) {
      throw undiciError('NotSupportedError', 'UND_ERR_NOT_SUPPORTED', 'expect header not supported');
    }
    let connection = 'keep-alive';
    if (list.has('connection')) {
      connection = list.get('connection').toLowerCase();
      if (connection !== 'close' && connection !== 'keep-alive') {
        throw undiciError('InvalidArgumentError', 'UND_ERR_INVALID_ARG', 'invalid connection header');
      }
    }
    // Node's fetch sends the URL's host whatever Host the headers name.
    const out = ['host', this.url.host, 'connection', connection];
    const pairs = list.flatPairs();
    for (let i = 0; i < pairs.length; i += 2) {
      const key = pairs[i].toLowerCase();
      if (key === 'host' || key === 'connection' || key === 'content-length') continue;
      // Node's fetch sets Sec-Fetch-Mode to the request's mode, whatever was given.
      out.push(pairs[i], key === 'sec-fetch-mode' ? 'cors' : pairs[i + 1]);
    }
    if (!list.has('accept')) out.push('accept', '*/*');
    if (!list.has('accept-language')) out.push('accept-language', '*');
    if (!list.has('sec-fetch-mode')) out.push('sec-fetch-mode', 'cors');
    if (!list.has('user-agent')) out.push('user-agent', 'node');
    if (!list.has('accept-encoding')) {
      out.push('accept-encoding', this.url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate');
    }
    if (body === null) {
      if (this.method === 'POST' || this.method === 'PUT') out.push('content-length', '0');
    } else if (body.length !== null) {
      out.push('content-length', `${body.length}`);
    } else {
      out.push('transfer-encoding', 'chunked');
    }
    return out;
  }

  sendBody(req, body) {
    if (body === null) {
      req.end();
      return;
    }
    if (body.stream === null && body.bytes !== null && body.used === false) {
      // Known bytes: the body stays replayable for a redirect through its source.
      req.end(body.bytes);
      return;
    }
    const reader = getStream(body).getReader();
    const pump = () => {
      reader.read().then(({ value, done }) => {
        if (req.destroyed) return;
        if (done) {
          req.end();
          return;
        }
        let chunk;
        try {
          // Node's fetch also sends strings and other buffer views from an upload stream.
          chunk = value instanceof Uint8Array ? value : toUint8Array(value);
        } catch (err) {
          req.destroy(err);
          return;
        }
        if (req.write(chunk)) pump();
        else req.once('drain', pump);
      }, (err) => {
        req.destroy(err);
      });
    };
    req.on('close', () => {
      // The request ended early (an error, a redirect, an abort): stop reading the body.
      if (!req.writableFinished) reader.cancel().catch(() => {});
    });
    pump();
  }

  onRequestError(req, err) {
    if (req !== this.req || this.settled) return;
    // A pooled connection the server had closed meanwhile: try once more on a new one, as
    // long as the body can be sent again.
    if (req.reusedSocket && err.code === 'ECONNRESET' && !this.retried && this.canResend()) {
      this.retried = true;
      this.body = replayBody(this.body);
      this.dispatch();
      return;
    }
    if (err.code === 'ECONNRESET' && err.message === 'socket hang up') {
      err = new SocketError('other side closed', req.socket);
    } else if (typeof err.code === 'string' && err.code.startsWith('HPE_')) {
      err = new HTTPParserError(err);
    }
    this.fail(err);
  }

  canResend() {
    return this.body === null || this.body.source !== null;
  }

  onResponse(req, res) {
    if (req !== this.req || this.settled) {
      res.destroy();
      return;
    }
    this.res = res;
    const status = res.statusCode;
    const location = res.headers.location;
    if (redirectStatuses.includes(status) && location !== undefined && this.redirectMode !== 'manual') {
      // Nothing of a redirect's body is kept: drain it so the connection can be reused.
      res.resume();
      res.on('error', () => {});
      if (this.redirectMode === 'error') {
        this.fail(new Error('unexpected redirect'));
        return;
      }
      this.followRedirect(status, location);
      return;
    }
    this.respondFromNetwork(res);
  }

  followRedirect(status, location) {
    let next;
    try {
      next = new (require('internal/url').URL)(location, this.url);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (next.hash === '' && this.url.hash !== '') next.hash = this.url.hash;
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      this.fail(new Error('URL scheme must be a HTTP(S) scheme'));
      return;
    }
    if (this.redirectCount === kMaxRedirects) {
      this.fail(new Error('redirect count exceeded'));
      return;
    }
    this.redirectCount++;
    if (status !== 303 && this.body !== null && this.body.source === null) {
      // Node's fetch gives no reason here: a bare Error as the cause.
      this.fail(new Error());
      return;
    }
    if (((status === 301 || status === 302) && this.method === 'POST') ||
        (status === 303 && this.method !== 'GET' && this.method !== 'HEAD')) {
      this.method = 'GET';
      this.body = null;
      for (const name of requestBodyHeaders) this.list.delete(name);
    }
    if (next.origin !== this.url.origin) {
      for (const name of ['authorization', 'proxy-authorization', 'cookie', 'host']) this.list.delete(name);
    }
    this.body = replayBody(this.body);
    // Once a hop leaves the first URL's origin the response is 'cors', as Node's tainting.
    if (next.origin !== this.urlList[0].origin) this.tainting = 'cors';
    this.url = next;
    this.urlList.push(next);
    this.res = null;
    this.dispatch();
  }

  respondFromNetwork(res) {
    const status = res.statusCode;
    const state = this.responseState(status, res.statusMessage ?? '');
    state.list = listFromRaw(res.rawHeaders);
    if (this.method === 'HEAD' || this.method === 'CONNECT' || nullBodyStatuses.includes(status)) {
      res.resume();
      res.on('error', () => {});
      this.deliver(state);
      return;
    }
    let output = res;
    const codings = res.headers['content-encoding'];
    if (codings !== undefined) {
      const decoders = makeDecoders(codings);
      if (decoders.length > 0) {
        this.streams = [res, ...decoders];
        for (let i = 0; i < decoders.length; i++) {
          const from = this.streams[i];
          const to = decoders[i];
          from.pipe(to);
          to.on('error', (err) => this.bodyError(err));
        }
        output = decoders[decoders.length - 1];
      }
    }
    const push = new PushSource({
      pause: () => output.pause(),
      resume: () => output.resume(),
      cancel: () => this.destroyResponse(),
      settled: () => this.finish(),
    });
    this.push = push;
    this.response = state;
    let ended = false;
    output.on('data', (chunk) => push.push(chunk));
    output.on('end', () => {
      ended = true;
      push.end();
    });
    res.on('error', (err) => this.bodyError(err));
    res.on('close', () => {
      if (!res.complete && !ended) this.bodyError(new SocketError('other side closed', res.socket));
    });
    state.body = bodyFromPush(push);
    this.deliver(state);
  }

  /** The body failed after the response was out: its readers see TypeError('terminated'). */
  bodyError(err) {
    if (this.push === null || this.push.state !== 'open') return;
    if (err?.code === 'ECONNRESET') err = new SocketError('other side closed', this.res?.socket);
    this.push.fail(new TypeError('terminated', { cause: err }));
    this.destroyResponse();
  }
}

/** The body again, for another request (a redirect, a retry): null stays null. */
function replayBody(body) {
  if (body === null) return null;
  // Known bytes first: a FormData's encoding must keep the boundary its header names.
  if (body.bytes !== null) return bodyFromBytes(body.bytes, body.source);
  return extractBody(body.source).body;
}

function urlWithoutFragment(url) {
  if (url.hash === '' && !url.href.endsWith('#')) return url.href;
  const href = url.href;
  return href.slice(0, href.indexOf('#'));
}

// ===== content codings =====

/** Decoders for a Content-Encoding value (last applied first); none if one is unknown. */
function makeDecoders(value) {
  const codings = `${value}`.toLowerCase().split(',').map((s) => s.trim()).filter((s) => s !== '');
  const zlib = require('zlib');
  const flush = {
    flush: zlib.constants.Z_SYNC_FLUSH,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  };
  const decoders = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i];
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoders.push(zlib.createGunzip(flush));
    } else if (coding === 'deflate') {
      decoders.push(new InflateAuto(zlib, flush));
    } else if (coding === 'br') {
      decoders.push(zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      }));
    } else {
      return [];
    }
  }
  return decoders;
}

let InflateAutoClass;
/**
 * "deflate" is zlib-wrapped by the standard, but servers also send raw deflate: the first
 * byte tells (a zlib header's low nibble is 8).
 */
function InflateAuto(zlib, options) {
  if (InflateAutoClass === undefined) {
    const { Transform } = require('stream');
    InflateAutoClass = class extends Transform {
      constructor(zlibModule, opts) {
        super();
        this.zlib = zlibModule;
        this.opts = opts;
        this.inner = null;
      }

      _transform(chunk, encoding, callback) {
        if (this.inner === null) {
          if (chunk.length === 0) {
            callback();
            return;
          }
          this.inner = (chunk[0] & 0x0f) === 0x08 ?
            this.zlib.createInflate(this.opts) : this.zlib.createInflateRaw(this.opts);
          this.inner.on('data', (out) => this.push(out));
          this.inner.on('error', (err) => this.destroy(err));
        }
        this.inner.write(chunk, callback);
      }

      _flush(callback) {
        if (this.inner === null) {
          callback();
          return;
        }
        this.inner.once('end', () => callback());
        this.inner.end();
      }

      _destroy(err, callback) {
        this.inner?.destroy();
        callback(err);
      }
    };
  }
  return new InflateAutoClass(zlib, options);
}

// ===== fetch =====

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (err) {
    return Promise.reject(err);
  }
  const state = requestState(request);
  const signal = state.parentSignal;
  if (signal !== null && signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    new FetchTask(state, resolve, reject).start();
  });
}

module.exports = { fetch };
