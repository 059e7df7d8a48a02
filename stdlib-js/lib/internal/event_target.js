// internal/event_target: the web Event, CustomEvent and EventTarget classes (plus Node's
// NodeEventTarget and the `on<event>` handler helper). Loaded by the bootstrap to define the
// globals, by internal/abort_controller (AbortSignal is an EventTarget) and lazily by `events`.
'use strict';

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
  kValidateObjectAllowObjectsAndNull,
  validateAbortSignal,
  validateObject,
  validateString,
} = require('internal/errors');

const EventEmitter = require('events');

const {
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
} = EventEmitter;

let inspectModule;
function inspect(value, opts) {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule.inspect(value, opts);
}

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kIsEventTarget = Symbol.for('nodejs.event_target');
const kResistStopPropagation = Symbol.for('nodejs.resistStopPropagation');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kCreateEvent = Symbol('kCreateEvent');
const kTrustEvent = Symbol('kTrustEvent');
const kWeakHandler = Symbol('kWeak');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');

function now() {
  const perf = globalThis.performance;
  if (perf !== undefined && typeof perf.now === 'function') return perf.now();
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

// Copies `options` with its depth lowered by one level, for nested inspect() calls made by
// [inspect.custom] implementations.
function childInspectOptions(options) {
  const depth = options.depth;
  return { ...options, depth: Number.isInteger(depth) ? depth - 1 : depth };
}

// ---------------------------------------------------------------------------
// Event

// Filled in by Event's static block: lets EventTarget reach an event's private state.
let eventState;

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #trusted = false;
  #defaultPrevented = false;
  #propagationStopped = false;
  #immediateStopped = false;
  #timeStamp = now();
  #target = null;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options !== undefined) {
      validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    }
    // Only the dictionary's own members are read, in the order the standard lists them.
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this.#type = `${type}`;
    if (options != null && options[kTrustEvent] === true) this.#trusted = true;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
    this.#immediateStopped = true;
  }

  preventDefault() {
    checkEvent(this);
    this.#defaultPrevented = true;
  }

  get target() {
    checkEvent(this);
    return this.#target;
  }

  get currentTarget() {
    checkEvent(this);
    return this.#dispatching ? this.#target : null;
  }

  get srcElement() {
    checkEvent(this);
    return this.#target;
  }

  get type() {
    checkEvent(this);
    return this.#type;
  }

  get cancelable() {
    checkEvent(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    checkEvent(this);
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    checkEvent(this);
    return this.#timeStamp;
  }

  composedPath() {
    checkEvent(this);
    return this.#dispatching ? [this.#target] : [];
  }

  get returnValue() {
    checkEvent(this);
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    checkEvent(this);
    return this.#bubbles;
  }

  get composed() {
    checkEvent(this);
    return this.#composed;
  }

  get eventPhase() {
    checkEvent(this);
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    checkEvent(this);
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.stopPropagation();
  }

  stopPropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
  }

  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({
      type: this.#type,
      defaultPrevented: this.defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    }, childInspectOptions(options))}`;
  }

  static {
    eventState = {
      isEvent(value) {
        return value !== null && typeof value === 'object' && #type in value;
      },
      isTrusted(event) { return event.#trusted; },
      begin(event, target) {
        event.#target = target;
        event.#dispatching = true;
      },
      end(event) { event.#dispatching = false; },
      isDispatching(event) { return event.#dispatching; },
      immediateStopped(event) { return event.#immediateStopped; },
    };
  }
}

function isEvent(value) {
  return eventState.isEvent(value);
}

function checkEvent(value) {
  if (!eventState.isEvent(value)) throw new ERR_INVALID_THIS('Event');
}

// Every accessor and method of Event.prototype is enumerable (WebIDL style).
function makeMembersEnumerable(proto, names) {
  for (const name of names || Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    desc.enumerable = true;
    Object.defineProperty(proto, name, desc);
  }
}

makeMembersEnumerable(Event.prototype);

Object.defineProperty(Event.prototype, 'isTrusted', {
  __proto__: null,
  get: function isTrusted() {
    checkEvent(this);
    return eventState.isTrusted(this);
  },
  enumerable: true,
  configurable: false,
});

Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'Event', writable: false, enumerable: false, configurable: true,
});

Object.defineProperties(Event, {
  NONE: { __proto__: null, value: 0, writable: false, enumerable: true, configurable: false },
  CAPTURING_PHASE: { __proto__: null, value: 1, writable: false, enumerable: true, configurable: false },
  AT_TARGET: { __proto__: null, value: 2, writable: false, enumerable: true, configurable: false },
  BUBBLING_PHASE: { __proto__: null, value: 3, writable: false, enumerable: true, configurable: false },
});

// ---------------------------------------------------------------------------
// CustomEvent

let isCustomEvent;

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    const detail = options != null ? options.detail : undefined;
    this.#detail = detail === undefined ? null : detail;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }

  static {
    isCustomEvent = (value) => value !== null && typeof value === 'object' && #detail in value;
  }
}

makeMembersEnumerable(CustomEvent.prototype);

Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

// ---------------------------------------------------------------------------
// Listener bookkeeping. Each event type has a doubly linked list of records; a dispatch walks
// the list, remembering the next record before calling a listener so that removals made by
// listeners are honoured (removed records are flagged) and records appended behind the one
// being walked are still reached.

class ListenerList {
  constructor() {
    this.head = undefined;
    this.tail = undefined;
    this.size = 0;
  }

  append(record) {
    record.prev = this.tail;
    if (this.tail === undefined) this.head = record;
    else this.tail.next = record;
    this.tail = record;
    this.size++;
  }

  find(listener, capture) {
    for (let r = this.head; r !== undefined; r = r.next) {
      if (!r.removed && listenerOf(r) === listener && r.capture === capture) return r;
    }
    return undefined;
  }

  // Unlinks `record`, but leaves its own `next` intact so an ongoing walk can continue.
  remove(record) {
    if (record.removed) return;
    record.removed = true;
    if (record.prev === undefined) this.head = record.next;
    else record.prev.next = record.next;
    if (record.next === undefined) this.tail = record.prev;
    else record.next.prev = record.prev;
    this.size--;
  }
}

// A weak listener (options[kWeakHandler] = an object) lives only as long as that object: the
// record holds it through a WeakRef and the object keeps it alive, as in Node (util.aborted).
const weakListenerOwners = new WeakMap();

/** The listener of `record`; undefined once a weak listener has been collected. */
function listenerOf(record) {
  return record.ref === undefined ? record.listener : record.ref.deref();
}

function makeCallback(listener) {
  if (typeof listener === 'function') return listener;
  // Objects are looked up for `handleEvent` at dispatch time; failures surface as a rejected
  // promise, which is reported as an uncaught exception.
  return async function(...args) {
    if (listener.handleEvent) {
      await Reflect.apply(listener.handleEvent, listener, args);
    }
  };
}

function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(result) {
  let then;
  try {
    then = result.then;
  } catch (err) {
    emitUncaughtException(err);
    return;
  }
  if (typeof then === 'function') {
    Reflect.apply(then, result, [undefined, emitUncaughtException]);
  }
}

// true -> a usable listener; false -> null/undefined (ignored with a warning); throws otherwise.
function validateEventListener(listener) {
  if (typeof listener === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function toEventType(type) {
  if (typeof type === 'symbol') throw new ERR_INVALID_ARG_VALUE('value', type);
  return `${type}`;
}

function parseAddOptions(options) {
  if (typeof options === 'boolean') {
    return { once: false, capture: options, passive: false, signal: undefined,
             nodeStyle: false, weak: false, resist: false };
  }
  if (options !== undefined) {
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
  }
  if (options == null) {
    return { once: false, capture: false, passive: false, signal: undefined,
             nodeStyle: false, weak: false, resist: false };
  }
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  return {
    once: !!options.once,
    capture: !!options.capture,
    passive: !!options.passive,
    signal,
    nodeStyle: !!options[kIsNodeStyleListener],
    weak: options[kWeakHandler] !== undefined ? options[kWeakHandler] : false,
    resist: !!options[kResistStopPropagation],
  };
}

function isEventTarget(value) {
  return value != null && (typeof value === 'object' || typeof value === 'function') &&
    value[kEvents] instanceof Map;
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

// ---------------------------------------------------------------------------
// EventTarget

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  // Hook run after a listener is added; subclasses extend it (AbortSignal keeps itself alive).
  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const warning = new Error(
        `Possible EventTarget memory leak detected. ${size} ${type} listeners added to ` +
        `${inspect(this, { depth: -1 })}. MaxListeners is ${max}. ` +
        'Use events.setMaxListeners() to increase limit');
      warning.name = 'MaxListenersExceededWarning';
      warning.target = this;
      warning.type = type;
      warning.count = size;
      process.emitWarning(warning);
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');

    const { once, capture, passive, signal, nodeStyle, weak, resist } = parseAddOptions(options);

    if (!validateEventListener(listener)) {
      // The DOM silently accepts a missing listener; Node warns about it.
      const warning = new Error(`addEventListener called with ${listener} which has no effect.`);
      warning.name = 'AddEventListenerArgumentTypeWarning';
      warning.target = this;
      warning.type = type;
      process.emitWarning(warning);
      return;
    }
    type = toEventType(type);

    if (signal !== undefined) {
      if (signal.aborted) return;
      // Remove this listener when the signal aborts. Only a weak reference to the target is
      // kept so that a long-lived signal does not keep every target alive.
      const targetRef = typeof WeakRef === 'function' ? new WeakRef(this) : { deref: () => this };
      signal.addEventListener('abort', () => {
        const target = targetRef.deref();
        if (target !== undefined) target.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }

    const events = this[kEvents];
    let list = events.get(type);
    if (list === undefined) {
      list = new ListenerList();
      events.set(type, list);
    } else if (list.find(listener, capture) !== undefined) {
      return; // Duplicate (same listener, same capture flag): ignored.
    }
    let ref;
    if (weak !== false) {
      ref = new WeakRef(listener);
      let owned = weakListenerOwners.get(weak);
      if (owned === undefined) weakListenerOwners.set(weak, owned = []);
      owned.push(listener);
    }
    list.append({
      listener: ref === undefined ? listener : undefined,
      ref,
      callback: ref === undefined ? makeCallback(listener) : undefined,
      once,
      capture,
      passive,
      nodeStyle,
      weak: weak !== false,
      resist,
      removed: false,
      prev: undefined,
      next: undefined,
    });
    this[kNewListener](list.size, type, listener, once, capture, passive, weak !== false);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = toEventType(type);
    const capture = typeof options === 'boolean' ? options : !!(options != null && options.capture);
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    const record = list.find(listener, capture);
    if (record === undefined) return;
    list.remove(record);
    this[kRemoveListener](list.size, type, listener, capture);
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!isEvent(event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (eventState.isDispatching(event)) throw new ERR_EVENT_RECURSION(event.type);
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  // Dispatches `type`. Node-style listeners (NodeEventTarget#on) receive `nodeValue`; web
  // listeners receive `event`, created on demand when the dispatch started from emit().
  [kHybridDispatch](nodeValue, type, event) {
    if (event !== undefined) eventState.begin(event, this);
    const list = this[kEvents].get(type);
    if (list === undefined || list.head === undefined) {
      if (event !== undefined) eventState.end(event);
      return;
    }
    let record = list.head;
    while (record !== undefined) {
      const next = record.next;
      if (record.removed) {
        record = next;
        continue;
      }
      const listener = listenerOf(record);
      if (listener === undefined) {
        // A weak listener whose owner is gone.
        list.remove(record);
        record = next;
        continue;
      }
      // After stopImmediatePropagation() only internal listeners that resist it still run
      // (e.g. the one removing a listener added with { signal }).
      if (event !== undefined && eventState.immediateStopped(event) && !record.resist) {
        record = next;
        continue;
      }
      if (record.once) {
        list.remove(record);
        this[kRemoveListener](list.size, type, listener, record.capture);
      }
      try {
        let arg;
        if (record.nodeStyle) {
          arg = nodeValue;
        } else {
          if (event === undefined) {
            event = this[kCreateEvent](nodeValue, type);
            eventState.begin(event, this);
          }
          arg = event;
        }
        const callback = record.callback ?? makeCallback(listener);
        const result = Reflect.apply(callback, this, [arg]);
        // Like Node, the event stops reporting itself as "being dispatched" once its first
        // listener has returned.
        if (!record.nodeStyle) eventState.end(arg);
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      record = next;
    }
    if (event !== undefined) eventState.end(event);
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, childInspectOptions(options))}`;
  }
}

makeMembersEnumerable(EventTarget.prototype,
                      ['addEventListener', 'removeEventListener', 'dispatchEvent']);

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});

// ---------------------------------------------------------------------------
// NodeEventTarget: an EventTarget with a subset of the EventEmitter API (used by
// MessagePort-like objects). Listeners added with on()/once() receive the emitted value.

function checkNodeEventTarget(value) {
  if (!isEventTarget(value)) throw new ERR_INVALID_THIS('NodeEventTarget');
}

class NodeEventTarget extends EventTarget {
  static defaultMaxListeners = 10;

  setMaxListeners(n) {
    checkNodeEventTarget(this);
    EventEmitter.setMaxListeners(n, this);
  }

  getMaxListeners() {
    checkNodeEventTarget(this);
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    checkNodeEventTarget(this);
    const names = [];
    for (const [type, list] of this[kEvents]) if (list.size > 0) names.push(type);
    return names;
  }

  listenerCount(type) {
    checkNodeEventTarget(this);
    const list = this[kEvents].get(`${type}`);
    return list !== undefined ? list.size : 0;
  }

  off(type, listener, options) {
    checkNodeEventTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    checkNodeEventTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    checkNodeEventTarget(this);
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    checkNodeEventTarget(this);
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    checkNodeEventTarget(this);
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    checkNodeEventTarget(this);
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    checkNodeEventTarget(this);
    if (type !== undefined) {
      this[kEvents].delete(`${type}`);
    } else {
      this[kEvents].clear();
    }
    return this;
  }
}

// ---------------------------------------------------------------------------
// `on<name>` event handler attributes (onabort, onmessage, ...). The handler is registered
// once, through a wrapper, the first time it is set; later assignments swap the wrapped
// function in place so the handler keeps its original position among the listeners.

function makeEventHandler(handler) {
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return;
    return Reflect.apply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;
  function checkTarget(self) {
    if (self == null || !(self[kHandlers] instanceof Map)) {
      throw new ERR_INVALID_ARG_TYPE('this', 'EventTarget', self);
    }
  }
  const get = function() {
    checkTarget(this);
    const wrapper = this[kHandlers].get(event);
    return wrapper !== undefined && wrapper.handler !== undefined ? wrapper.handler : null;
  };
  Object.defineProperty(get, 'name', { __proto__: null, value: `get ${propName}` });
  const set = function(value) {
    checkTarget(this);
    let wrapper = this[kHandlers].get(event);
    if (wrapper !== undefined) {
      // As Node: the handler counts as a listener only while it is a function, so the target
      // hears of it going (a MessagePort unrefs) and coming back.
      const list = this[kEvents].get(event);
      const was = typeof wrapper.handler === 'function';
      const is = typeof value === 'function';
      if (was && !is && list !== undefined) {
        list.size--;
        this[kRemoveListener](list.size, event, wrapper.handler, false);
      }
      wrapper.handler = value;
      if (!was && is && list !== undefined) {
        list.size++;
        this[kNewListener](list.size, event, value, false, false, false, false);
      }
    } else {
      wrapper = makeEventHandler(value);
      this.addEventListener(event, wrapper);
    }
    this[kHandlers].set(event, wrapper);
  };
  Object.defineProperty(set, 'name', { __proto__: null, value: `set ${propName}` });
  Object.defineProperty(emitter, propName, {
    __proto__: null, get, set, enumerable: true, configurable: true,
  });
}

// ---------------------------------------------------------------------------

// events.getEventListeners(target, type) for EventTargets: the registered listeners in order.
function getEventListeners(target, type) {
  if (!isEventTarget(target)) {
    throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], target);
  }
  const list = target[kEvents].get(type);
  const result = [];
  if (list === undefined) return result;
  for (let r = list.head; r !== undefined; r = r.next) {
    const listener = r.removed ? undefined : listenerOf(r);
    if (listener !== undefined) result.push(listener);
  }
  return result;
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  getEventListeners,
  initEventTarget,
  isEvent,
  isEventTarget,
  kCreateEvent,
  kEvents,
  kHybridDispatch,
  kIsNodeStyleListener,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
};
