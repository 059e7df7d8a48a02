'use strict';
// node:test's mock.timers: setTimeout/setInterval/setImmediate (global, node:timers and
// node:timers/promises) and Date replaced by fakes that only move when the test calls tick(),
// runAll() or setTime(). Timers due at the same time run in the order they were made; an
// immediate counts as due just before "now", so it runs ahead of a zero-delay timeout.

const { codes, AbortError } = require('internal/errors');

const SUPPORTED_APIS = ['setTimeout', 'setInterval', 'setImmediate', 'Date'];

// Where each API lives: the global, node:timers and node:timers/promises properties it takes
// over (the clear* functions go with their set*).
const API_PROPERTIES = {
  setTimeout: { global: ['setTimeout', 'clearTimeout'], timers: ['setTimeout', 'clearTimeout'],
    promises: ['setTimeout'] },
  setInterval: { global: ['setInterval', 'clearInterval'],
    timers: ['setInterval', 'clearInterval'], promises: ['setInterval'] },
  setImmediate: { global: ['setImmediate', 'clearImmediate'],
    timers: ['setImmediate', 'clearImmediate'], promises: ['setImmediate'] },
  Date: { global: ['Date'], timers: [], promises: [] },
};

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

/** What a fake setTimeout/setInterval/setImmediate returns: ref/unref work but change nothing. */
class MockTimeout {
  constructor(timers, id) {
    this.id = id;
    this.timers = timers;
  }

  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }
  refresh() { return this; }
  close() { this.timers.clear(this); return this; }
  [Symbol.toPrimitive]() { return this.id; }
}

class MockTimers {
  #enabled = false;
  #now = 0;
  #apis = [];
  #queue = [];
  #lastId = 0;
  // [object, key, descriptor] of every property replaced, to put back on reset().
  #saved = [];

  enable(options = { apis: SUPPORTED_APIS, now: 0 }) {
    if (this.#enabled) throw new codes.ERR_INVALID_STATE('MockTimers is already enabled!');
    if (options === null || typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    let { apis, now } = options;
    if (Number.isNaN(now)) {
      throw new codes.ERR_INVALID_ARG_VALUE('now', now, `epoch must be a positive integer received ${now}`);
    }
    if (!now) now = 0;
    if (!apis) apis = SUPPORTED_APIS;
    if (!Array.isArray(apis) || apis.some((api) => typeof api !== 'string')) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.apis', 'Array', apis);
    }
    for (const api of apis) {
      if (!SUPPORTED_APIS.includes(api)) {
        throw new codes.ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`);
      }
    }
    if (binding.types.isDate(now)) {
      now = Date.prototype.getTime.call(now);
    } else if (typeof now !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('now', ['number', 'Date'], now);
    } else if (now < 0) {
      throw new codes.ERR_INVALID_ARG_VALUE('now', now, `epoch must be a positive integer received ${now}`);
    }
    this.#now = now;
    this.#apis = [...apis];
    this.#install();
    this.#enabled = true;
  }

  /** Moves the clock `time` ms on, running every timer that falls due on the way, in order. */
  tick(time = 1) {
    this.#assertEnabled();
    if (typeof time !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('time', 'number', time);
    if (time < 0) throw new codes.ERR_INVALID_ARG_VALUE('time', time, 'must be a positive integer');
    this.#now += time;
    for (;;) {
      const timer = this.#nextDue();
      if (timer === undefined) break;
      this.#queue.splice(this.#queue.indexOf(timer), 1);
      if (timer.interval !== undefined) {
        timer.runAt += Math.max(1, timer.interval);
        timer.order = ++this.#lastId;
        this.#queue.push(timer);
      }
      Reflect.apply(timer.callback, undefined, timer.args);
    }
  }

  /** Runs everything now scheduled: the clock moves to the latest of them. */
  runAll() {
    this.#assertEnabled();
    let latest;
    for (const timer of this.#queue) if (latest === undefined || timer.runAt > latest) latest = timer.runAt;
    if (latest === undefined) return;
    this.tick(Math.max(0, latest - this.#now));
  }

  /** Sets the clock (Date.now()) without running any timer. */
  setTime(milliseconds = 0) {
    this.#assertEnabled();
    if (typeof milliseconds !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('milliseconds', 'number', milliseconds);
    }
    this.#now = milliseconds;
  }

  /** Puts the real timers back and drops every fake one. Nothing to do when not enabled. */
  reset() {
    if (!this.#enabled) return;
    for (const [object, key, descriptor] of this.#saved.splice(0)) {
      Object.defineProperty(object, key, descriptor);
    }
    this.#queue = [];
    this.#enabled = false;
    this.#now = 0;
  }

  [Symbol.dispose]() {
    this.reset();
  }

  clear(timer) {
    const id = timer instanceof MockTimeout ? timer.id
      : typeof timer === 'number' ? timer : Number(timer);
    const index = this.#queue.findIndex((t) => t.id === id);
    if (index !== -1) this.#queue.splice(index, 1);
  }

  #assertEnabled() {
    if (!this.#enabled) {
      throw new codes.ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  #nextDue() {
    let best;
    for (const timer of this.#queue) {
      if (timer.runAt > this.#now) continue;
      if (best === undefined || timer.runAt < best.runAt ||
          (timer.runAt === best.runAt && timer.order < best.order)) {
        best = timer;
      }
    }
    return best;
  }

  #schedule(callback, delay, args, isInterval) {
    if (typeof callback !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    const ms = Number(delay);
    const wait = Number.isFinite(ms) && ms > 0 ? ms : 0;
    const id = ++this.#lastId;
    this.#queue.push({ id, order: id, callback, args, runAt: this.#now + wait,
      interval: isInterval ? wait : undefined });
    return new MockTimeout(this, id);
  }

  #scheduleImmediate(callback, args) {
    if (typeof callback !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    const id = ++this.#lastId;
    this.#queue.push({ id, order: id, callback, args, runAt: this.#now - 1, interval: undefined });
    return new MockTimeout(this, id);
  }

  #fakes() {
    const timers = this;
    const clear = (timer) => timers.clear(timer);
    return {
      setTimeout: (callback, delay, ...args) => timers.#schedule(callback, delay, args, false),
      clearTimeout: clear,
      setInterval: (callback, delay, ...args) => timers.#schedule(callback, delay, args, true),
      clearInterval: clear,
      setImmediate: (callback, ...args) => timers.#scheduleImmediate(callback, args),
      clearImmediate: clear,
      promises: {
        setTimeout: (delay, value, options) =>
          timers.#promise(options, (done) => timers.#schedule(done, delay, [], false), value),
        setImmediate: (value, options) =>
          timers.#promise(options, (done) => timers.#scheduleImmediate(done, []), value),
        setInterval: (interval, value, options) => timers.#intervalIterator(interval, value, options),
      },
      Date: timers.#mockDate(),
    };
  }

  #promise(options = {}, schedule, value) {
    return new Promise((resolve, reject) => {
      if (options === null || typeof options !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      const { signal } = options;
      validateAbortSignal(signal, 'options.signal');
      if (signal?.aborted) throw abortError(signal);
      let onAbort;
      const timer = schedule(() => {
        if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (signal !== undefined) {
        onAbort = () => {
          this.clear(timer);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  // Ticks and an abort are queued in the order they happen: ticks before an abort still yield.
  async *#intervalIterator(interval, value, options = {}) {
    const signal = options?.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted) throw abortError(signal);
    const events = [];
    let wake;
    const push = (event) => {
      events.push(event);
      if (wake !== undefined) {
        const w = wake;
        wake = undefined;
        w();
      }
    };
    const onAbort = () => push('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = this.#schedule(() => push('tick'), interval, [], true);
    try {
      for (;;) {
        if (events.length === 0) await new Promise((resolve) => { wake = resolve; });
        if (events.shift() === 'abort') throw abortError(signal);
        yield value;
      }
    } finally {
      this.clear(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  // A Date whose clock is this one: `new Date()` and Date.now() read it; everything else is the
  // real Date's.
  #mockDate() {
    const timers = this;
    const RealDate = Date;
    function MockDate(...args) {
      if (new.target === undefined) return new RealDate(timers.#now).toString();
      const target = new.target === MockDate ? RealDate : new.target;
      return args.length === 0 ? Reflect.construct(RealDate, [timers.#now], target)
        : Reflect.construct(RealDate, args, target);
    }
    Object.defineProperties(MockDate, {
      length: { value: 7 },
      name: { value: 'Date' },
      prototype: { value: RealDate.prototype },
      now: { value: () => timers.#now, writable: true, configurable: true },
      parse: { value: RealDate.parse, writable: true, configurable: true },
      UTC: { value: RealDate.UTC, writable: true, configurable: true },
      isMock: { value: true, configurable: true },
      toString: {
        value: () => Function.prototype.toString.call(RealDate), writable: true, configurable: true,
      },
    });
    return MockDate;
  }

  #install() {
    const fakes = this.#fakes();
    const targets = {
      global: [globalThis, fakes],
      timers: [require('timers'), fakes],
      promises: [require('timers/promises'), fakes.promises],
    };
    for (const api of this.#apis) {
      for (const [where, keys] of Object.entries(API_PROPERTIES[api])) {
        const [object, source] = targets[where];
        for (const key of keys) {
          const descriptor = Object.getOwnPropertyDescriptor(object, key);
          this.#saved.push([object, key, descriptor]);
          Object.defineProperty(object, key, {
            value: source[key], writable: true, configurable: true,
            enumerable: descriptor ? descriptor.enumerable : true,
          });
        }
      }
    }
  }
}

module.exports = { MockTimers };
