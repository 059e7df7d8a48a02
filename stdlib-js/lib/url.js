'use strict';
// node:url - the WHATWG URL API (internal/url) plus Node's legacy url.parse/format/resolve.

const {
  URL, URLSearchParams, domainToASCII, domainToUnicode, fileURLToPath, pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const { codes } = require('internal/errors');

// ===== legacy API =====
// Node's pre-WHATWG parser, kept for url.parse/format/resolve: lenient, and with its own rules
// for which part is the host. Written from the documented behaviour and Node's test tables.

// Protocols that never have a host, and those that always do.
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
// Protocols whose path is left exactly as written.
const unsafeProtocol = new Set(['javascript', 'javascript:']);

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// Characters the legacy parser percent-escapes after the host.
const autoEscape = { ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C',
  '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D', '\t': '%09', '\n': '%0A', '\r': '%0D' };
const autoEscapeChars = /[ "'<>\\^`{|}\t\n\r]/g;

function escapeLegacy(text) {
  return text.replace(autoEscapeChars, (ch) => autoEscape[ch]);
}

// Leading and trailing characters url.parse() ignores: controls, space, NBSP and BOM.
function isTrimmed(code) {
  return code < 33 || code === 0xa0 || code === 0xfeff;
}

/**
 * `url` trimmed, with backslashes before the first "?" or "#" turned into slashes; also
 * whether it has a "#" and an "@" (which rule out the fast path for plain paths).
 */
function normalizeInput(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmed(url.charCodeAt(start))) start++;
  while (end > start && isTrimmed(url.charCodeAt(end - 1))) end--;
  let text = url.slice(start, end);
  const split = text.search(/[?#]/);
  const head = split === -1 ? text : text.slice(0, split);
  if (head.includes('\\')) text = head.replace(/\\/g, '/') + (split === -1 ? '' : text.slice(split));
  return { text, hasHash: text.includes('#'), hasAt: head.includes('@') };
}

const simplePath = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const protocolPattern = /^[a-z0-9.+-]+:/i;
const authHostPattern = /^\/\/[^@/]+@[^@/]+/;
// Characters that can never be part of a hostname, and those that end it.
const notHostChars = new Set([9, 10, 13, 32, 34, 37, 39, 59, 60, 62, 92, 94, 96, 123, 124, 125]);
const hostEndChars = new Set([35, 47, 63]);
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@\\^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;
const hostnameMaxLen = 255;

function setQuery(url, query, parseQueryString) {
  url.query = parseQueryString ? require('querystring').parse(query) : query;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
  }
  const { text, hasHash, hasAt } = normalizeInput(url);
  let rest = text;

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const m = simplePath.exec(rest);
    if (m !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = m[1];
      if (m[2]) {
        this.search = m[2];
        setQuery(this, m[2].slice(1), parseQueryString);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  const proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto !== null) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }

  let slashes = false;
  if (slashesDenoteHost || proto !== null || authHostPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto !== null && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto !== null && !slashedProtocol.has(proto[0])))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!unsafeProtocol.has(lowerProto)) rest = escapeLegacy(rest);

  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) this.hash = rest.slice(hashAt);
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt !== -1) {
    this.search = beforeHash.slice(queryAt);
    setQuery(this, beforeHash.slice(queryAt + 1), parseQueryString);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  const pathEnd = queryAt !== -1 ? queryAt : hashAt;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

/**
 * Takes auth, host and port off the front of `rest` (just after "//") and returns what
 * follows. The host ends at the first "/", "?" or "#"; characters that cannot be in a host
 * end it too unless an "@" comes later (they then belong to the auth).
 */
let invalidPortWarned = false;

function parseAuthority(self, rest, input) {
  let hostEnd = -1;
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length && hostEnd === -1; i++) {
    const code = rest.charCodeAt(i);
    if (notHostChars.has(code)) {
      if (nonHost === -1) nonHost = i;
    } else if (hostEndChars.has(code)) {
      if (nonHost === -1) nonHost = i;
      hostEnd = i;
    } else if (code === 64 /* @ */) {
      atSign = i;
      nonHost = -1;
    }
  }
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(rest.slice(0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = rest.slice(start);
    rest = '';
  } else {
    self.host = rest.slice(start, nonHost);
    rest = rest.slice(nonHost);
  }
  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';
  const ipv6 = self.hostname.startsWith('[') && self.hostname.endsWith(']');
  if (!ipv6) {
    // A "/", "\", "#", "?" or ":" left in the hostname starts the path instead.
    const bad = self.hostname.search(/[/\\#?:]/);
    if (bad !== -1 && self.hostname[bad] === ':' && !invalidPortWarned) {
      // A port that is not a number: accepted (the rest becomes the path) but deprecated.
      invalidPortWarned = true;
      process.emitWarning(`The URL ${input} is invalid. Future versions of Node.js will throw an error.`,
        'DeprecationWarning', 'DEP0170');
    }
    if (bad !== -1) {
      rest = `/${self.hostname.slice(bad)}${rest}`;
      self.hostname = self.hostname.slice(0, bad);
    }
  }
  self.hostname = self.hostname.length > hostnameMaxLen ? '' : self.hostname.toLowerCase();
  if (self.hostname !== '') {
    if (ipv6) {
      if (forbiddenHostCharsIpv6.test(self.hostname)) throw new codes.ERR_INVALID_URL(input);
    } else {
      self.hostname = domainToASCII(self.hostname);
      if (self.hostname === '' || forbiddenHostChars.test(self.hostname)) {
        throw new codes.ERR_INVALID_URL(input);
      }
    }
  }
  self.host = self.hostname + (self.port ? `:${self.port}` : '');
  if (ipv6) {
    self.hostname = self.hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  return rest;
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = /:[0-9]*$/.exec(host);
  if (port !== null) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/gi, ':')}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const h = this.hostname;
    host = auth + (h.includes(':') && !(h.startsWith('[') && h.endsWith(']')) ? `[${h}]` : h);
    if (this.port) host += `:${this.port}`;
  }
  let query = '';
  if (this.query !== null && typeof this.query === 'object') {
    query = require('querystring').stringify(this.query);
  }
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[#?]/g, (ch) => (ch === '#' ? '%23' : '%3F'));
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function copyFields(target, source, except) {
  for (const key of Object.keys(source)) {
    if (key !== except) target[key] = source[key];
  }
}

function setPath(url) {
  if (url.pathname || url.search) url.path = (url.pathname || '') + (url.search || '');
}

/** Resolves `relative` against this URL, the way a browser resolves a link. */
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyFields(result, this);
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // "//host/path": everything but the protocol comes from the relative URL.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    return resolveOtherProtocol(result, relative);
  }

  const isSourceAbs = Boolean(result.pathname && result.pathname[0] === '/');
  const isRelAbs = Boolean(relative.host || (relative.pathname && relative.pathname[0] === '/'));
  let mustEndAbs = Boolean(isRelAbs || isSourceAbs || (result.host && relative.pathname));
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  // For protocols without "//" (mailto:, ...), the host is the first path segment, so "../"
  // can climb into it.
  const hostInPath = Boolean(result.protocol && !slashedProtocol.has(result.protocol));
  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length > 0) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (hostInPath) takeHostFromPath(result, srcPath.shift());
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    result.href = result.format();
    return result;
  }

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // A path ending in "." or ".." (or "") resolves to a directory: it keeps a trailing slash.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '';

  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up > 0) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    for (; up > 0; up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) {
    srcPath.unshift('');
  }
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');

  const isAbsolute = srcPath[0] === '' || Boolean(srcPath[0] && srcPath[0][0] === '/');
  if (hostInPath) {
    takeHostFromPath(result, isAbsolute ? '' : srcPath.length > 0 ? srcPath.shift() : '');
  }
  mustEndAbs = mustEndAbs || Boolean(result.host && srcPath.length > 0);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

/** Host (and any "user@" stuck in it) of a protocol without "//", taken from the path. */
function takeHostFromPath(result, host) {
  result.hostname = result.host = host;
  const at = typeof host === 'string' ? host.indexOf('@') : -1;
  if (at > 0) {
    const parts = host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

/** resolveObject() when the relative URL names a different protocol. */
function resolveOtherProtocol(result, relative) {
  if (!slashedProtocol.has(relative.protocol)) {
    copyFields(result, relative);
    result.href = result.format();
    return result;
  }
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) &&
      !hostlessProtocol.has(relative.protocol)) {
    // "http:foo/bar" against another protocol: the first segment is the host.
    const relPath = (relative.pathname || '').split('/');
    while (relPath.length > 0 && !(relative.host = relPath.shift()));
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (relPath[0] !== '') relPath.unshift('');
    if (relPath.length < 2) relPath.unshift('');
    result.pathname = relPath.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  setPath(result);
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (urlObject instanceof URL) {
    const { auth = true, fragment = true, search = true, unicode = false } = options || {};
    let out = `${urlObject.protocol}`;
    if (urlObject.host !== '' || urlObject.protocol === 'file:') out += '//';
    if (auth && (urlObject.username || urlObject.password)) {
      out += urlObject.username;
      if (urlObject.password) out += `:${urlObject.password}`;
      out += '@';
    }
    out += unicode ? domainToUnicode(urlObject.hostname) + (urlObject.port ? `:${urlObject.port}` : '')
      : urlObject.host;
    out += urlObject.pathname;
    if (search) out += urlObject.search;
    if (fragment) out += urlObject.hash;
    return out;
  } else if (urlObject === null || typeof urlObject !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = {
  URL,
  URLSearchParams,
  Url,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  format: urlFormat,
  parse: urlParse,
  pathToFileURL,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  urlToHttpOptions,
};
