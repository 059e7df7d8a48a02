'use strict';
// node:timers/promises - promise and async-iterator forms of the timers, with AbortSignal
// support (an aborted signal rejects with AbortError, code ABORT_ERR, cause = signal.reason).

const timers = require('internal/timers');
const { codes, AbortError } = require('internal/errors');

function validateOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
  }
  return { signal, ref };
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

/** A promise settled by `schedule(resolve)`, or rejected when `signal` aborts first. */
function cancellable(options, schedule, cancel) {
  let opts;
  try {
    opts = validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = opts;
  if (signal && signal.aborted) {
    return Promise.reject(abortError(signal));
  }
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = schedule((value) => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    if (signal) {
      onAbort = () => {
        cancel(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(after, value, options = {}) {
  return cancellable(options,
    (done) => timers.setTimeout(done, after, value),
    timers.clearTimeout);
}

function setImmediate(value, options = {}) {
  return cancellable(options,
    (done) => timers.setImmediate(done, value),
    timers.clearImmediate);
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) {
      wake();
      wake = null;
    }
  }, after);
  if (!ref) interval.unref();
  let onAbort;
  let aborted = false;
  if (signal) {
    onAbort = () => {
      aborted = true;
      if (wake) {
        wake();
        wake = null;
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    while (true) {
      if (pending === 0) {
        await new Promise((resolve) => { wake = resolve; });
      }
      if (aborted) throw abortError(signal);
      for (; pending > 0; pending--) {
        yield value;
        if (aborted) throw abortError(signal);
      }
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) {
    return setTimeout(delay, undefined, options);
  },
  yield() {
    return setImmediate();
  },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
