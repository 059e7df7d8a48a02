'use strict';
// Shared pieces of node:http2: error-code names, header list <-> header object mapping and the
// checks Node applies to outgoing headers, settings validation, and the sensitiveHeaders symbol.

const { codes } = require('internal/errors');

const sensitiveHeaders = Symbol('sensitiveHeaders');

const ERROR_NAMES = [
  'NGHTTP2_NO_ERROR', 'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_INTERNAL_ERROR',
  'NGHTTP2_FLOW_CONTROL_ERROR', 'NGHTTP2_SETTINGS_TIMEOUT', 'NGHTTP2_STREAM_CLOSED',
  'NGHTTP2_FRAME_SIZE_ERROR', 'NGHTTP2_REFUSED_STREAM', 'NGHTTP2_CANCEL',
  'NGHTTP2_COMPRESSION_ERROR', 'NGHTTP2_CONNECT_ERROR', 'NGHTTP2_ENHANCE_YOUR_CALM',
  'NGHTTP2_INADEQUATE_SECURITY', 'NGHTTP2_HTTP_1_1_REQUIRED',
];
function errorName(code) {
  return ERROR_NAMES[code] || code;
}

function makeError(code, Base, message) {
  const err = new Base(message);
  err.code = code;
  Object.defineProperty(err, 'name', {
    value: `${Base.name} [${code}]`, configurable: true, writable: true, enumerable: false,
  });
  // Like Node's errors: the name shows the code only in the stack.
  void err.stack;
  delete err.name;
  return err;
}
function streamError(code) {
  return makeError('ERR_HTTP2_STREAM_ERROR', Error, `Stream closed with error code ${errorName(code)}`);
}
// Unlike stream errors, Node reports a session's code as a number.
function sessionError(code) {
  return makeError('ERR_HTTP2_SESSION_ERROR', Error, `Session closed with error code ${code}`);
}
function err(code, ...args) {
  return new codes[code](...args);
}

const SINGLE_VALUE = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age', 'access-control-request-method',
  'age', 'authorization', 'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'dnt', 'etag',
  'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization',
  'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests', 'user-agent',
  'x-content-type-options',
]);
const PSEUDO = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol']);
const CONNECTION_HEADERS = new Set([
  'connection', 'upgrade', 'http2-settings', 'transfer-encoding', 'keep-alive',
  'proxy-connection',
]);
const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const invalidValueRe = /[^\t\x20-\x7e\x80-\xff]/;

function assertValidPseudoHeader(name) {
  if (!PSEUDO.has(name)) throw err('ERR_HTTP2_INVALID_PSEUDOHEADER', name);
}

// Header object -> [[name, value, neverIndex]], pseudo-headers first, with Node's checks.
function mapToHeaders(map, assertPseudo = assertValidPseudoHeader) {
  const pseudo = [];
  const regular = [];
  const sensitive = new Set();
  const sens = map[sensitiveHeaders];
  if (Array.isArray(sens)) for (const n of sens) sensitive.add(String(n).toLowerCase());
  const seen = new Set();
  for (const key of Object.keys(map)) {
    let value = map[key];
    if (value === undefined || key === '') continue;
    const name = key.toLowerCase();
    const isSingle = SINGLE_VALUE.has(name);
    if (Array.isArray(value)) {
      if (value.length < 2) {
        value = value[0];
        if (value === undefined) continue;
      } else if (isSingle) {
        throw err('ERR_HTTP2_HEADER_SINGLE_VALUE', name);
      }
    }
    if (isSingle) {
      if (seen.has(name)) throw err('ERR_HTTP2_HEADER_SINGLE_VALUE', name);
      seen.add(name);
    }
    if (name[0] === ':') {
      assertPseudo(name);
      pseudo.push([name, String(value), sensitive.has(name)]);
      continue;
    }
    if (!tokenRe.test(name)) throw err('ERR_INVALID_HTTP_TOKEN', 'Header name', name);
    if (CONNECTION_HEADERS.has(name) || (name === 'te' && String(value) !== 'trailers')) {
      throw err('ERR_HTTP2_INVALID_CONNECTION_HEADERS', name);
    }
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const str = String(v);
      // Short cookies are cheap to guess from a compression oracle: never index them.
      regular.push([name, str, sensitive.has(name) || (name === 'cookie' && str.length < 20)]);
    }
  }
  return pseudo.concat(regular);
}

// Received [[name, value, never]] -> header object (and the raw name/value list).
function toHeaderObject(list) {
  const obj = { __proto__: null };
  const raw = [];
  const sens = [];
  for (const [name, value, never] of list) {
    raw.push(name, value);
    if (never) sens.push(name);
    const existing = obj[name];
    if (existing === undefined) {
      if (name === ':status') obj[name] = Number(value);
      else if (name === 'set-cookie') obj[name] = [value];
      else obj[name] = value;
    } else if (SINGLE_VALUE.has(name)) {
      // Node keeps the first of a single-value header.
    } else if (name === 'set-cookie' || Array.isArray(existing)) {
      existing.push(value);
    } else if (name === 'cookie') {
      obj[name] = `${existing}; ${value}`;
    } else {
      obj[name] = `${existing}, ${value}`;
    }
  }
  obj[sensitiveHeaders] = sens;
  return { headers: obj, raw };
}

// Drops received regular fields whose value no HTTP message may carry (CR, LF, NUL...), as
// nghttp2 does; returns false when a pseudo-header is unusable (the stream is then refused).
const badPseudoValueRe = /[\x00-\x20\x7f]/;
function filterReceived(list) {
  const out = [];
  for (const h of list) {
    const [name, value] = h;
    if (name[0] === ':') {
      if (name !== ':authority' ? badPseudoValueRe.test(value) : invalidValueRe.test(value)) return null;
      if (name === ':path' && value === '') return null;
      out.push(h);
    } else if (!invalidValueRe.test(value) && tokenRe.test(name)) {
      out.push(h);
    }
  }
  return out;
}

// Validation of a received header block (RFC 9113 section 8.2/8.3); returns an error string.
function checkReceivedHeaders(list, isRequest, isTrailers) {
  let sawRegular = false;
  const seenPseudo = new Set();
  for (const [name] of list) {
    if (name === '' || name !== name.toLowerCase()) return 'bad name';
    if (name[0] === ':') {
      if (isTrailers || sawRegular || seenPseudo.has(name)) return 'bad pseudo';
      if (isRequest ? name === ':status' : name !== ':status') return 'bad pseudo';
      if (!PSEUDO.has(name)) return 'bad pseudo';
      seenPseudo.add(name);
    } else {
      sawRegular = true;
      if (CONNECTION_HEADERS.has(name)) return 'connection header';
    }
  }
  return null;
}

const SETTING_IDS = [
  ['headerTableSize', 1, 0, 2 ** 32 - 1],
  ['enablePush', 2, 'boolean'],
  ['maxConcurrentStreams', 3, 0, 2 ** 32 - 1],
  ['initialWindowSize', 4, 0, 2 ** 32 - 1],
  ['maxFrameSize', 5, 16384, 2 ** 24 - 1],
  ['maxHeaderListSize', 6, 0, 2 ** 32 - 1],
  ['enableConnectProtocol', 8, 'boolean'],
];

function validateSettings(settings) {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    throw err('ERR_INVALID_ARG_TYPE', 'settings', 'object', settings);
  }
  for (const [name, , min, max] of SETTING_IDS) {
    const value = settings[name];
    if (value === undefined) continue;
    if (min === 'boolean') {
      if (typeof value !== 'boolean') throw err('ERR_HTTP2_INVALID_SETTING_VALUE', name, value);
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, value, min, max);
    }
  }
  if (settings.maxHeaderSize !== undefined) {
    const v = settings.maxHeaderSize;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 32 - 1) {
      throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE.RangeError('maxHeaderSize', v, 0, 2 ** 32 - 1);
    }
  }
}

// Settings object -> SETTINGS payload entries [[id, value]].
function settingsEntries(settings) {
  const out = [];
  const s = { ...settings };
  if (s.maxHeaderSize !== undefined && s.maxHeaderListSize === undefined) s.maxHeaderListSize = s.maxHeaderSize;
  for (const [name, id, min] of SETTING_IDS) {
    const value = s[name];
    if (value === undefined) continue;
    out.push([id, min === 'boolean' ? Number(value) : value]);
  }
  if (s.customSettings && typeof s.customSettings === 'object') {
    for (const k of Object.keys(s.customSettings)) out.push([Number(k), s.customSettings[k]]);
  }
  return out;
}

function defaultSettings() {
  return {
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderListSize: 65535,
    maxHeaderSize: 65535,
    enableConnectProtocol: false,
  };
}

// ===== perf_hooks 'http2' entries =====

const perfUtils = require('internal/perf/utils');
let warnedAccessors = false;

/** Whether anyone observes 'http2' entries (the figures are kept either way; they are cheap). */
function observingHttp2() {
  return perfUtils.hasObserver('http2');
}

/**
 * Reports an 'http2' entry `name` (Http2Session or Http2Stream) begun at `start`. Node 20 also
 * offers each figure of `detail` as a property of the entry itself, deprecated (DEP0152).
 */
function enqueueHttp2Entry(name, start, detail) {
  const { createEntry, enqueue } = require('internal/perf/observe');
  const entry = createEntry(name, 'http2', start, perfUtils.now() - start, detail);
  for (const key of Object.keys(detail)) {
    Object.defineProperty(entry, key, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() {
        if (!warnedAccessors) {
          warnedAccessors = true;
          process.emitWarning('Custom PerformanceEntry accessors are deprecated. ' +
            'Please use the detail property.', 'DeprecationWarning', 'DEP0152');
        }
        return detail[key];
      },
    });
  }
  enqueue(entry);
}

module.exports = {
  observingHttp2, enqueueHttp2Entry, perfNow: perfUtils.now,
  sensitiveHeaders, ERROR_NAMES, errorName, makeError, streamError, sessionError, err,
  SINGLE_VALUE, PSEUDO, mapToHeaders, toHeaderObject, checkReceivedHeaders,
  assertValidPseudoHeader, filterReceived, SETTING_IDS, validateSettings, settingsEntries, defaultSettings,
};
