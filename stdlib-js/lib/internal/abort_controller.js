// internal/abort_controller: AbortController and AbortSignal (an EventTarget), including the
// AbortSignal.abort/timeout/any statics. Loaded by the bootstrap to define the globals and by
// builtins that accept a `signal` option.
'use strict';

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
  validateAbortSignal,
  validateArray,
  validateUint32,
} = require('internal/errors');

const {
  Event,
  EventTarget,
  defineEventHandler,
  kNewListener,
  kRemoveListener,
  kTrustEvent,
} = require('internal/event_target');

let inspectModule;
function inspect(value, opts) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, opts);
}

let timersModule;
function lazyTimers() {
  if (timersModule === undefined) timersModule = require('timers');
  return timersModule;
}

function lazyDOMException() {
  return globalThis.DOMException || require('internal/encoding').DOMException;
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kDontThrow = Symbol('kDontThrow');

// Composite (AbortSignal.any) and timeout signals are only weakly referenced by what aborts
// them; while they have 'abort' listeners they are kept here so they cannot be collected.
const gcPersistentSignals = new Set();

function makeWeakRef(value) {
  return typeof WeakRef === 'function' ? new WeakRef(value) : { deref: () => value };
}

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

let isAbortSignal;
let abortSignal;
let newAbortedSignal;

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #composite = false;
  #timeout = false;
  #sources = undefined; // Set of source signals (composite signals only)
  #dependants = undefined; // Set of WeakRefs to composite signals fed by this one

  constructor() {
    if (arguments[0] !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  get aborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this.#aborted;
  }

  get reason() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this.#reason;
  }

  throwIfAborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason = new (lazyDOMException())('This operation was aborted', 'AbortError')) {
    return newAbortedSignal(reason);
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrow);
    signal.#timeout = true;
    const ref = makeWeakRef(signal);
    const timer = lazyTimers().setTimeout(() => {
      const target = ref.deref();
      if (target === undefined) return;
      const DOMException = lazyDOMException();
      abortSignal(target, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    if (timer != null && typeof timer.unref === 'function') timer.unref();
    return signal;
  }

  static any(signals) {
    validateArray(signals, 'signals');
    for (let i = 0; i < signals.length; i++) {
      const name = `signals[${i}]`;
      if (signals[i] === undefined) throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', undefined);
      validateAbortSignal(signals[i], name);
    }
    const result = new AbortSignal(kDontThrow);
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        result.#aborted = true;
        result.#reason = signal.reason;
        return result;
      }
    }
    result.#composite = true;
    result.#sources = new Set();
    const resultRef = makeWeakRef(result);
    const link = (source) => {
      if (result.#sources.has(source)) return;
      result.#sources.add(source);
      if (source.#dependants === undefined) source.#dependants = new Set();
      source.#dependants.add(resultRef);
    };
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (!isAbortSignal(signal)) continue; // look-alike objects cannot notify us
      if (signal.#composite) {
        // Depend on the underlying sources directly instead of on another composite.
        for (const source of signal.#sources) link(source);
      } else {
        link(signal);
      }
    }
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if ((this.#composite || this.#timeout) && type === 'abort' && !this.#aborted) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static {
    isAbortSignal = (value) =>
      value !== null && typeof value === 'object' && #aborted in value;

    newAbortedSignal = (reason) => {
      const signal = new AbortSignal(kDontThrow);
      signal.#aborted = true;
      signal.#reason = reason;
      return signal;
    };

    // Marks `signal` aborted, fires its (single, trusted) 'abort' event, then aborts the
    // composite signals that depend on it.
    abortSignal = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason;
      const event = new Event('abort', { [kTrustEvent]: true });
      signal.dispatchEvent(event);
      gcPersistentSignals.delete(signal);
      const dependants = signal.#dependants;
      signal.#dependants = undefined;
      if (dependants !== undefined) {
        for (const ref of dependants) {
          const dependant = ref.deref();
          if (dependant !== undefined) abortSignal(dependant, reason);
        }
      }
    };
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');

Object.defineProperty(AbortSignal.prototype, 'aborted', {
  __proto__: null, enumerable: true,
});

Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortSignal', writable: false, enumerable: false, configurable: true,
});

class AbortController {
  #signal;

  get signal() {
    if (this.#signal === undefined) this.#signal = new AbortSignal(kDontThrow);
    return this.#signal;
  }

  abort(reason = new (lazyDOMException())('This operation was aborted', 'AbortError')) {
    abortSignal(this.signal, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

for (const name of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, name, { __proto__: null, enumerable: true });
}

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'AbortController', writable: false, enumerable: false, configurable: true,
});

module.exports = {
  AbortController,
  AbortSignal,
};
