'use strict';
// node:url — the WHATWG URL API (internal/url) plus Node's legacy url.parse/format/resolve.

const {
  URL, URLSearchParams, domainToASCII, domainToUnicode, fileURLToPath, pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const { codes } = require('internal/errors');

// ===== legacy API =====

// Protocols that never have a host, and those that always do.
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

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

// Characters the legacy parser percent-escapes in the path, query and hash.
const autoEscape = { ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C',
  '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D', '\t': '%09', '\n': '%0A', '\r': '%0D' };

function escapeLegacy(text) {
  let out = '';
  for (const ch of text) out += autoEscape[ch] || ch;
  return out;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
  }
  let rest = url.trim();
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = escapeLegacy(rest.slice(hashAt));
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    this.search = escapeLegacy(rest.slice(queryAt));
    this.query = this.search.slice(1);
    rest = rest.slice(0, queryAt);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  if (parseQueryString && typeof this.query === 'string') {
    this.query = require('querystring').parse(this.query);
  }
  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (proto) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }
  let slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(lowerProto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (lowerProto && !slashedProtocol.has(lowerProto)))) {
    let hostEnd = rest.search(/[/\\]/);
    if (hostEnd === -1) hostEnd = rest.length;
    const at = rest.lastIndexOf('@', hostEnd);
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      rest = rest.slice(at + 1);
      hostEnd -= at + 1;
    }
    let host = rest.slice(0, hostEnd);
    rest = rest.slice(hostEnd);
    const port = /:([0-9]*)$/.exec(host);
    if (port) {
      if (port[1] !== '') this.port = port[1];
      host = host.slice(0, host.length - port[0].length);
    }
    this.hostname = host.toLowerCase();
    if (this.hostname.startsWith('[') && this.hostname.endsWith(']')) {
      this.hostname = this.hostname.slice(1, -1);
      this.host = `[${this.hostname}]${this.port ? `:${this.port}` : ''}`;
    } else {
      this.host = `${this.hostname}${this.port ? `:${this.port}` : ''}`;
    }
  }
  rest = escapeLegacy(rest);
  if (rest !== '') this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = `${this.pathname || ''}${this.search || ''}`;
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ':')}@`;
  let protocol = this.protocol || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') ? `[${this.hostname}]` : this.hostname) +
      (this.port ? `:${this.port}` : '');
  }
  let search = this.search || '';
  if (!search && this.query && typeof this.query === 'object' && Object.keys(this.query).length) {
    search = `?${require('querystring').stringify(this.query)}`;
  }
  if (this.slashes || (slashedProtocol.has(protocol) && host !== '') ||
      (slashedProtocol.has(protocol) && protocol === 'file:')) {
    host = `//${host}`;
    if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
  }
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  return protocol + host + pathname + search + hash;
};

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

function urlResolve(from, to) {
  // Resolve against a placeholder scheme so that relative bases keep working.
  const resolved = new URL(to, new URL(from, 'resolve://'));
  if (resolved.protocol === 'resolve:') {
    const { pathname, search, hash } = resolved;
    return pathname + search + hash;
  }
  return resolved.toString();
}

function urlResolveObject(from, to) {
  return urlParse(urlResolve(from, to));
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
