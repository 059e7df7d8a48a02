'use strict';
// node:async_hooks — AsyncLocalStorage and AsyncResource on the async context kept by V8 along
// promise chains and by Eddy's queues (internal/async_context). createHook() returns a hook
// whose enable/disable work but that never fires: Eddy does not track async resources one by
// one, so init/before/after/destroy callbacks are not called (documented gap).

const { codes } = require('internal/errors');
const ctx = require('internal/async_context');

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

let nextAsyncId = 2;

class AsyncResource {
  #frame;
  #asyncId;
  #triggerAsyncId;

  constructor(type, options = {}) {
    if (typeof type !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
    ctx.activate();
    this.#frame = ctx.current();
    this.#asyncId = nextAsyncId++;
    const trigger = typeof options === 'number' ? options : options && options.triggerAsyncId;
    this.#triggerAsyncId = trigger === undefined ? 1 : trigger;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return ctx.runInFrame(this.#frame, fn, thisArg, args);
  }

  emitDestroy() {
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

class AsyncHook {
  constructor(callbacks) {
    for (const name of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
      const fn = callbacks[name];
      if (fn !== undefined && typeof fn !== 'function') {
        throw new codes.ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
    }
    this.enabled = false;
  }

  enable() {
    this.enabled = true;
    return this;
  }

  disable() {
    this.enabled = false;
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
  executionAsyncId: () => 1,
  executionAsyncResource: () => ({}),
  triggerAsyncId: () => 0,
};
