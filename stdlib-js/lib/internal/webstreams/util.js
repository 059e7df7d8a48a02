'use strict';
// Shared pieces of the WHATWG streams (internal/webstreams/*): Node-style errors, promise
// helpers, the queue-with-sizes, strategy extraction and the two queuing strategy classes.

const { codes, kIsNodeError } = require('internal/errors');

// ===== errors =====

// A TypeError/RangeError carrying a Node error code (`TypeError [ERR_INVALID_STATE]: ...`).
const errorClasses = new Map();
function nodeError(Base, code, message) {
  const key = `${Base.name}:${code}`;
  let Class = errorClasses.get(key);
  if (Class === undefined) {
    Class = class extends Base {
      constructor(msg) {
        super(msg);
        this.code = code;
      }
      toString() { return `${this.name} [${code}]: ${this.message}`; }
    };
    Object.defineProperty(Class.prototype, 'name', { value: Base.name, configurable: true });
    Object.defineProperty(Class.prototype, kIsNodeError, { value: true, configurable: true });
    Object.defineProperty(Class.prototype, 'constructor', { value: Base, writable: true, configurable: true });
    errorClasses.set(key, Class);
  }
  return new Class(message);
}

const invalidState = (message) => nodeError(TypeError, 'ERR_INVALID_STATE', `Invalid state: ${message}`);
const invalidThis = (type) => new codes.ERR_INVALID_THIS(type);

function invalidArgValue(Base, name, value, reason = 'is invalid') {
  const inspect = require('internal/util/inspect').inspect;
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const kind = name.includes('.') ? 'property' : 'argument';
  return nodeError(Base, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

// ===== promises =====

/** A promise with its resolve/reject and whether either ran (`settled`). */
function deferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (value) => {
      d.settled = true;
      resolve(value);
    };
    d.reject = (error) => {
      d.settled = true;
      reject(error);
    };
  });
  return d;
}

const noop = () => {};
function markHandled(promise) {
  promise.then(undefined, noop);
  return promise;
}

/** Calls `method` of `object` (if any) with `args`, as a promise. */
function promiseCall(method, object, ...args) {
  try {
    return Promise.resolve(method === undefined ? undefined : Reflect.apply(method, object, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

// ===== queue with sizes =====

function resetQueue(container) {
  container.queue = [];
  container.queueTotalSize = 0;
}

function enqueueValueWithSize(container, value, size) {
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw nodeError(RangeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'size' is invalid. Received ${size}`);
  }
  container.queue.push({ value, size });
  container.queueTotalSize += size;
}

function dequeueValue(container) {
  const { value, size } = container.queue.shift();
  container.queueTotalSize = Math.max(0, container.queueTotalSize - size);
  return value;
}

// ===== strategies =====

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy?.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) {
    throw invalidArgValue(RangeError, 'strategy.highWaterMark', hwm);
  }
  return n;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

function strategyInit(init, name) {
  if (init === null || typeof init !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('init', 'Object', init);
  }
  if (init.highWaterMark === undefined) throw new codes.ERR_MISSING_OPTION(`${name}.highWaterMark`);
  return Number(init.highWaterMark);
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');

function inspectAs(name, fields, depth, options, inspect) {
  if (depth < 0) return name;
  return `${name} ${inspect(fields, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
}

// The size functions are shared by every instance, as the standard says.
const byteLengthSize = function size(chunk) { return chunk.byteLength; };
const countSize = function size() { return 1; };

class ByteLengthQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    this.#highWaterMark = strategyInit(init, 'init');
  }
  get highWaterMark() {
    if (!(#highWaterMark in this)) throw invalidThis('ByteLengthQueuingStrategy');
    return this.#highWaterMark;
  }
  get size() {
    if (!(#highWaterMark in this)) throw invalidThis('ByteLengthQueuingStrategy');
    return byteLengthSize;
  }
  [kInspect](depth, options, inspect) {
    return inspectAs('ByteLengthQueuingStrategy', { highWaterMark: this.#highWaterMark }, depth, options, inspect);
  }
}

class CountQueuingStrategy {
  #highWaterMark;
  constructor(init) {
    this.#highWaterMark = strategyInit(init, 'init');
  }
  get highWaterMark() {
    if (!(#highWaterMark in this)) throw invalidThis('CountQueuingStrategy');
    return this.#highWaterMark;
  }
  get size() {
    if (!(#highWaterMark in this)) throw invalidThis('CountQueuingStrategy');
    return countSize;
  }
  [kInspect](depth, options, inspect) {
    return inspectAs('CountQueuingStrategy', { highWaterMark: this.#highWaterMark }, depth, options, inspect);
  }
}

for (const [Class, tag] of [[ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy'],
  [CountQueuingStrategy, 'CountQueuingStrategy']]) {
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  for (const name of ['highWaterMark', 'size']) {
    Object.defineProperty(Class.prototype, name, { enumerable: true });
  }
}

/** Defines the standard's enumerable members and the toStringTag on an interface class. */
function webIDL(Class, tag, members) {
  for (const name of members) Object.defineProperty(Class.prototype, name, { enumerable: true });
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

function isDetached(buffer) {
  return buffer.detached === true;
}

function transferBuffer(buffer) {
  if (isDetached(buffer)) throw invalidState('The ArrayBuffer is detached');
  return buffer.transfer();
}

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  deferred,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  inspectAs,
  invalidArgValue,
  invalidState,
  invalidThis,
  isDetached,
  kInspect,
  markHandled,
  nodeError,
  noop,
  promiseCall,
  resetQueue,
  transferBuffer,
  webIDL,
};
