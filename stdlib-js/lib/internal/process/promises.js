'use strict';
// Unhandled rejections, in Node's default mode (throw): V8 reports each rejection without a
// handler (promiseRejectHandler, called by the runtime's promise-reject callback; `type` is
// V8's PromiseRejectEvent) and internal/process/task_queues drains them after the ticks.
// An 'unhandledRejection' listener handles it; otherwise the reason becomes an uncaught
// exception, and a non-error reason is wrapped in an UnhandledPromiseRejection error. The
// two statements that can head Node's report are written as Node's are, because the report
// shows the source line of where the error came from.

const { triggerUncaughtException, tickInfo } = binding.runtime;

// Index into the tick info array shared with Rust (see task_queues).
const kHasRejectionToWarn = 1;

const kRejectWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

// promise -> { reason, handled }; a WeakMap so handled promises can be collected.
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
    reportUnhandled(promise, info.reason);
  }
  return worked;
}

function reportUnhandled(promise, reason) {
  if (!process.emit('unhandledRejection', reason, promise)) {
    const err = isErrorLike(reason) ? reason : rejectionError(reason);
    triggerUncaughtException(err, true /* fromPromise */);
  }
}

function isErrorLike(value) {
  return value !== null && typeof value === 'object' && (
    binding.types.isNativeError(value) || value instanceof Error);
}

function rejectionError(reason) {
  const err =
      new UnhandledPromiseRejection(reason);
  return err;
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    const { inspect } = require('internal/util/inspect');
    let shown;
    try {
      shown = inspect(reason);
    } catch {
      shown = '[object]';
    }
    super('This error originated either by throwing inside of an async function without a ' +
      'catch block, or by rejecting a promise which was not handled with .catch(). The ' +
      `promise rejected with the reason "${shown}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
// On the prototype, so the stack reads "UnhandledPromiseRejection: ..." without an own `name`.
UnhandledPromiseRejection.prototype.name = 'UnhandledPromiseRejection';

module.exports = { processPromiseRejections, promiseRejectHandler };
