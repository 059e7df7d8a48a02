'use strict';
// node:domain (deprecated, still used): route errors from a group of callbacks and emitters to
// one 'error' handler. A domain is entered by run()/enter(), or when a callback created inside
// it runs: an async_hooks init hook notes process.domain on every Timeout, Immediate and
// nextTick created while one is active and wraps its callback to enter that domain. An
// exception thrown inside a domain reaches it through the uncaught-exception capture callback,
// which is installed only while a domain on the stack has 'error' listeners. Promise callbacks
// (PROMISE resources) are bound through async_hooks' promise support, as are fs and network
// requests: their before/after hooks enter and leave the domain they were created in.

const EventEmitter = require('events');
const { createHook, executionAsyncResource } = require('async_hooks');
const { codes } = require('internal/errors');

// The entered domains, innermost last.
let stack = [];

function setActive(domain) {
  module.exports.active = domain;
  process.domain = domain;
}

// ----- the uncaught-exception capture callback -----

// Taken over from the public API: once domains are loaded, user code may not set one (Node's
// ERR_DOMAIN_CALLBACK_NOT_AVAILABLE), and setting one first makes loading fail.
if (process.hasUncaughtExceptionCaptureCallback()) {
  throw makeError('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
    'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which ' +
    'is mutually exclusive with using the `domain` module', Error);
}
const setCapture = process.setUncaughtExceptionCaptureCallback;
// Shown under the error's own stack: where the domain module was loaded.
const loadedAt = new Error('require(`domain`) at this point');
process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback() {
  const err = makeError('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
    'The `domain` module is in use, which is mutually exclusive with calling ' +
    'process.setUncaughtExceptionCaptureCallback()', Error);
  err.stack += `\n${'-'.repeat(40)}\n${loadedAt.stack}`;
  throw err;
};

function makeError(code, message, Base) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function captureToActiveDomain(er) {
  return process.domain._errorHandler(er);
}

// Capture uncaught exceptions only while some entered domain can handle them.
function updateExceptionCapture() {
  Reflect.apply(setCapture, process, [null]);
  if (stack.some((domain) => domain.listenerCount('error') > 0)) {
    Reflect.apply(setCapture, process, [captureToActiveDomain]);
  }
}

// An uncaught exception ends the current callback: no domain stays entered after it.
function clearStackAfterUncaught() {
  stack.length = 0;
  entered.clear();
  setActive(null);
  updateExceptionCapture();
}

// Always the first 'uncaughtException' listener, so the stack is clear when the others run.
process.on('newListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearStackAfterUncaught) {
    process.removeListener(name, clearStackAfterUncaught);
    process.prependListener(name, clearStackAfterUncaught);
  }
});
process.on('removeListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearStackAfterUncaught &&
      process.listenerCount('uncaughtException') === 1) {
    process.removeListener(name, clearStackAfterUncaught);
  }
});

// ----- binding callbacks created inside a domain -----

/** `fn` run inside `domain`; a throw leaves it entered, for the capture callback to see. */
function bindToDomain(domain, fn) {
  if (typeof fn !== 'function') return fn;
  return function domainBound(...args) {
    domain.enter();
    const result = Reflect.apply(fn, this, args);
    domain.exit();
    return result;
  };
}

// Where each kind of resource keeps the callback it will run.
const callbackField = { Timeout: '_onTimeout', Immediate: '_onImmediate', TickObject: 'callback' };

// Every other resource created inside a domain (fs and network requests, promises, ...) enters
// it around its callbacks through the before/after hooks: resource -> domain, and the async ids
// of the callbacks running inside the domain they entered (a callback that throws has no
// `after`; the uncaught-exception path clears the domain stack then).
const resourceDomain = new WeakMap();
const entered = new Map();

createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const domain = process.domain;
    if (domain === null || domain === undefined) return;
    if (resource === null || typeof resource !== 'object') return;
    // A promise of another context (vm) gets no `domain`: it would reach this realm's objects.
    if (type !== 'PROMISE' || resource instanceof Promise) {
      Object.defineProperty(resource, 'domain', {
        __proto__: null, value: domain, writable: true, configurable: true, enumerable: false,
      });
    }
    const field = callbackField[type];
    if (field !== undefined) resource[field] = bindToDomain(domain, resource[field]);
    else resourceDomain.set(resource, domain);
  },
  before(asyncId) {
    const domain = resourceDomain.get(executionAsyncResource());
    if (domain === undefined) return;
    entered.set(asyncId, domain);
    domain.enter();
  },
  after(asyncId) {
    const domain = entered.get(asyncId);
    if (domain === undefined) return;
    entered.delete(asyncId);
    domain.exit();
  },
}).enable();

// ----- Domain -----

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    // The capture callback follows the listeners: one is needed once 'error' is handled.
    this.on('newListener', (name) => {
      if (name === 'error') process.nextTick(updateExceptionCapture);
    });
    this.on('removeListener', (name) => {
      if (name === 'error') updateExceptionCapture();
    });
  }

  enter() {
    setActive(this);
    stack.push(this);
    updateExceptionCapture();
  }

  // Leaves this domain and every domain entered after it.
  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    // Not stack[-1]: user code may have given arrays a "-1" property.
    setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
    updateExceptionCapture();
  }

  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    // A domain added to one of its own descendants would make a cycle.
    if (this.domain && ee instanceof Domain) {
      for (let d = this.domain; d; d = d.domain) {
        if (ee === d) return;
      }
    }
    Object.defineProperty(ee, 'domain', {
      __proto__: null, value: this, writable: true, configurable: true, enumerable: false,
    });
    this.members.push(ee);
  }

  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  run(fn, ...args) {
    this.enter();
    const result = Reflect.apply(fn, this, args);
    this.exit();
    return result;
  }

  bind(cb) {
    const bound = bindToDomain(this, cb);
    Object.defineProperty(bound, 'domain', {
      __proto__: null, value: this, writable: true, configurable: true, enumerable: false,
    });
    return bound;
  }

  // Like bind(), but a first argument that is an error goes to the domain instead of `cb`.
  intercept(cb) {
    const domain = this;
    function intercepted(...args) {
      const er = args[0];
      if (er) {
        if (typeof er === 'object') {
          er.domainBound = cb;
          er.domainThrown = false;
          Object.defineProperty(er, 'domain', {
            __proto__: null, value: domain, writable: true, configurable: true, enumerable: false,
          });
        }
        domain.emit('error', er);
        return undefined;
      }
      domain.enter();
      const result = Reflect.apply(cb, this, args.slice(1));
      domain.exit();
      return result;
    }
    Object.defineProperty(intercepted, 'domain', {
      __proto__: null, value: this, writable: true, configurable: true, enumerable: false,
    });
    return intercepted;
  }

  /** The capture callback's target: emit 'error' on this domain outside of its own context. */
  _errorHandler(er) {
    let caught = false;
    if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
      Object.defineProperty(er, 'domain', {
        __proto__: null, value: this, writable: true, configurable: true, enumerable: false,
      });
      er.domainThrown = true;
    }
    // The handler must not run inside the domain it handles (it could re-enter it forever).
    while (module.exports.active === this) this.exit();
    if (stack.length === 0) {
      // The outermost domain: an error thrown by its handler is an ordinary uncaught one.
      if (this.listenerCount('error') > 0) {
        Reflect.apply(setCapture, process, [null]);
        try {
          caught = this.emit('error', er);
        } finally {
          updateExceptionCapture();
        }
      }
    } else {
      try {
        caught = this.emit('error', er);
      } catch (er2) {
        // The handler threw: the next domain out gets that error, or it is uncaught.
        updateExceptionCapture();
        if (stack.length === 0) throw er2;
        setActive(stack[stack.length - 1]);
        caught = process.domain._errorHandler(er2);
      }
    }
    clearStackAfterUncaught();
    return caught;
  }
}

// ----- emitters created inside a domain belong to it -----

EventEmitter.usingDomains = true;

const originalInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  Object.defineProperty(this, 'domain', {
    __proto__: null, value: null, writable: true, configurable: true, enumerable: false,
  });
  const active = module.exports.active;
  if (active && !(this instanceof Domain)) this.domain = active;
  return Reflect.apply(originalInit, this, [opts]);
};

const originalEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if (domain === null || domain === undefined || this === process ||
      (type === 'error' && this.listenerCount('error') > 0)) {
    return Reflect.apply(originalEmit, this, args);
  }
  if (type === 'error') {
    // An unhandled 'error' of a member goes to its domain, emitted outside that domain.
    const er = args.length > 1 && args[1] ? args[1] : new codes.ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      Object.defineProperty(er, 'domain', {
        __proto__: null, value: domain, writable: true, configurable: true, enumerable: false,
      });
      er.domainThrown = false;
    }
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let top = stack.length - 1;
    while (top >= 0 && stack[top] === process.domain) top--;
    stack.length = top + 1;
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    updateExceptionCapture();
    try {
      domain.emit('error', er);
    } finally {
      stack = savedStack;
      module.exports._stack = stack;
      setActive(savedActive);
      updateExceptionCapture();
    }
    return false;
  }
  domain.enter();
  const result = Reflect.apply(originalEmit, this, args);
  domain.exit();
  return result;
};

module.exports = {
  active: null,
  create: () => new Domain(),
  createDomain: () => new Domain(),
  Domain,
  _stack: stack,
};
setActive(null);
