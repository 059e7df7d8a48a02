'use strict';
// The process.nextTick queue and unhandled-rejection bookkeeping.
// Loaded by internal/bootstrap/node. The runtime calls `processTicksAndRejections` (through
// the bootstrap's hooks) after every callback into JS, and `promiseRejectHandler` from V8's
// promise-reject callback; `type` numbers are V8's PromiseRejectEvent values.

const { runMicrotasks, triggerUncaughtException, tickInfo } = binding.runtime;

// Shared with Rust (runtime/src/state.rs): after a callback the runtime calls
// processTicksAndRejections only when one of these is set.
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// ===== nextTick =====

// A plain FIFO in an array with a moving head: shift() on a long array is O(n).
let queue = [];
let head = 0;

const asyncContext = require('internal/async_context');

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  queue.push({ callback, args, frame: asyncContext.capture() });
  tickInfo[kHasTickScheduled] = 1;
}

function runTicks() {
  while (head < queue.length) {
    const tock = queue[head];
    queue[head++] = undefined;
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
    const { callback, args } = tock;
    // An exception propagates to the runtime, which reports it and calls us again for the rest.
    if (asyncContext.state.active) asyncContext.runInFrame(tock.frame, callback, undefined, args);
    else if (args.length === 0) callback();
    else Reflect.apply(callback, undefined, args);
  }
}

function processTicksAndRejections() {
  do {
    runTicks();
    runMicrotasks();
  } while (head < queue.length || processPromiseRejections());
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

// ===== unhandled rejections (Node's default mode: throw) =====

const kRejectWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

// promise -> { reason, warned }; a WeakMap so handled promises can be collected.
const maybeUnhandled = new WeakMap();
const pending = [];
// Promises already reported as unhandled: adding a handler later emits 'rejectionHandled'.
const reported = new WeakSet();
const pendingHandled = [];

function promiseRejectHandler(type, promise, reason) {
  if (type === kRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, handled: false });
    pending.push(promise);
    tickInfo[kHasRejectionToWarn] = 1;
  } else if (type === kHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info !== undefined) {
      info.handled = true;
      maybeUnhandled.delete(promise);
    } else if (reported.has(promise)) {
      reported.delete(promise);
      pendingHandled.push(promise);
      tickInfo[kHasRejectionToWarn] = 1;
    }
  }
}

/** Returns true when it may have queued more work (so the tick loop goes round again). */
function processPromiseRejections() {
  let worked = false;
  while (pendingHandled.length > 0) {
    const promise = pendingHandled.shift();
    process.emit('rejectionHandled', promise);
    worked = true;
  }
  while (pending.length > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined || info.handled) continue;
    maybeUnhandled.delete(promise);
    reported.add(promise);
    worked = true;
    const { reason } = info;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    let error = reason;
    if (!isErrorLike(reason)) {
      error = unhandledRejectionError(reason);
    }
    triggerUncaughtException(error, true);
  }
  return worked;
}

function isErrorLike(value) {
  return value !== null && typeof value === 'object' && (
    binding.types.isNativeError(value) || value instanceof Error);
}

function unhandledRejectionError(reason) {
  const { inspect } = require('internal/util/inspect');
  let shown;
  try {
    shown = inspect(reason);
  } catch {
    shown = '[object]';
  }
  return new UnhandledPromiseRejection(
    'This error originated either by throwing inside of an async function without a catch ' +
    'block, or by rejecting a promise which was not handled with .catch(). The promise ' +
    `rejected with the reason "${shown}".`);
}

class UnhandledPromiseRejection extends Error {
  constructor(message) {
    super(message);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
// On the prototype, so the stack reads "UnhandledPromiseRejection: ..." without an own `name`.
UnhandledPromiseRejection.prototype.name = 'UnhandledPromiseRejection';

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
