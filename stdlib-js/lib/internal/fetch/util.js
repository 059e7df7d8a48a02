'use strict';
// Shared pieces of fetch (internal/fetch/*): the WebIDL-style argument checks and conversions
// with the messages Node's fetch gives, the HTTP token/value grammar, the pair iterators of
// Headers and FormData, and the interface decoration (enumerable members, toStringTag).

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// ===== errors =====

/** A brand check failed: Node's fetch throws a plain TypeError carrying ERR_INVALID_THIS. */
function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function argumentLengthCheck(length, min, context) {
  if (length >= min) return;
  const args = min === 1 ? 'argument' : 'arguments';
  const found = length === 0 ? '0' : `only ${length}`;
  throw new TypeError(`${context}: ${min} ${args} required, but ${found} found.`);
}

function invalidArgument(prefix, value, type) {
  return new TypeError(`${prefix}: "${value}" is an invalid ${type}.`);
}

/** `value` must be one of `allowed` (a WebIDL enum member of a dictionary). */
function enumValue(value, allowed, prefix) {
  const s = `${value}`;
  if (!allowed.includes(s)) {
    throw new TypeError(`${prefix}: ${s} is not an accepted type. Expected one of ${allowed.join(', ')}.`);
  }
  return s;
}

// ===== conversions =====

/** WebIDL ByteString: a string whose code units all fit in a byte. */
function toByteString(value) {
  const s = typeof value === 'string' ? value : `${value}`;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at ' +
        `index ${i} has a value of ${code} which is greater than 255.`);
    }
  }
  return s;
}

/** WebIDL USVString: lone surrogates become U+FFFD. */
function toUSVString(value) {
  const s = typeof value === 'string' ? value : `${value}`;
  return s.isWellFormed() ? s : s.toWellFormed();
}

/** A dictionary argument: undefined, null or an object (functions count). */
function dictionary(value, prefix) {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' || typeof value === 'function') return value;
  const shown = typeof value === 'string' ? `"${value}"` : typeof value === 'symbol' ? value.toString() : `${value}`;
  throw new TypeError(`${prefix}: Expected ${shown} to be one of: Null, Undefined, Object.`);
}

// ===== HTTP grammar =====

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function isValidHeaderName(name) {
  return TOKEN.test(name);
}

/** A value after normalization: no NUL, CR or LF, no leading or trailing tab/space. */
function isValidHeaderValue(value) {
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09) return false;
  return !/[\0\r\n]/.test(value);
}

/** Strips leading and trailing HTTP whitespace (tab, LF, CR, space). */
function normalizeHeaderValue(value) {
  let start = 0;
  let end = value.length;
  while (start < end && isHTTPWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHTTPWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isHTTPWhitespace(code) {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}

// ===== interfaces =====

/** Enumerable members and a toStringTag, as WebIDL lays an interface's prototype out. */
function webIDL(Class, tag, members) {
  for (const name of members) Object.defineProperty(Class.prototype, name, { enumerable: true });
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

/**
 * A WebIDL pair iterator class ("Headers Iterator", "FormData Iterator"). `pairs(target)`
 * gives the current list of [name, value]; it is read again at every step, by index, so
 * changes made while iterating are seen as the standard says.
 */
function makePairIterator(tag, pairs) {
  class PairIterator {
    #target;
    #kind;
    #index = 0;

    constructor(target, kind) {
      this.#target = target;
      this.#kind = kind;
    }

    next() {
      if (this === null || typeof this !== 'object' || !(#target in this)) {
        throw new TypeError(`'next' called on an object that does not implement interface ${tag}.`);
      }
      const list = pairs(this.#target);
      if (this.#index >= list.length) return { value: undefined, done: true };
      const pair = list[this.#index++];
      const kind = this.#kind;
      return { value: kind === 'key' ? pair[0] : kind === 'value' ? pair[1] : [pair[0], pair[1]], done: false };
    }
  }
  Object.setPrototypeOf(PairIterator.prototype, IteratorPrototype);
  delete PairIterator.prototype.constructor;
  Object.defineProperty(PairIterator.prototype, 'next', { enumerable: true });
  Object.defineProperty(PairIterator.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  return PairIterator;
}

/**
 * Adds keys/values/entries/forEach and @@iterator (= entries) to an interface with a pair
 * iterator. `brand(obj)` throws when `obj` is not an instance.
 */
function definePairIterable(Class, name, pairs, brand) {
  const Iterator = makePairIterator(`${name} Iterator`, pairs);
  const methods = {
    keys() {
      brand(this);
      return new Iterator(this, 'key');
    },
    values() {
      brand(this);
      return new Iterator(this, 'value');
    },
    entries() {
      brand(this);
      return new Iterator(this, 'key+value');
    },
    forEach(callbackFn, thisArg = undefined) {
      brand(this);
      argumentLengthCheck(arguments.length, 1, `${name}.forEach`);
      if (typeof callbackFn !== 'function') {
        throw new TypeError(`Failed to execute 'forEach' on '${name}': parameter 1 is not of type 'Function'.`);
      }
      // As the iterator does: the list is read again at every step (the callback may change it).
      for (let i = 0, list = pairs(this); i < list.length; i++, list = pairs(this)) {
        Reflect.apply(callbackFn, thisArg, [list[i][1], list[i][0], this]);
      }
    },
  };
  for (const key of ['keys', 'values', 'entries', 'forEach']) {
    Object.defineProperty(Class.prototype, key, {
      value: methods[key], writable: true, enumerable: true, configurable: true,
    });
  }
  Object.defineProperty(Class.prototype, Symbol.iterator, {
    value: methods.entries, writable: true, enumerable: false, configurable: true,
  });
}

/** `Name { ... }` through util.inspect with the caller's options. */
function inspectFields(name, fields, depth, options, inspect) {
  if (depth < 0) return `[${name}]`;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(fields, opts)}`;
}

module.exports = {
  argumentLengthCheck,
  definePairIterable,
  dictionary,
  enumValue,
  illegalInvocation,
  inspectFields,
  invalidArgument,
  isValidHeaderName,
  isValidHeaderValue,
  kInspect,
  normalizeHeaderValue,
  toByteString,
  toUSVString,
  webIDL,
};
