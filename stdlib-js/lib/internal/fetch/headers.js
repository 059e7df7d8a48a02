'use strict';
// Headers (https://fetch.spec.whatwg.org/#headers-class) and the header list behind it.
// A list keeps each name with the casing it was first given (what goes on the wire and what
// util.inspect shows) and the values combined with ", " ("; " for Cookie); Set-Cookie values
// are also kept one by one for getSetCookie() and iteration. Iteration is sorted by lower-case
// name, as the standard's "sort and combine" says. Request/Response/fetch reach the list and
// the guard through the functions exported at the bottom.

const {
  argumentLengthCheck, definePairIterable, illegalInvocation, invalidArgument, isValidHeaderName,
  isValidHeaderValue, kInspect, normalizeHeaderValue, toByteString, webIDL,
} = require('internal/fetch/util');

// ===== HeadersList =====

class HeadersList {
  constructor() {
    /** lower-case name -> { name (first casing seen), value (combined) }, in insertion order */
    this.map = new Map();
    /** The Set-Cookie values one by one, or null when there are none. */
    this.cookies = null;
    /** Cache of the sorted pairs; cleared by every change. */
    this.sorted = null;
  }

  append(name, value) {
    const key = name.toLowerCase();
    const entry = this.map.get(key);
    if (entry === undefined) {
      this.map.set(key, { name, value });
    } else {
      entry.value += (key === 'cookie' ? '; ' : ', ') + value;
    }
    if (key === 'set-cookie') (this.cookies ??= []).push(value);
    this.sorted = null;
  }

  set(name, value) {
    const key = name.toLowerCase();
    this.map.set(key, { name, value });
    if (key === 'set-cookie') this.cookies = [value];
    this.sorted = null;
  }

  delete(name) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') this.cookies = null;
    this.map.delete(key);
    this.sorted = null;
  }

  has(name) {
    return this.map.has(name.toLowerCase());
  }

  get(name) {
    const entry = this.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  get size() {
    return this.map.size;
  }

  clone() {
    const copy = new HeadersList();
    for (const [key, { name, value }] of this.map) copy.map.set(key, { name, value });
    copy.cookies = this.cookies === null ? null : this.cookies.slice();
    return copy;
  }

  /** [lower-case name, value] pairs sorted by name, each Set-Cookie value on its own. */
  sortedPairs() {
    if (this.sorted !== null) return this.sorted;
    const keys = [...this.map.keys()].sort();
    const pairs = [];
    for (const key of keys) {
      if (key === 'set-cookie' && this.cookies !== null) {
        for (const cookie of this.cookies) pairs.push([key, cookie]);
      } else {
        pairs.push([key, this.map.get(key).value]);
      }
    }
    this.sorted = pairs;
    return pairs;
  }

  /** Flat [name, value, name, value, ...] in insertion order, for http.request(). */
  flatPairs() {
    const out = [];
    for (const [key, entry] of this.map) {
      if (key === 'set-cookie' && this.cookies !== null) {
        for (const cookie of this.cookies) out.push(entry.name, cookie);
      } else {
        out.push(entry.name, entry.value);
      }
    }
    return out;
  }

  /** { name: value } in insertion order, as util.inspect shows a Headers. */
  toObject() {
    const obj = {};
    for (const { name, value } of this.map.values()) obj[name] = value;
    return obj;
  }
}

/** Builds a list from http's rawHeaders ([name, value, name, value, ...]). */
function listFromRaw(raw) {
  const list = new HeadersList();
  for (let i = 0; i + 1 < raw.length; i += 2) list.append(raw[i], raw[i + 1]);
  return list;
}

// ===== Headers =====

const kConstruct = Symbol('kConstruct');
let listOf;
let guardOf;
let setGuard;
let setList;

function brand(value) {
  if (value === null || typeof value !== 'object' || !isHeaders(value)) throw illegalInvocation();
}
let isHeaders;

/** Appends after the checks Headers.append makes (also used to fill from an init). */
function appendChecked(list, guard, name, value, prefix) {
  value = normalizeHeaderValue(value);
  if (!isValidHeaderName(name)) throw invalidArgument(prefix, name, 'header name');
  if (!isValidHeaderValue(value)) throw invalidArgument(prefix, value, 'header value');
  if (guard === 'immutable') throw new TypeError('immutable');
  list.append(name, value);
}

const initTypes = 'sequence<sequence<ByteString>>, record<ByteString, ByteString>';

/** Fills a list from a HeadersInit (sequence of pairs, or a record), Node's messages. */
function fillHeaders(list, init, guard = 'none') {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
    throw new TypeError(`Headers constructor: Argument 1 could not be converted to one of: ${initTypes}.`);
  }
  const iteratorMethod = init[Symbol.iterator];
  if (iteratorMethod !== undefined && iteratorMethod !== null) {
    if (typeof iteratorMethod !== 'function') {
      throw new TypeError(`Headers constructor: Argument 1 could not be converted to one of: ${initTypes}.`);
    }
    // A Headers as init: its pairs (sorted, combined), as iterating it gives.
    let index = 0;
    for (const pair of { [Symbol.iterator]: () => Reflect.apply(iteratorMethod, init, []) }) {
      if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
          typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError(`Headers contructor: init[${index}] (${String(pair)}) is not iterable.`);
      }
      const items = [];
      for (const item of pair) items.push(toByteString(item));
      if (items.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
      }
      appendChecked(list, guard, items[0], items[1], 'Headers.append');
      index++;
    }
    return;
  }
  // A record: every own key in property order (Node's fetch takes non-enumerable ones too).
  for (const key of Reflect.ownKeys(init)) {
    if (typeof key === 'symbol') {
      throw new TypeError('Headers contructor: init is a symbol, which cannot be converted to a DOMString.');
    }
    const name = toByteString(key);
    const value = toByteString(init[key]);
    appendChecked(list, guard, name, value, 'Headers.append');
  }
}

// Named as Node's bundled class is (`Class constructor _Headers cannot be invoked...`).
const Headers = class _Headers {
  #list;
  #guard;

  constructor(init = undefined) {
    if (init === kConstruct) return;
    this.#list = new HeadersList();
    this.#guard = 'none';
    if (init !== undefined) fillHeaders(this.#list, init);
  }

  append(name, value) {
    brand(this);
    argumentLengthCheck(arguments.length, 2, 'Headers.append');
    appendChecked(this.#list, this.#guard, toByteString(name), toByteString(value), 'Headers.append');
  }

  delete(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.delete');
    name = toByteString(name);
    if (!isValidHeaderName(name)) throw invalidArgument('Headers.delete', name, 'header name');
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    if (!this.#list.has(name)) return;
    this.#list.delete(name);
  }

  get(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.get');
    name = toByteString(name);
    if (!isValidHeaderName(name)) throw invalidArgument('Headers.get', name, 'header name');
    return this.#list.get(name);
  }

  has(name) {
    brand(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.has');
    name = toByteString(name);
    if (!isValidHeaderName(name)) throw invalidArgument('Headers.has', name, 'header name');
    return this.#list.has(name);
  }

  set(name, value) {
    brand(this);
    argumentLengthCheck(arguments.length, 2, 'Headers.set');
    name = toByteString(name);
    value = normalizeHeaderValue(toByteString(value));
    if (!isValidHeaderName(name)) throw invalidArgument('Headers.set', name, 'header name');
    if (!isValidHeaderValue(value)) throw invalidArgument('Headers.set', value, 'header value');
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.set(name, value);
  }

  getSetCookie() {
    brand(this);
    const cookies = this.#list.cookies;
    return cookies === null ? [] : cookies.slice();
  }

  [kInspect](depth, options, inspect) {
    return `Headers ${inspect(this.#list.toObject(), options)}`;
  }

  static {
    isHeaders = (value) => #list in value;
    listOf = (headers) => headers.#list;
    guardOf = (headers) => headers.#guard;
    setGuard = (headers, guard) => { headers.#guard = guard; };
    setList = (headers, list) => { headers.#list = list; };
  }
};
Object.defineProperty(Headers, 'name', { value: 'Headers', configurable: true });
definePairIterable(Headers, 'Headers', (headers) => listOf(headers).sortedPairs(), brand);
webIDL(Headers, 'Headers', ['append', 'delete', 'get', 'has', 'set', 'getSetCookie']);

/** A Headers object over an existing list (Request/Response/fetch), with its guard. */
function headersFromList(list, guard) {
  const headers = new Headers(kConstruct);
  setList(headers, list);
  setGuard(headers, guard);
  return headers;
}

module.exports = {
  Headers,
  HeadersList,
  fillHeaders,
  getHeadersGuard: (headers) => guardOf(headers),
  getHeadersList: (headers) => listOf(headers),
  headersFromList,
  isHeaders: (value) => value !== null && typeof value === 'object' && isHeaders(value),
  listFromRaw,
  setHeadersGuard: (headers, guard) => setGuard(headers, guard),
};
