'use strict';
// The process.nextTick queue and queueMicrotask. Loaded by internal/bootstrap/node. The
// runtime calls `processTicksAndRejections` (through the bootstrap's hooks) after every
// callback into JS: ticks, then microtasks, then unhandled rejections (internal/process/
// promises, whose `promiseRejectHandler` V8's promise-reject callback reaches through here).

const { runMicrotasks, triggerUncaughtException, tickInfo } = binding.runtime;

// Shared with Rust (runtime/src/state.rs): after a callback the runtime calls
// processTicksAndRejections only when one of these is set.
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// ===== nextTick =====

// A FIFO in an array with a moving head and tail (shift() on a long array is O(n)); the array
// is kept when the queue drains, so steady traffic stores into it instead of growing a new one.
let queue = [];
let head = 0;
let tail = 0;

const asyncContext = require('internal/async_context');
const asyncHooks = require('internal/async_hooks');

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  const tock = {
    callback, args, frame: asyncContext.capture(),
    asyncId: asyncHooks.newAsyncId(), triggerAsyncId: asyncHooks.executionAsyncId(),
  };
  asyncHooks.emitInit(tock.asyncId, 'TickObject', tock.triggerAsyncId, tock);
  queue[tail++] = tock;
  tickInfo[kHasTickScheduled] = 1;
}

function runTicks() {
  while (head < tail) {
    const tock = queue[head];
    queue[head++] = undefined;
    if (head === tail) {
      head = 0;
      tail = 0;
      // A burst's long array is let go.
      if (queue.length > 1024) queue = [];
    }
    const { callback, args } = tock;
    // An exception propagates to the runtime, which reports it and calls us again for the rest.
    asyncHooks.emitBefore(tock.asyncId, tock.triggerAsyncId, tock);
    try {
      if (asyncContext.state.active) asyncContext.runInFrame(tock.frame, callback, undefined, args);
      else {
        // Called directly for the usual few arguments (an apply with an array costs more).
        switch (args.length) {
          case 0: callback(); break;
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          default: Reflect.apply(callback, undefined, args);
        }
      }
    } finally {
      asyncHooks.emitDestroy(tock.asyncId);
    }
    asyncHooks.emitAfter(tock.asyncId);
  }
}

const { processPromiseRejections, promiseRejectHandler } = require('internal/process/promises');

function processTicksAndRejections() {
  do {
    runTicks();
    runMicrotasks();
  } while (head < tail || processPromiseRejections());
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

// ===== queueMicrotask =====

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  // A throwing microtask is an uncaught exception, not a rejected promise.
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  });
}

module.exports = {
  nextTick,
  processTicksAndRejections,
  promiseRejectHandler,
  queueMicrotask,
};
