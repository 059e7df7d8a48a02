'use strict';
// node:test's mocks: mock.fn(), mock.method(), mock.getter(), mock.setter(), restoreAll(), and
// mock.timers (internal/test_runner/mock_timers). A MockTracker is `mock` (node:test's) or
// `t.mock` (a test's, reset when the test ends).

const { codes } = require('internal/errors');

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateInteger(value, name, min) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > Number.MAX_SAFE_INTEGER) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${Number.MAX_SAFE_INTEGER}`, value);
  }
}

/** options.times: how many calls use the implementation before the original comes back. */
function validateTimes(times) {
  if (times !== Infinity) validateInteger(times, 'options.times', 1);
}

/** What `mocked.mock` is: the calls so far, and the implementation to use for the next. */
class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #times;
  // Call index -> implementation for that one call (mockImplementationOnce).
  #once = new Map();

  constructor(implementation, original, restore, times) {
    this.#implementation = implementation;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() { return this.#calls.slice(); }

  callCount() { return this.#calls.length; }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = this.#calls.length;
    const call = onCall === undefined ? next : onCall;
    validateInteger(call, 'onCall', next);
    this.#once.set(call, implementation);
  }

  resetCalls() { this.#calls = []; }

  /** A mocked method goes back to what it replaced; a mocked function calls its original. */
  restore() {
    if (this.#restore !== undefined) this.#restore();
    else this.#implementation = this.#original;
  }

  /** The implementation for the call about to be made (internal to the mock). */
  nextImplementation() {
    const next = this.#calls.length;
    const once = this.#once.get(next);
    const impl = once === undefined ? this.#implementation : once;
    this.#once.delete(next);
    // After `times` calls the original comes back (this call still uses the mock).
    if (next + 1 === this.#times) this.restore();
    return impl;
  }

  trackCall(call) { this.#calls.push(call); }
}

// A mock is a proxy of the function it stands for, so its name, length and properties are
// that function's; `mock` reads the context.
function makeMock(ctx, original) {
  return new Proxy(original, {
    __proto__: null,
    apply(target, thisArg, args) {
      const impl = ctx.nextImplementation();
      let result;
      let error;
      try {
        result = Reflect.apply(impl, thisArg, args);
        return result;
      } catch (err) {
        error = err;
        throw err;
      } finally {
        ctx.trackCall({ arguments: args, error, result, stack: new Error(), target: undefined,
          this: thisArg });
      }
    },
    construct(target, args, newTarget) {
      const impl = ctx.nextImplementation();
      let result;
      let error;
      try {
        result = Reflect.construct(impl, args, newTarget);
        return result;
      } catch (err) {
        error = err;
        throw err;
      } finally {
        ctx.trackCall({ arguments: args, error, result, stack: new Error(), target,
          this: result });
      }
    },
    get(target, property, receiver) {
      if (property === 'mock') return ctx;
      return Reflect.get(target, property, receiver);
    },
  });
}

class MockTracker {
  #mocks = [];
  #timers;

  /** The fake timers (see internal/test_runner/mock_timers), made on first use. */
  get timers() {
    if (this.#timers === undefined) {
      const { MockTimers } = require('internal/test_runner/mock_timers');
      this.#timers = new MockTimers();
    }
    return this.#timers;
  }

  fn(original = function () {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function () {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times);
    const ctx = new MockFunctionContext(implementation, original, undefined, times);
    this.#mocks.push(ctx);
    return makeMock(ctx, original);
  }

  /**
   * Replaces a method (or, with options.getter / options.setter, an accessor's get or set) found
   * on the object or its prototype chain by a mock, defined on the object itself.
   */
  method(object, methodName, implementation, options = {}) {
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new codes.ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], methodName);
    }
    if (typeof object !== 'function') validateObject(object, 'object');
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (implementation !== undefined) validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    if (typeof getter !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.getter', 'boolean', getter);
    }
    if (typeof setter !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.setter', 'boolean', setter);
    }
    validateTimes(times);
    if (getter && setter) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.setter', setter,
                                            "cannot be used with 'options.getter'");
    }
    let descriptor;
    for (let o = object; o !== null && o !== undefined && descriptor === undefined;
      o = Object.getPrototypeOf(o)) {
      descriptor = Object.getOwnPropertyDescriptor(o, methodName);
    }
    const original = getter ? descriptor?.get : setter ? descriptor?.set : descriptor?.value;
    if (typeof original !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    // As Node's: what was found goes back as the object's own property.
    const restore = () => Object.defineProperty(object, methodName, descriptor);
    const ctx = new MockFunctionContext(implementation === undefined ? original : implementation,
      original, restore, times);
    this.#mocks.push(ctx);
    const mocked = makeMock(ctx, original);
    const mockDescriptor = { configurable: descriptor.configurable,
      enumerable: descriptor.enumerable };
    if (getter) {
      mockDescriptor.get = mocked;
      mockDescriptor.set = descriptor.set;
    } else if (setter) {
      mockDescriptor.get = descriptor.get;
      mockDescriptor.set = mocked;
    } else {
      mockDescriptor.writable = descriptor.writable;
      mockDescriptor.value = mocked;
    }
    Object.defineProperty(object, methodName, mockDescriptor);
    return mocked;
  }

  getter(object, methodName, implementation, options = {}) {
    return this.#accessor('getter', object, methodName, implementation, options);
  }

  setter(object, methodName, implementation, options = {}) {
    return this.#accessor('setter', object, methodName, implementation, options);
  }

  #accessor(kind, object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options[kind] === false) {
      throw new codes.ERR_INVALID_ARG_VALUE(`options.${kind}`, false, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, [kind]: true });
  }

  /** Restores every mock and forgets them. */
  reset() {
    this.restoreAll();
    if (this.#timers !== undefined) this.#timers.reset();
    this.#mocks = [];
  }

  /** Every mock made by this tracker goes back to its original (methods to the object). */
  restoreAll() {
    // Newest first, so a method mocked twice ends with its first original.
    for (let i = this.#mocks.length - 1; i >= 0; i--) this.#mocks[i].restore();
  }
}

module.exports = { MockTracker };
