'use strict';
// node:async_hooks - AsyncLocalStorage and AsyncResource on the async context kept by V8 along
// promise chains and by Eddy's queues (internal/async_context). createHook() sees the
// resources tracked in internal/async_hooks (timers, immediates, nextTick, MessagePorts,
// AsyncResources); promises and native handles (fs, sockets) are not reported yet.

const { codes } = require('internal/errors');
const ctx = require('internal/async_context');
const hooks = require('internal/async_hooks');

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', fn);
}

class AsyncLocalStorage {
  // While exit() runs its callback, getStore() answers undefined even in functions bound to
  // an outer context, as in Node 20.
  #exiting = 0;

  constructor() {
    ctx.activate();
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = ctx.current();
    return function runInAsyncScope(fn, ...args) {
      return ctx.runInFrame(frame, fn, this, args);
    };
  }

  // Node 20's store propagation step (called per new resource by its async_hooks-based
  // implementation). Stores travel with the async context frame here, so it has no work to
  // do; it exists because code that wraps AsyncLocalStorage expects it.
  _propagate(resource, triggerResource, type) {}

  disable() {
    const frame = ctx.current();
    if (frame !== undefined && frame.has(this)) {
      const next = new Map(frame);
      next.delete(this);
      ctx.enter(next.size === 0 ? undefined : next);
    }
  }

  getStore() {
    if (this.#exiting > 0) return undefined;
    const frame = ctx.current();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    const next = new Map(ctx.current());
    next.set(this, store);
    ctx.enter(next);
  }

  run(store, callback, ...args) {
    const next = new Map(ctx.current());
    next.set(this, store);
    return ctx.runInFrame(next, callback, null, args);
  }

  exit(callback, ...args) {
    const frame = ctx.current();
    let next = frame;
    if (frame !== undefined && frame.has(this)) {
      next = new Map(frame);
      next.delete(this);
      if (next.size === 0) next = undefined;
    }
    this.#exiting++;
    try {
      return ctx.runInFrame(next, callback, null, args);
    } finally {
      this.#exiting--;
    }
  }
}

const kDestroyed = Symbol('kDestroyed');
// AsyncResources not destroyed by hand report destroy when collected (while destroy hooks
// exist at creation), as Node's do.
const collected = new FinalizationRegistry((state) => {
  if (!state.destroyed) hooks.emitDestroy(state.asyncId);
});

class AsyncResource {
  #frame;
  #asyncId;
  #triggerAsyncId;

  constructor(type, options = {}) {
    if (typeof type !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
    ctx.activate();
    this.#frame = ctx.current();
    let trigger = options;
    let manualDestroy = false;
    if (typeof options !== 'number') {
      trigger = options == null || options.triggerAsyncId === undefined ?
        hooks.executionAsyncId() : options.triggerAsyncId;
      manualDestroy = options != null && !!options.requireManualDestroy;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw new codes.ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    this.#asyncId = hooks.newAsyncId();
    this.#triggerAsyncId = trigger;
    if (hooks.hasHooks('init')) {
      if (type.length === 0) throw new codes.ERR_ASYNC_TYPE(type);
      hooks.emitInit(this.#asyncId, type, trigger, this);
    }
    if (!manualDestroy && hooks.hasHooks('destroy')) {
      const state = { asyncId: this.#asyncId, destroyed: false };
      this[kDestroyed] = state;
      collected.register(this, state);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    hooks.emitBefore(this.#asyncId, this.#triggerAsyncId, this);
    try {
      return ctx.runInFrame(this.#frame, fn, thisArg, args);
    } finally {
      hooks.emitAfter(this.#asyncId);
    }
  }

  emitDestroy() {
    if (this[kDestroyed] !== undefined) this[kDestroyed].destroyed = true;
    hooks.emitDestroy(this.#asyncId);
    return this;
  }

  asyncId() {
    return this.#asyncId;
  }

  triggerAsyncId() {
    return this.#triggerAsyncId;
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    }
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { configurable: true, enumerable: true, value: this, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    validateFunction(fn, 'fn');
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

const hookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const kRecord = Symbol('kRecord');

class AsyncHook {
  constructor(callbacks) {
    const record = { hook: this };
    for (const name of hookNames) {
      const fn = callbacks[name];
      if (fn !== undefined && typeof fn !== 'function') {
        throw new codes.ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
      record[name] = fn;
    }
    this[kRecord] = record;
  }

  enable() {
    hooks.enable(this[kRecord]);
    return this;
  }

  disable() {
    hooks.disable(this[kRecord]);
    return this;
  }
}

function createHook(callbacks = {}) {
  return new AsyncHook(callbacks);
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  asyncWrapProviders: Object.freeze({ __proto__: null, NONE: 0, PROMISE: 1, TIMERWRAP: 2 }),
  createHook,
  executionAsyncId: hooks.executionAsyncId,
  executionAsyncResource: hooks.executionAsyncResource,
  triggerAsyncId: hooks.triggerAsyncId,
};
