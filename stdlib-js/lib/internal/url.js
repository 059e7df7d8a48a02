'use strict';
// WHATWG URL and URLSearchParams. Parsing and setters run in Rust on the `url` crate
// (bindings/src/url.rs returns the parts); this file holds the parts, the live link between a
// URL and its searchParams, form-urlencoded handling and Node's inspect output.

const { codes } = require('internal/errors');

const native = binding.url;

// Layout of a URL's parts array: href, origin (blob: only, filled on first use), then the
// boundaries of each component inside href, which binding.url leaves in `native.bounds`
// after each parse/update.
const HREF = 0, BLOB_ORIGIN = 1, AFTER_SCHEME = 2, BEFORE_USERNAME = 3, AFTER_USERNAME = 4,
  BEFORE_PASSWORD = 5, AFTER_PASSWORD = 6, BEFORE_HOST = 7, AFTER_HOST = 8, BEFORE_PORT = 9,
  AFTER_PORT = 10, BEFORE_PATH = 11, AFTER_PATH = 12, BEFORE_QUERY = 13, AFTER_QUERY = 14,
  BEFORE_FRAGMENT = 15, AFTER_FRAGMENT = 16;

const bounds = native.bounds;

/** The parts array for `href` as just returned by native.parse/update, or undefined. */
function partsOf(href) {
  if (href === undefined) return undefined;
  const b = bounds;
  return [href, undefined, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
    b[11], b[12], b[13], b[14]];
}

// Fast path: an absolute http(s)/ws(s)/ftp URL already in the form the URL Standard would
// serialize it (lowercase scheme and ASCII host, no credentials, no default or zero-padded
// port, no dot segments, nothing that would be percent-encoded) parses to itself, so its
// parts can be read off with one regular expression. Anything else goes to the url crate.
const canonicalURL = /^(https?|wss?|ftp):\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?::([1-9]\d{0,4}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?(#[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?$/;
const dotSegment = /\/(?:\.|%2e){1,2}(?:\/|$)/i;
const defaultPorts = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

function fastParts(input) {
  const m = canonicalURL.exec(input);
  if (m === null) return undefined;
  const [, scheme, host, port, path, query, fragment] = m;
  if (host.includes('xn--') || dotSegment.test(path)) return undefined;
  if (port !== undefined && (port === defaultPorts[scheme] || +port > 65535)) return undefined;
  const afterScheme = scheme.length;
  const beforeHost = afterScheme + 3;
  const afterHost = beforeHost + host.length;
  const beforePort = port === undefined ? afterHost : afterHost + 1;
  const afterPort = port === undefined ? afterHost : beforePort + port.length;
  const afterPath = afterPort + path.length;
  const beforeQuery = query === undefined ? afterPath : afterPath + 1;
  const afterQuery = query === undefined ? afterPath : afterPath + query.length;
  const beforeFragment = fragment === undefined ? afterQuery : afterQuery + 1;
  const afterFragment = fragment === undefined ? afterQuery : afterQuery + fragment.length;
  return [input, undefined, afterScheme, beforeHost, beforeHost, beforeHost, beforeHost, beforeHost,
    afterHost, beforePort, afterPort, afterPort, afterPath, beforeQuery, afterQuery,
    beforeFragment, afterFragment];
}

function parseParts(input, base) {
  if (base === undefined && input.length < 2048) {
    const parts = fastParts(input);
    if (parts !== undefined) return parts;
  }
  return partsOf(native.parse(input, base));
}
const updateParts = (href, field, value) => partsOf(native.update(href, field, value));

function slice(parts, from, to) {
  return parts[HREF].slice(parts[from], parts[to]);
}

const specialOrigins = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

function invalidUrl(input, base) {
  const err = new codes.ERR_INVALID_URL(input, base);
  return err;
}

// The parts live in a private field, as in Node: a getter called on anything but a URL throws
// V8's "Cannot read private member" TypeError. Module code reaches them through these two.
let getParts, setParts, getParams;
const kParsed = Symbol('parsed');

// blob:nodedata:<id> -> the Blob URL.createObjectURL registered under it.
const objectURLs = new Map();

/** The id of a blob:nodedata:<id> URL, or undefined for anything else. */
function objectURLId(url) {
  const parsed = URL.parse(`${url}`);
  if (parsed === null || parsed.protocol !== 'blob:') return undefined;
  const split = parsed.pathname.split(':');
  if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
  return split[1];
}

/** buffer.resolveObjectURL: a Blob with the registered one's bytes and type, or undefined. */
function resolveObjectURL(url) {
  const id = objectURLId(url);
  const blob = id === undefined ? undefined : objectURLs.get(id);
  if (blob === undefined) return undefined;
  return blob.slice(0, blob.size, blob.type);
}

class URL {
  #parts;
  #searchParams = undefined;

  static {
    getParts = (url) => url.#parts;
    setParts = (url, parts) => { url.#parts = parts; };
    getParams = (url) => url.#searchParams;
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    if (input === kParsed) {
      // URL.parse() hands over parts it has already checked.
      this.#parts = base;
      return;
    }
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const parts = parseParts(input, base);
    if (parts === undefined) throw invalidUrl(input, base);
    this.#parts = parts;
  }

  /** Registers `obj` (a Blob) under a new blob:nodedata: URL (buffer.resolveObjectURL reads it). */
  static createObjectURL(obj) {
    const { isBlob } = require('internal/buffer/blob');
    if (!isBlob(obj)) throw new codes.ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = require('crypto').randomUUID();
    objectURLs.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    const id = objectURLId(url);
    if (id !== undefined) objectURLs.delete(id);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    return native.parse(`${input}`, base === undefined ? undefined : `${base}`) !== undefined;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    const parts = parseParts(`${input}`, base === undefined ? undefined : `${base}`);
    if (parts === undefined) return null;
    return new URL(kParsed, parts);
  }

  get href() { return this.#parts[HREF]; }
  set href(value) {
    const parts = updateParts(this.#parts[HREF], 'href', `${value}`);
    if (parts === undefined) throw invalidUrl(`${value}`);
    this.#parts = parts;
    syncParams(this);
  }
  get origin() {
    const parts = this.#parts;
    const protocol = this.protocol;
    if (protocol === 'blob:') {
      if (parts[BLOB_ORIGIN] === undefined) parts[BLOB_ORIGIN] = native.blobOrigin(parts[HREF]);
      return parts[BLOB_ORIGIN];
    }
    return specialOrigins.has(protocol) ? `${protocol}//${this.host}` : 'null';
  }
  get protocol() { return this.#parts[HREF].slice(0, this.#parts[AFTER_SCHEME] + 1); }
  set protocol(v) { update(this, 'protocol', v); }
  get username() { return slice(this.#parts, BEFORE_USERNAME, AFTER_USERNAME); }
  set username(v) { update(this, 'username', v); }
  get password() { return slice(this.#parts, BEFORE_PASSWORD, AFTER_PASSWORD); }
  set password(v) { update(this, 'password', v); }
  get host() { return slice(this.#parts, BEFORE_HOST, AFTER_PORT); }
  set host(v) { update(this, 'host', v); }
  get hostname() { return slice(this.#parts, BEFORE_HOST, AFTER_HOST); }
  set hostname(v) { update(this, 'hostname', v); }
  get port() { return slice(this.#parts, BEFORE_PORT, AFTER_PORT); }
  set port(v) { update(this, 'port', v); }
  get pathname() { return slice(this.#parts, BEFORE_PATH, AFTER_PATH); }
  set pathname(v) { update(this, 'pathname', v); }
  get search() {
    const query = slice(this.#parts, BEFORE_QUERY, AFTER_QUERY);
    return query === '' ? '' : `?${query}`;
  }
  set search(v) {
    update(this, 'search', v);
    syncParams(this);
  }
  get searchParams() {
    if (this.#searchParams === undefined) {
      const params = new URLSearchParams(this.search);
      linkUrl(params, this);
      this.#searchParams = params;
    }
    return this.#searchParams;
  }
  get hash() {
    const fragment = slice(this.#parts, BEFORE_FRAGMENT, AFTER_FRAGMENT);
    return fragment === '' ? '' : `#${fragment}`;
  }
  set hash(v) { update(this, 'hash', v); }

  toString() { return this.#parts[HREF]; }
  toJSON() { return this.#parts[HREF]; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    return `${this.constructor.name} ${inspect(obj, options)}`;
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
  'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, name, {
    ...Object.getOwnPropertyDescriptor(URL.prototype, name), enumerable: true,
  });
}

function update(url, field, value) {
  const parts = updateParts(getParts(url)[HREF], field, `${value}`);
  if (parts !== undefined) setParts(url, parts);
}

function syncParams(url) {
  const params = getParams(url);
  if (params !== undefined) setList(params, parseForm(url.search));
}

// ===== application/x-www-form-urlencoded =====

const encoder = new (require('internal/encoding').TextEncoder)();
const decoder = new (require('internal/encoding').TextDecoder)();

function percentDecode(text) {
  if (!text.includes('%')) return text;
  const bytes = encoder.encode(text);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length + 0 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return decoder.decode(out.subarray(0, n));
}

function isHex(b) {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function parseForm(input) {
  if (input.startsWith('?')) input = input.slice(1);
  const list = [];
  for (const piece of input.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    list.push([percentDecode(name.replace(/\+/g, ' ')), percentDecode(value.replace(/\+/g, ' '))]);
  }
  return list;
}

const formSafe = /[A-Za-z0-9*\-._]/;

function serializeFormComponent(text) {
  let out = '';
  for (const ch of text.toWellFormed()) {
    if (ch === ' ') out += '+';
    else if (formSafe.test(ch)) out += ch;
    else for (const b of encoder.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function serializeForm(list) {
  return list.map(([k, v]) => `${serializeFormComponent(k)}=${serializeFormComponent(v)}`).join('&');
}

// The list and the owning URL are private, as in Node: every method first checks its receiver
// (ERR_INVALID_THIS), before looking at its arguments.
let getList, setList, linkUrl, isParams;

function checkThis(self) {
  if (self === null || typeof self !== 'object' || !isParams(self)) {
    throw new codes.ERR_INVALID_THIS('URLSearchParams');
  }
}

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    getList = (params) => params.#list;
    setList = (params, list) => { params.#list = list; };
    linkUrl = (params, url) => { params.#url = url; };
    isParams = (value) => #list in value;
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push([`${items[0]}`.toWellFormed(), `${items[1]}`.toWellFormed()]);
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string' || !Object.prototype.propertyIsEnumerable.call(init, key)) continue;
          this.#list.push([key.toWellFormed(), `${init[key]}`.toWellFormed()]);
        }
      }
    } else {
      this.#list = parseForm(`${init}`);
    }
  }

  get size() {
    checkThis(this);
    return this.#list.length;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    this.#list.push([`${name}`.toWellFormed(), `${value}`.toWellFormed()]);
    this.#commit();
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (value !== undefined) value = `${value}`;
    this.#list = this.#list.filter(([k, v]) => !(k === name && (value === undefined || v === value)));
    this.#commit();
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    const found = this.#list.find(([k]) => k === name);
    return found === undefined ? null : found[1];
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    return this.#list.filter(([k]) => k === name).map(([, v]) => v);
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (value !== undefined) value = `${value}`;
    return this.#list.some(([k, v]) => k === name && (value === undefined || v === value));
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    name = `${name}`.toWellFormed();
    value = `${value}`.toWellFormed();
    const i = this.#list.findIndex(([k]) => k === name);
    if (i < 0) {
      this.#list.push([name, value]);
    } else {
      this.#list[i][1] = value;
      this.#list = this.#list.filter(([k], j) => j <= i || k !== name);
    }
    this.#commit();
  }

  sort() {
    checkThis(this);
    // Stable sort by name in UTF-16 code units, as the standard says.
    this.#list = this.#list
      .map((pair, i) => [pair, i])
      .sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j))
      .map(([pair]) => pair);
    this.#commit();
  }

  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    // Live: pairs added by the callback are visited too.
    for (let i = 0; i < this.#list.length; i++) {
      const [k, v] = this.#list[i];
      callback.call(thisArg, v, k, this);
    }
  }

  entries() {
    checkThis(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  keys() {
    checkThis(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    checkThis(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    checkThis(this);
    return serializeForm(this.#list);
  }

  /** After a change to the params, the owning URL's query follows (an empty one is dropped). */
  #commit() {
    const url = this.#url;
    if (url === null) return;
    const query = serializeForm(this.#list);
    const parts = getParts(url);
    setParts(url, updateParts(parts[HREF], 'search', query === '' ? '' : `?${query}`) || parts);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    checkThis(this);
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const list = this.#list;
    if (list.length === 0) return 'URLSearchParams {}';
    const inner = list.map(([k, v]) => `${inspect(k, options)} => ${inspect(v, options)}`);
    return wrapEntries('URLSearchParams', inner, options);
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', configurable: true,
});
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort', 'forEach',
  'entries', 'keys', 'values', 'toString']) {
  Object.defineProperty(URLSearchParams.prototype, name, {
    ...Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name), enumerable: true,
  });
}

function wrapEntries(prefix, inner, options) {
  const oneLine = `${prefix} { ${inner.join(', ')} }`;
  const width = options.breakLength === undefined ? 80 : options.breakLength;
  if (oneLine.length <= width) return oneLine;
  return `${prefix} {\n  ${inner.join(',\n  ')} }`;
}

// Iterates the live list by index, so pairs added or removed meanwhile are seen.
class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  next() {
    if (this === null || typeof this !== 'object' || !(#params in this)) {
      throw new codes.ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getList(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const [k, v] = list[this.#index++];
    const value = this.#kind === 'key' ? k : this.#kind === 'value' ? v : [k, v];
    return { value, done: false };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#params in this)) {
      throw new codes.ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const rest = getList(this.#params).slice(this.#index);
    const kind = this.#kind;
    const inner = rest.map(([k, v]) =>
      inspect(kind === 'key' ? k : kind === 'value' ? v : [k, v], options));
    if (inner.length === 0) return 'URLSearchParams Iterator {  }';
    return wrapEntries('URLSearchParams Iterator', inner, options);
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype,
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperty(URLSearchParamsIterator.prototype, 'next', { enumerable: true });
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator', configurable: true,
});

// ===== file URLs =====

const keepInPath = /[A-Za-z0-9\-._!$&'()*+,;=:@/]/;

function pathToFileURL(filepath, options = undefined) {
  if (typeof filepath !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  }
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  let href = 'file://';
  for (const ch of resolved) {
    if (keepInPath.test(ch)) href += ch;
    else for (const b of encoder.encode(ch)) href += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return new URL(href);
}

function fileURLToPath(input, options = undefined) {
  let url = input;
  if (typeof input === 'string') {
    url = new URL(input);
  } else if (!(input instanceof URL) &&
             (input === null || typeof input !== 'object' || typeof input.href !== 'string')) {
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], input);
  }
  if (url.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '') {
    const err = new TypeError('File URL host must be "localhost" or empty on linux');
    err.code = 'ERR_INVALID_FILE_URL_HOST';
    throw err;
  }
  const pathname = url.pathname;
  for (let i = 0; i + 2 < pathname.length; i++) {
    if (pathname[i] === '%' && pathname[i + 1] === '2' && (pathname[i + 2] === 'f' || pathname[i + 2] === 'F')) {
      throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  return native.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  return native.domainToUnicode(`${domain}`);
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  resolveObjectURL,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
};
