'use strict';
// Timeout and Immediate objects and the timer globals. The queues live in Rust
// (runtime/src/timers.rs, driven by runtime/src/event_loop.rs); this file keeps the JS objects
// by id and runs their callbacks when the loop calls `onTimer(id)` / `onImmediate(id)`
// (exported as hooks by internal/bootstrap/node).

const { codes } = require('internal/errors');

const native = binding.timers;

// Node's limit: delays are 32-bit signed milliseconds.
const TIMEOUT_MAX = 2 ** 31 - 1;

const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const kAsyncId = Symbol('asyncId');
const kAsyncContext = Symbol('asyncContext');
const asyncContext = require('internal/async_context');
const kTriggerId = Symbol('triggerId');
// Timer ids are async ids (as in Node, where a Timeout's primitive is its async id), shared
// with async_hooks, which also sees them created, run and destroyed.
const asyncHooks = require('internal/async_hooks');
const kInternal = Symbol('kInternal');
// Set in Timeout's static block: they reach its private arm counter, which lets onTimer see a
// refresh() made inside the callback without a field that util.inspect would show.
let arm;
let armCountOf;

/** Timers whose id escaped through Symbol.toPrimitive, so clearTimeout(id) finds them. */
const knownById = new Map();
const activeImmediates = new Map();
/** Timeouts that are armed (or running their callback), for process.getActiveResourcesInfo(). */
const activeTimeouts = new Set();

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

function coerceDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

// ===== Timeout =====

class Timeout {
  #arms = 0;

  static {
    arm = (timer) => {
      timer.#arms++;
      activeTimeouts.add(timer);
      timer._idleStart = native.start(timer[kAsyncId], timer._idleTimeout, timer[kRefed], timer);
    };
    armCountOf = (timer) => timer.#arms;
  }

  constructor(callback, after, args, isRepeat, isRefed) {
    after = coerceDelay(after);
    this._idleTimeout = after;
    this._idlePrev = null;
    this._idleNext = null;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kAsyncId] = asyncHooks.newAsyncId();
    this[kTriggerId] = asyncHooks.executionAsyncId();
    this[kAsyncContext] = asyncContext.capture();
    asyncHooks.emitInit(this[kAsyncId], 'Timeout', this[kTriggerId], this);
    arm(this);
  }

  refresh() {
    if (!this._destroyed) arm(this);
    return this;
  }

  unref() {
    this[kRefed] = false;
    if (!this._destroyed) native.setRef(this[kAsyncId], false);
    return this;
  }

  ref() {
    this[kRefed] = true;
    if (!this._destroyed) native.setRef(this[kAsyncId], true);
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }

  [Symbol.toPrimitive]() {
    const id = this[kAsyncId];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownById.set(id, this);
    }
    return id;
  }
}

function unenroll(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  activeTimeouts.delete(timer);
  const id = timer[kAsyncId];
  if (timer[kHasPrimitive]) knownById.delete(id);
  native.stop(id);
  asyncHooks.emitDestroy(id);
}

/** Hook: `timer` is due (the loop hands back the Timeout it was armed with). */
function onTimer(timer) {
  // Unenrolled by hand (`_onTimeout` cleared): forget it, as Node's timer lists do.
  if (!timer._onTimeout) {
    unenroll(timer);
    return;
  }
  const armedBefore = armCountOf(timer);
  asyncHooks.emitBefore(timer[kAsyncId], timer[kTriggerId], timer);
  try {
    const args = timer._timerArgs;
    if (asyncContext.state.active) {
      asyncContext.runInFrame(timer[kAsyncContext], timer._onTimeout, timer, args || []);
    } else if (args === undefined) {
      timer._onTimeout();
    } else {
      Reflect.apply(timer._onTimeout, timer, args);
    }
  } finally {
    // Runs even when the callback threw: an interval is re-armed anyway, as in Node.
    if (timer._destroyed || armCountOf(timer) !== armedBefore) {
      // Cleared or refreshed by its own callback: already where it should be.
    } else if (timer._repeat !== null && timer._idleTimeout !== -1) {
      timer._idleTimeout = timer._repeat;
      arm(timer);
    } else {
      // Rust already dropped the fired timer; only the JS side needs forgetting.
      timer._destroyed = true;
      activeTimeouts.delete(timer);
      if (timer[kHasPrimitive]) knownById.delete(timer[kAsyncId]);
      asyncHooks.emitDestroy(timer[kAsyncId]);
    }
  }
  // Not in `finally`: after a throw, the uncaught-exception handlers still run inside this
  // timer, and the stack is unwound after them (internal/async_hooks).
  asyncHooks.emitAfter(timer[kAsyncId]);
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length > 0 ? args : undefined, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length > 0 ? args : undefined, true, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const known = knownById.get(Number(timer));
    if (known !== undefined) unenroll(known);
  }
}

// ===== Immediate =====

class Immediate {
  constructor(callback, args, internal = false) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[kAsyncId] = asyncHooks.newAsyncId();
    this[kTriggerId] = asyncHooks.executionAsyncId();
    this[kAsyncContext] = asyncContext.capture();
    // Internal immediates (async_hooks' own destroy batches, ...) are invisible to the hooks.
    if (internal) this[kInternal] = true;
    else asyncHooks.emitInit(this[kAsyncId], 'Immediate', this[kTriggerId], this);
    activeImmediates.set(this[kAsyncId], this);
    native.scheduleImmediate(this[kAsyncId], true);
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) native.setImmediateRef(this[kAsyncId], true);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) native.setImmediateRef(this[kAsyncId], false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

/** Hook: immediate `id` reached the front of the check queue. */
function onImmediate(id) {
  const immediate = activeImmediates.get(id);
  if (immediate === undefined) return;
  activeImmediates.delete(id);
  immediate._destroyed = true;
  const args = immediate._argv;
  const visible = immediate[kInternal] !== true;
  if (visible) asyncHooks.emitBefore(id, immediate[kTriggerId], immediate);
  try {
    if (asyncContext.state.active) {
      asyncContext.runInFrame(immediate[kAsyncContext], immediate._onImmediate, immediate, args || []);
    } else if (args === undefined) {
      immediate._onImmediate();
    } else {
      Reflect.apply(immediate._onImmediate, immediate, args);
    }
  } finally {
    if (visible) asyncHooks.emitDestroy(id);
  }
  if (visible) asyncHooks.emitAfter(id);
}

function setInternalImmediate(callback) {
  return new Immediate(callback, undefined, true);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length > 0 ? args : undefined);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || !(immediate instanceof Immediate)) return;
  immediate._destroyed = true;
  activeImmediates.delete(immediate[kAsyncId]);
  native.clearImmediate(immediate[kAsyncId]);
  if (immediate[kInternal] !== true) asyncHooks.emitDestroy(immediate[kAsyncId]);
}

/** 'Timeout' per ref'ed armed timer and 'Immediate' per ref'ed pending immediate. */
function activeResourcesInfo() {
  const out = [];
  for (const timer of activeTimeouts) if (timer[kRefed]) out.push('Timeout');
  for (const immediate of activeImmediates.values()) if (immediate[kRefed]) out.push('Immediate');
  return out;
}

// util.promisify(setTimeout) / (setImmediate) give the timers/promises versions, as in Node.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      return require('timers/promises')[name];
    },
  });
}

module.exports = {
  activeResourcesInfo,
  Immediate,
  Timeout,
  TIMEOUT_MAX,
  clearImmediate,
  clearInterval: clearTimeout,
  clearTimeout,
  onImmediate,
  onTimer,
  setImmediate,
  setInterval,
  setInternalImmediate,
  setTimeout,
};
