'use strict';
// _http_common: what the HTTP server and client share - the method list, status texts, token
// and header-value checks, and the parser class (internal/http/parser over binding.http).

const { HTTPParser: Parser, REQUEST, RESPONSE } = require('internal/http/parser');
const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const methods = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK',
  'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH',
  'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
];

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently',
  302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: 'I\'m a Teapot',
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency',
  425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage',
  508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
/** Whether `val` is a valid HTTP token (method or header name). */
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
/** True when `val` holds a character not allowed in a header value. */
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

// ===== HTTPParser, as Node's parser binding offers it =====
// Programs drive it by hand: initialize(type, resource), then execute(buffer) -> the bytes
// parsed or an Error, with the callbacks in numbered slots (parser[HTTPParser.kOnBody] = fn).
// Eddy's own server and client use internal/http/parser directly; this wraps one.

const kOnMessageBegin = 0;
const kOnHeaders = 1;
const kOnHeadersComplete = 2;
const kOnBody = 3;
const kOnMessageComplete = 4;
const kOnExecute = 5;
const kOnTimeout = 6;

class HTTPParser {
  #parser = null;
  #current = null;

  static REQUEST = REQUEST;
  static RESPONSE = RESPONSE;
  static kOnMessageBegin = kOnMessageBegin;
  static kOnHeaders = kOnHeaders;
  static kOnHeadersComplete = kOnHeadersComplete;
  static kOnBody = kOnBody;
  static kOnMessageComplete = kOnMessageComplete;
  static kOnExecute = kOnExecute;
  static kOnTimeout = kOnTimeout;
  static kLenientNone = 0;
  static kLenientHeaders = 1;
  static kLenientChunkedLength = 2;
  static kLenientKeepAlive = 4;
  static kLenientTransferEncoding = 8;
  static kLenientVersion = 16;
  static kLenientDataAfterClose = 32;
  static kLenientOptionalLFAfterCR = 64;
  static kLenientOptionalCRLFAfterChunk = 128;
  static kLenientOptionalCRBeforeLF = 256;
  static kLenientSpacesAfterChunkSize = 512;
  static kLenientAll = 1023;

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#parser in self)) {
      throw new TypeError('Illegal invocation');
    }
    if (self.#parser === null) throw new TypeError('The parser is not initialized');
    return self.#parser;
  }

  /** (Re)starts the parser for messages of `type` (REQUEST or RESPONSE). */
  initialize(type, resource, maxHeaderSize = 0, lenient = 0) {
    if (this === null || typeof this !== 'object' || !(#parser in this)) {
      throw new TypeError('Illegal invocation');
    }
    if (type !== REQUEST && type !== RESPONSE) {
      throw new ERR_INVALID_ARG_TYPE('type', 'HTTPParser.REQUEST or HTTPParser.RESPONSE', type);
    }
    if (this.#parser !== null) this.#parser.close();
    const self = this;
    const call = (slot, args) => {
      const fn = self[slot];
      return typeof fn === 'function' ? Reflect.apply(fn, self, args) : undefined;
    };
    this.#parser = new Parser(type, {
      onMessageBegin() { call(kOnMessageBegin, []); },
      onHeaders(info) {
        const method = type === REQUEST ? methods.indexOf(info.method) : undefined;
        // 1: the message has no body; 2: no body, and the connection is upgraded.
        const r = call(kOnHeadersComplete, [info.versionMajor, info.versionMinor,
          info.rawHeaders, method, info.url, info.statusCode, info.statusMessage,
          !!info.upgrade, info.shouldKeepAlive]);
        return r === 1 || r === 2;
      },
      onBody(chunk) { call(kOnBody, [chunk]); },
      onComplete(trailers) {
        if (trailers.length > 0) call(kOnHeaders, [trailers, '']);
        call(kOnMessageComplete, []);
      },
    }, {
      maxHeaderSize: maxHeaderSize > 0 ? maxHeaderSize : undefined,
      lenient: lenient !== 0 && lenient !== false && lenient !== undefined,
    });
  }

  /** Parses `buffer` (all of it); the number of bytes parsed, or the parse Error. */
  execute(buffer) {
    const parser = HTTPParser.#check(this);
    if (!ArrayBuffer.isView(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', 'Buffer', buffer);
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this.#current = bytes;
    try {
      const r = parser.execute(bytes);
      if (r instanceof Error) return r;
      // After an upgrade, what follows the head is not HTTP: it stays unparsed.
      return r === undefined ? bytes.length : bytes.length - r.length;
    } finally {
      this.#current = null;
    }
  }

  /** The input ended: an Error when a message was cut short. */
  finish() {
    const parser = HTTPParser.#check(this);
    const r = parser.finish();
    return r instanceof Error ? r : undefined;
  }

  /** The bytes execute() is working on (inside a callback). */
  getCurrentBuffer() {
    HTTPParser.#check(this);
    return this.#current;
  }

  pause() { HTTPParser.#check(this).paused = true; }

  resume() {
    const r = HTTPParser.#check(this).resume();
    return r instanceof Error ? r : undefined;
  }

  close() {
    if (this.#parser !== null) this.#parser.close();
    this.#parser = null;
  }

  free() { this.close(); }

  remove() {}

  consume() {}

  unconsume() {}
}

// Node keeps a free list of idle parsers; Eddy makes one per connection, so this only holds the
// limit http.setMaxIdleHTTPParsers() sets.
const parsers = { name: 'parsers', max: 1000, list: [] };

// --insecure-http-parser: the default when a server or request sets no insecureHTTPParser.
// Node warns once, when the first parser made lenient by the flag is set up.
let lenientFlag;
let warnedLenient = false;
function isLenient() {
  if (lenientFlag === undefined) {
    lenientFlag = require('internal/options').getOptionValue('--insecure-http-parser') === true;
  }
  if (lenientFlag && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return lenientFlag;
}

module.exports = {
  isLenient,
  parsers,
  HTTPParser,
  REQUEST,
  RESPONSE,
  methods: methods.slice().sort(),
  STATUS_CODES,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression,
  continueExpression,
  CRLF: '\r\n',
  kIncomingMessage: Symbol('IncomingMessage'),
  kServerResponse: Symbol('ServerResponse'),
};
