'use strict';
// internal/http/head: a byte-by-byte reading of an HTTP/1.x message head, the slow path next to
// binding.http (httparse). httparse is fast but differs from llhttp (Node's parser; its v20.11
// messages, which Node's tests check) at the edges: it accepts bare LF line ends and any method
// token, refuses HTTP/0.9 and HTTP/2.0 version numbers, knows no lenient mode, and reports every
// error alike. internal/http/parser calls this only when httparse fails or its result needs a
// second look, so the common case stays native.
//
// parseHead(bytes, kind, lenient) returns 0 when the head is incomplete, an array shaped like the
// native result (`[consumed, method, url, minor, ...]` / `[consumed, minor, status, reason, ...]`,
// with a `major` property), or `{ code, reason, at }` naming the first byte llhttp would refuse.

const REQUEST = 1;

const CR = 13;
const LF = 10;
const SP = 32;
const HT = 9;

// tchar (RFC 9110 section 5.6.2).
const tokenChars = new Uint8Array(256);
for (const c of '!#$%&\'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  tokenChars[c.charCodeAt(0)] = 1;
}

// The methods llhttp accepts on an HTTP/1.x request line.
const knownMethods = new Set([
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK',
  'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH',
  'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
]);

function fail(code, reason, at) {
  return { code, reason, at };
}

function isDigit(c) {
  return c >= 48 && c <= 57;
}

function latin1(buf, start, end) {
  return buf.latin1Slice ? buf.latin1Slice(start, end) : buf.toString('latin1', start, end);
}

// "HTTP/x.y" at `i`: returns [major, minor, next] or an error.
function readVersion(buf, i) {
  const n = buf.length;
  const lit = 'HTTP/';
  for (let k = 0; k < lit.length; k++) {
    if (i + k >= n) return null;
    if (buf[i + k] !== lit.charCodeAt(k)) return fail('HPE_INVALID_CONSTANT', 'Expected HTTP/', i + k);
  }
  i += lit.length;
  if (i + 3 > n) return null;
  if (!isDigit(buf[i]) || buf[i + 1] !== 46 || !isDigit(buf[i + 2])) {
    return fail('HPE_INVALID_VERSION', 'Invalid HTTP version', i);
  }
  const major = buf[i] - 48;
  const minor = buf[i + 2] - 48;
  const ok = (major === 1 && minor <= 1) || (major === 0 && minor === 9) || (major === 2 && minor === 0);
  if (!ok) return fail('HPE_INVALID_VERSION', 'Invalid HTTP version', i);
  return [major, minor, i + 3];
}

// Every prefix of a method llhttp knows (RTSP's too: its error offsets count them), and each
// HTTP method followed by its space.
const methodPrefixes = new Set();
for (const m of [...knownMethods, 'DESCRIBE', 'ANNOUNCE', 'SETUP', 'PLAY', 'PAUSE', 'TEARDOWN',
  'GET_PARAMETER', 'SET_PARAMETER', 'REDIRECT', 'RECORD', 'FLUSH', 'PRI']) {
  for (let k = 1; k <= m.length; k++) methodPrefixes.add(m.slice(0, k));
  if (knownMethods.has(m)) methodPrefixes.add(m + ' ');
}

/**
 * The error llhttp reports for a request that starts with no known method (at the first byte
 * no method continues with), or null while the bytes so far can still begin one. It lets junk
 * on a connection be refused before the rest of its head arrives.
 */
function methodPrefixError(buf) {
  const n = Math.min(buf.length, 15);
  let k = 0;
  while (k < n && methodPrefixes.has(latin1(buf, 0, k + 1))) {
    if (buf[k] === SP) return null;
    k++;
  }
  if (k === buf.length) return null;
  return fail('HPE_INVALID_METHOD', 'Invalid method encountered', k);
}

function parseHead(buf, kind, lenient) {
  const n = buf.length;
  let i = 0;
  let out;
  let major;
  if (kind === REQUEST) {
    while (i < n && tokenChars[buf[i]]) i++;
    if (i >= n) return methodPrefixError(buf) || 0;
    if (buf[i] !== SP || i === 0) {
      return methodPrefixError(buf) || fail('HPE_INVALID_METHOD', 'Invalid method encountered', i);
    }
    const method = latin1(buf, 0, i);
    if (!knownMethods.has(method)) return methodPrefixError(buf);
    while (i < n && buf[i] === SP) i++;
    const urlStart = i;
    while (i < n && buf[i] !== SP && buf[i] !== CR && buf[i] !== LF) {
      const c = buf[i];
      if ((c < 0x21 && c !== HT) || c === 0x7f) {
        return fail('HPE_INVALID_URL', 'Invalid char in url path', i);
      }
      i++;
    }
    if (i >= n) return 0;
    if (buf[i] !== SP || i === urlStart) return fail('HPE_INVALID_CONSTANT', 'Expected HTTP/', i);
    const url = latin1(buf, urlStart, i);
    i++;
    const v = readVersion(buf, i);
    if (v === null) return 0;
    if (!Array.isArray(v)) return v;
    major = v[0];
    i = v[2];
    if (i >= n) return 0;
    if (buf[i] === CR) {
      if (i + 1 >= n) return 0;
      if (buf[i + 1] !== LF) return fail('HPE_LF_EXPECTED', 'Missing expected LF after request line', i + 1);
      i += 2;
    } else if (buf[i] === LF && lenient) {
      i += 1;
    } else {
      return fail('HPE_INVALID_VERSION', 'Expected CRLF after version', i);
    }
    out = [0, method, url, v[1]];
  } else {
    const v = readVersion(buf, 0);
    if (v === null) return 0;
    if (!Array.isArray(v)) return v;
    major = v[0];
    i = v[2];
    if (i >= n) return 0;
    if (buf[i] !== SP) return fail('HPE_INVALID_VERSION', 'Expected space after version', i);
    i++;
    const statusStart = i;
    while (i < n && isDigit(buf[i])) i++;
    if (i >= n) return 0;
    if (i - statusStart < 3) return fail('HPE_INVALID_STATUS', 'Invalid status code', i);
    if (i - statusStart > 3) return fail('HPE_INVALID_STATUS', 'Invalid response status', i);
    const status = Number(latin1(buf, statusStart, i));
    let reason = '';
    if (buf[i] === SP) {
      i++;
      const reasonStart = i;
      while (i < n && buf[i] !== CR && buf[i] !== LF) i++;
      if (i >= n) return 0;
      reason = latin1(buf, reasonStart, i);
    }
    if (buf[i] === CR) {
      if (i + 1 >= n) return 0;
      if (buf[i + 1] !== LF) return fail('HPE_LF_EXPECTED', 'Missing expected LF after response line', i + 1);
      i += 2;
    } else if (buf[i] === LF) {
      if (!lenient) return fail('HPE_CR_EXPECTED', 'Missing expected CR after response line', i);
      i += 1;
    } else {
      return fail('HPE_INVALID_STATUS', 'Invalid response status', i);
    }
    out = [0, v[1], status, reason];
  }

  // Header lines up to the blank line.
  for (;;) {
    if (i >= n) return 0;
    const c = buf[i];
    if (c === CR) {
      if (i + 1 >= n) return 0;
      if (buf[i + 1] !== LF) return fail('HPE_STRICT', 'Expected LF after headers', i + 1);
      i += 2;
      break;
    }
    if (c === LF) {
      if (!lenient) return fail('HPE_STRICT', 'Expected LF after headers', i);
      i += 1;
      break;
    }
    if (c === SP || c === HT) {
      return fail('HPE_INVALID_HEADER_TOKEN', 'Unexpected whitespace after header value', i);
    }
    const nameStart = i;
    while (i < n && tokenChars[buf[i]]) i++;
    if (i >= n) return 0;
    if (buf[i] !== 58 || i === nameStart) return fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header token', i);
    const name = latin1(buf, nameStart, i);
    i++;
    while (i < n && (buf[i] === SP || buf[i] === HT)) i++;
    const valueStart = i;
    let valueEnd = i;
    while (i < n && buf[i] !== CR && buf[i] !== LF) {
      const b = buf[i];
      if (b !== SP && b !== HT) {
        if (!lenient && (b < 0x20 || b === 0x7f)) {
          return fail('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char', i);
        }
        valueEnd = i + 1;
      }
      i++;
    }
    if (i >= n) return 0;
    if (buf[i] === CR) {
      if (i + 1 >= n) return 0;
      if (buf[i + 1] !== LF) return fail('HPE_LF_EXPECTED', 'Missing expected LF after header value', i + 1);
      i += 2;
    } else {
      if (!lenient) return fail('HPE_CR_EXPECTED', 'Missing expected CR after header value', i);
      i += 1;
    }
    out.push(name, latin1(buf, valueStart, valueEnd));
  }
  out[0] = i;
  out.major = major;
  return out;
}

module.exports = { parseHead, methodPrefixError };
