// events: Node's EventEmitter (module.exports = EventEmitter, with once/on/getEventListeners/
// setMaxListeners/... attached as statics). Loaded by require('events') and by every builtin
// that needs an emitter (streams, process, net, ...).
'use strict';

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNHANDLED_ERROR,
  },
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  kEnhanceStackBeforeInspector,
} = require('internal/errors');

let inspectModule;
function inspect(value, opts) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, opts);
}

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = Symbol.for('nodejs.rejection');
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kWatermarkData = Symbol.for('nodejs.watermarkData');
const kResistStopPropagation = Symbol.for('nodejs.resistStopPropagation');
const SymbolDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

let defaultMaxListeners = 10;

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

Object.defineProperties(EventEmitter.prototype, {
  [kCapture]: { __proto__: null, value: false, writable: true, enumerable: false },
  _events: { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true },
  _eventsCount: { __proto__: null, value: 0, writable: true, enumerable: true, configurable: true },
  _maxListeners: { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true },
});

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

function isEventTarget(obj) {
  return obj != null && obj.constructor != null && obj.constructor[kIsEventTarget] === true;
}

// ---------------------------------------------------------------------------
// Statics (defined in the same order as Node so Object.keys(EventEmitter) matches).

Object.defineProperty(EventEmitter, 'addAbortListener', {
  __proto__: null, value: addAbortListener, writable: true, enumerable: true, configurable: true,
});
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;

Object.defineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});

let EventEmitterAsyncResource;
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get: function lazyEventEmitterAsyncResource() {
    if (EventEmitterAsyncResource === undefined) {
      EventEmitterAsyncResource = makeEventEmitterAsyncResource();
    }
    return EventEmitterAsyncResource;
  },
});

EventEmitter.errorMonitor = kErrorMonitor;

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0);
    defaultMaxListeners = arg;
  },
});

Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    __proto__: null, value: kMaxEventTargetListeners, enumerable: false, configurable: false, writable: false,
  },
  kMaxEventTargetListenersWarned: {
    __proto__: null, value: kMaxEventTargetListenersWarned, enumerable: false, configurable: false, writable: false,
  },
});

// setMaxListeners(n = defaultMaxListeners, ...eventTargets)
EventEmitter.setMaxListeners = function(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (target != null && typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  }
};

EventEmitter.init = function(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }

  this._maxListeners = this._maxListeners || undefined;

  if (opts && opts.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Assigning the kCapture property directly saves an expensive prototype lookup later.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') {
    return emitter.listenerCount(type);
  }
  return listenerCount.call(emitter, type);
};

// ---------------------------------------------------------------------------
// captureRejections support.

function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  // Handle any thenable (not only native promises), as Node does.
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, function(err) {
        // Leave the promise chain so errors thrown from here are not swallowed.
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    // Avoid looping forever if an 'error' handler itself returns a rejected promise.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

// ---------------------------------------------------------------------------
// Prototype methods.

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

/**
 * The report's stack for an unhandled 'error' event: the error's own stack, then where it was
 * emitted, with the frames both share folded into one line, as Node prints it.
 */
function enhanceStackTrace(emitter, err, own) {
  let ctorInfo = '';
  try {
    const { name } = emitter.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // keep the plain heading
  }
  // Like Node, an error whose stack is not a string is reported unchanged (the caller
  // keeps the original when this throws).
  const errStack = err.stack.split('\n').slice(1);
  const ownStack = own.stack.split('\n').slice(1);
  const { len, offset } = identicalSequenceRange(ownStack, errStack);
  if (len > 0) {
    ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  }
  return `${err.stack}\nEmitted 'error' event${ctorInfo} at:\n${ownStack.join('\n')}`;
}

/** The first run of more than three lines of `a` that also appears, in order, in `b`. */
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    let len = 1;
    const maxLen = Math.min(a.length - i, rest);
    while (maxLen > len && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = (type === 'error');

  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) {
      this.emit(kErrorMonitor, ...args);
    }
    doError = (doError && events.error === undefined);
  } else if (!doError) {
    return false;
  }

  // With no 'error' listener, an 'error' event throws.
  if (doError) {
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) {
      try {
        const own = {};
        Error.captureStackTrace(own, EventEmitter.prototype.emit);
        Object.defineProperty(er, kEnhanceStackBeforeInspector, {
          __proto__: null, value: () => enhanceStackTrace(this, er, own), configurable: true,
        });
      } catch {
        // An error object we cannot extend is reported as it is.
      }
      throw er; // Unhandled 'error' event
    }
    let stringifiedEr;
    try {
      stringifiedEr = inspect(er);
    } catch {
      stringifiedEr = er;
    }
    const err = new ERR_UNHANDLED_ERROR(stringifiedEr);
    err.context = er;
    throw err; // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null) {
      addCatch(this, result, type, args);
    }
  } else {
    const len = handler.length;
    const listeners = arrayClone(handler);
    for (let i = 0; i < len; ++i) {
      const result = Reflect.apply(listeners[i], this, args);
      if (result !== undefined && result !== null) {
        addCatch(this, result, type, args);
      }
    }
  }
  return true;
};

function _addListener(target, type, listener, prepend) {
  let m;
  let events;
  let existing;

  checkListener(listener);

  events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    // Emit 'newListener' before adding, so a 'newListener' handler adding the same event
    // does not see itself.
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      // 'newListener' handlers may have replaced this._events.
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    // A single listener is stored directly, not in an array.
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }

    m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error('Possible EventEmitter memory leak detected. ' +
                          `${existing.length} ${String(type)} listeners ` +
                          `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. Use ` +
                          'emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      process.emitWarning(w);
    }
  }

  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);

  const events = this._events;
  if (events === undefined) return this;

  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;

    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) {
        this.emit('removeListener', type, list.listener || listener);
      }
    }
  } else if (typeof list !== 'function') {
    let position = -1;

    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }

    if (position < 0) return this;

    if (position === 0) {
      list.shift();
    } else {
      // Moved down in place (splice would make an array of the removed listener to return).
      for (; position + 1 < list.length; position++) list[position] = list[position + 1];
      list.pop();
    }

    if (list.length === 1) events[type] = list[0];

    if (events.removeListener !== undefined) {
      this.emit('removeListener', type, listener);
    }
  }

  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Without 'removeListener' listeners there is nobody to notify.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) {
        this._events = { __proto__: null };
      } else {
        delete events[type];
      }
    }
    this[kShapeMode] = false;
    return this;
  }

  // Emit 'removeListener' for every listener of every event.
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];

  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // LIFO order
    for (let i = listeners.length - 1; i >= 0; i--) {
      this.removeListener(type, listeners[i]);
    }
  }

  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;

  if (events === undefined) return [];

  const evlistener = events[type];
  if (evlistener === undefined) return [];

  if (typeof evlistener === 'function') {
    return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  }

  return unwrap ? unwrapListeners(evlistener) : arrayClone(evlistener);
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;

  if (events !== undefined) {
    const evlistener = events[type];

    if (typeof evlistener === 'function') {
      if (listener != null) {
        return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      }
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = evlistener.length; i < l; i++) {
          if (evlistener[i] === listener || evlistener[i].listener === listener) matching++;
        }
        return matching;
      }
      return evlistener.length;
    }
  }

  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function arrayClone(arr) {
  // Fast path for the most common sizes.
  switch (arr.length) {
    case 2: return [arr[0], arr[1]];
    case 3: return [arr[0], arr[1], arr[2]];
    case 4: return [arr[0], arr[1], arr[2], arr[3]];
    case 5: return [arr[0], arr[1], arr[2], arr[3], arr[4]];
    case 6: return [arr[0], arr[1], arr[2], arr[3], arr[4], arr[5]];
  }
  return Array.prototype.slice.call(arr);
}

function unwrapListeners(arr) {
  const ret = arrayClone(arr);
  for (let i = 0; i < ret.length; ++i) {
    const orig = ret[i].listener;
    if (typeof orig === 'function') ret[i] = orig;
  }
  return ret;
}

// ---------------------------------------------------------------------------
// EventTarget interop: listener lists of EventTargets live in internal/event_target, which
// requires this module, so it is loaded lazily.

let eventTargetModule;
function lazyEventTarget() {
  if (eventTargetModule === undefined) eventTargetModule = require('internal/event_target');
  return eventTargetModule;
}

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget != null && typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    return lazyEventTarget().getEventListeners(emitterOrTarget, type);
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget != null && typeof emitterOrTarget.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  } else if (isEventTarget(emitterOrTarget)) {
    const n = emitterOrTarget[kMaxEventTargetListeners];
    return n === undefined ? defaultMaxListeners : n;
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags && flags.once) {
      emitter.once(name, listener);
    } else {
      emitter.on(name, listener);
    }
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

// events.once(emitter, name[, { signal }]) -> Promise<args[]>
async function once(emitter, name, options = {}) {
  const signal = options ? options.signal : undefined;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', errorListener);
      }
      if (signal != null) {
        eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      }
      resolve(args);
    };
    const opts = { __proto__: null, once: true, [kResistStopPropagation]: true };
    eventTargetAgnosticAddListener(emitter, name, resolver, opts);
    if (name !== 'error' && typeof emitter.once === 'function') {
      // EventTarget has no 'error' event semantics, only EventEmitter does.
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new AbortError(undefined, { cause: signal && signal.reason }));
    }
    if (signal != null) {
      eventTargetAgnosticAddListener(
        signal, 'abort', abortListener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
  });
}

// events.addAbortListener(signal, listener) -> Disposable
function addAbortListener(signal, listener) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [SymbolDispose]() {
      if (removeEventListener !== undefined) removeEventListener();
    },
  };
}

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

function createIterResult(value, done) {
  return { value, done };
}

// events.on(emitter, event[, options]) -> AsyncIterator of argument arrays.
function on(emitter, event, options = {}) {
  const signal = options ? options.signal : undefined;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
  // Support both highWaterMark and highWatermark spellings, like Node.
  const highWatermark = (options && (options.highWaterMark ?? options.highWatermark)) ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = (options && (options.lowWaterMark ?? options.lowWatermark)) ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  let size = 0;

  const iterator = Object.setPrototypeOf({
    next() {
      // First, drain any queued event.
      if (size) {
        const value = unconsumedEvents.shift();
        size--;
        if (paused && size < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(createIterResult(value, false));
      }

      // Then a pending error, reported once.
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }

      if (finished) return closeHandler();

      // Wait until an event happens.
      return new Promise(function(resolve, reject) {
        unconsumedPromises.push({ resolve, reject });
      });
    },

    return() {
      return closeHandler();
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },

    [Symbol.asyncIterator]() {
      return this;
    },

    [kWatermarkData]: {
      get size() {
        return size;
      },
      get low() {
        return lowWatermark;
      },
      get high() {
        return highWatermark;
      },
      get isPaused() {
        return paused;
      },
    },
  }, AsyncIteratorPrototype);

  const added = [];
  function addListener(target, name, handler) {
    eventTargetAgnosticAddListener(target, name, handler);
    added.push([target, name, handler]);
  }
  function removeAll() {
    while (added.length > 0) {
      const [target, name, handler] = added.pop();
      eventTargetAgnosticRemoveListener(target, name, handler);
    }
  }

  addListener(emitter, event, function(...args) { return eventHandler(args); });
  if (event !== 'error' && typeof emitter.on === 'function') {
    addListener(emitter, 'error', errorHandler);
  }
  const closeEvents = options ? options.close : undefined;
  if (closeEvents && closeEvents.length) {
    for (let i = 0; i < closeEvents.length; i++) {
      addListener(emitter, closeEvents[i], closeHandler);
    }
  }

  const abortListenerDisposable = signal ? addAbortListener(signal, abortListener) : null;

  return iterator;

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal && signal.reason }));
  }

  function eventHandler(value) {
    if (unconsumedPromises.length === 0) {
      size++;
      if (!paused && size > highWatermark) {
        paused = true;
        emitter.pause();
      }
      unconsumedEvents.push(value);
    } else {
      unconsumedPromises.shift().resolve(createIterResult(value, false));
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.length === 0) {
      error = err;
    } else {
      unconsumedPromises.shift().reject(err);
    }
    closeHandler();
  }

  function closeHandler() {
    if (abortListenerDisposable) abortListenerDisposable[SymbolDispose]();
    removeAll();
    finished = true;
    const doneResult = createIterResult(undefined, true);
    while (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve(doneResult);
    }
    return Promise.resolve(doneResult);
  }
}

// EventEmitterAsyncResource: an EventEmitter that runs its listeners inside an AsyncResource.
// Built lazily; if Eddy has no async_hooks builtin it degrades to a plain EventEmitter subclass
// carrying the same accessors.
function makeEventEmitterAsyncResource() {
  let AsyncResource = null;
  try {
    AsyncResource = require('async_hooks').AsyncResource;
  } catch {
    AsyncResource = null;
  }
  const kEventEmitter = Symbol('kEventEmitter');

  class EventEmitterAsyncResource extends EventEmitter {
    #asyncResource = null;

    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options && options.name, 'options.name');
        }
        name = (options && options.name) || new.target.name;
      }
      super(options);
      if (AsyncResource !== null) {
        const emitter = this;
        class EventEmitterReferencingAsyncResource extends AsyncResource {
          constructor(n, opts) {
            super(n, opts);
            this[kEventEmitter] = emitter;
          }
          get eventEmitter() {
            return this[kEventEmitter];
          }
        }
        this.#asyncResource = new EventEmitterReferencingAsyncResource(name, options);
      } else {
        this.#asyncResource = null;
      }
    }

    static #isInstance(self) {
      return self !== null && (typeof self === 'object' || typeof self === 'function') &&
        #asyncResource in self;
    }

    emit(event, ...args) {
      if (!EventEmitterAsyncResource.#isInstance(this)) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      const resource = this.#asyncResource;
      if (resource === null) return super.emit(event, ...args);
      const { emit } = EventEmitter.prototype;
      return resource.runInAsyncScope(emit, this, event, ...args);
    }

    emitDestroy() {
      if (!EventEmitterAsyncResource.#isInstance(this)) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      const resource = this.#asyncResource;
      if (resource !== null) resource.emitDestroy();
    }

    get asyncId() {
      if (!EventEmitterAsyncResource.#isInstance(this)) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      const resource = this.#asyncResource;
      return resource !== null ? resource.asyncId() : undefined;
    }

    get triggerAsyncId() {
      if (!EventEmitterAsyncResource.#isInstance(this)) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      const resource = this.#asyncResource;
      return resource !== null ? resource.triggerAsyncId() : undefined;
    }

    get asyncResource() {
      if (!EventEmitterAsyncResource.#isInstance(this)) {
        throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
      }
      return this.#asyncResource;
    }
  }
  return EventEmitterAsyncResource;
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

module.exports = EventEmitter;
