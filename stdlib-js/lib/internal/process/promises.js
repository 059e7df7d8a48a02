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
const kRejectAfterResolved = 2;
const kResolveAfterResolved = 3;
let multipleResolvesWarned = false;

// promise -> { reason, handled }; a WeakMap so handled promises can be collected.
const maybeUnhandled = new WeakMap();
const pending = [];
// Promises already reported as unhandled (-> rejection id): adding a handler later emits
// 'rejectionHandled', or without a listener Node's PromiseRejectionHandledWarning.
const reported = new WeakMap();
const pendingHandled = [];

// node.promises.rejections trace events (loaded on the first rejection V8 reports).
const { state: traceState, traceEvents } = require('internal/trace_events_state');

// Each rejection without a handler gets an id; warnings name it.
let lastRejectionId = 0;

function promiseRejectHandler(type, promise, reason) {
  if ((type === kRejectWithNoHandler || type === kHandlerAddedAfterReject) &&
      traceState.rejections) {
    traceEvents().onRejection(type === kRejectWithNoHandler);
  }
  if (type === kRejectWithNoHandler) {
    // A rejection inside a domain goes to that domain's 'error' instead of 'unhandledRejection'.
    maybeUnhandled.set(promise, {
      reason, handled: false, id: ++lastRejectionId, domain: process.domain,
    });
    pending.push(promise);
    tickInfo[kHasRejectionToWarn] = 1;
  } else if (type === kResolveAfterResolved || type === kRejectAfterResolved) {
    // The deprecated 'multipleResolves' event, on the next tick (in the executor, a listener
    // that threw would reject the promise instead).
    const which = type === kResolveAfterResolved ? 'resolve' : 'reject';
    process.nextTick(() => {
      if (process.emit('multipleResolves', which, promise, reason) && !multipleResolvesWarned) {
        multipleResolvesWarned = true;
        process.emitWarning('The multipleResolves event has been deprecated.',
          'DeprecationWarning', 'DEP0160');
      }
    });
  } else if (type === kHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info !== undefined) {
      info.handled = true;
      maybeUnhandled.delete(promise);
    } else if (reported.has(promise)) {
      // Made now, so that its stack shows where the handler was added.
      const warning = new Error(
        `Promise rejection was handled asynchronously (rejection id: ${reported.get(promise)})`);
      Object.defineProperty(warning, 'name', {
        __proto__: null, value: 'PromiseRejectionHandledWarning', enumerable: false, writable: true,
        configurable: true,
      });
      warning.stack = warning.stack.replace(/^Error/, 'PromiseRejectionHandledWarning');
      reported.delete(promise);
      pendingHandled.push({ promise, warning });
      tickInfo[kHasRejectionToWarn] = 1;
    }
  }
}

/** Returns true when it may have queued more work (so the tick loop goes round again). */
function processPromiseRejections() {
  let worked = false;
  while (pendingHandled.length > 0) {
    const { promise, warning } = pendingHandled.shift();
    if (!process.emit('rejectionHandled', promise)) process.emitWarning(warning);
    worked = true;
  }
  // Only those pending now: a rejection made by a listener waits for the next round, so that
  // the ticks it queued (which may handle it) run first, as in Node.
  for (let left = pending.length; left > 0; left--) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined || info.handled) continue;
    maybeUnhandled.delete(promise);
    reported.set(promise, info.id);
    worked = true;
    reportUnhandled(promise, info.reason, info.id, info.domain);
  }
  return worked;
}

let mode;

/** --unhandled-rejections=throw (the default), strict, warn, warn-with-error-code or none. */
function rejectionsMode() {
  if (mode === undefined) {
    mode = require('internal/options').getOptionValue('--unhandled-rejections') || 'throw';
  }
  return mode;
}

// Two warnings, as Node's: the reason (its stack when error-like, else a side-effect-free
// string), then the note, which carries the reason's stack so --trace-warnings and 'warning'
// listeners see where the rejection came from.
function warnUnhandled(reason, id) {
  const note = new Error('Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${id})`);
  Object.defineProperty(note, 'name', {
    value: 'UnhandledPromiseRejectionWarning', enumerable: false, writable: true, configurable: true,
  });
  note.stack = `UnhandledPromiseRejectionWarning: ${note.message}`;
  try {
    if (isErrorLike(reason)) {
      note.stack = reason.stack;
      process.emitWarning(reason.stack, 'UnhandledPromiseRejectionWarning');
    } else {
      process.emitWarning(noSideEffectsToString(reason), 'UnhandledPromiseRejectionWarning');
    }
  } catch {
    // A reason whose stack getter throws: its plain string form, if even that works.
    try {
      process.emitWarning(noSideEffectsToString(reason), 'UnhandledPromiseRejectionWarning');
    } catch {
      // nothing to show
    }
  }
  process.emitWarning(note);
}

// V8's side-effect-free string of a value: no user toString or getter runs.
function noSideEffectsToString(value) {
  if (typeof value === 'symbol') return Symbol.prototype.toString.call(value);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return String(value);
  }
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (binding.types.isNativeError(value)) {
    const name = ownOrInheritedData(value, 'name');
    const message = ownOrInheritedData(value, 'message');
    const n = name === undefined ? 'Error' : String(name);
    const m = message === undefined ? '' : String(message);
    if (n === '') return m;
    return m === '' ? n : `${n}: ${m}`;
  }
  const toString = ownOrInheritedData(value, 'toString');
  if (toString === Object.prototype.toString) {
    const ctor = ownOrInheritedData(value, 'constructor');
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '') {
      return `#<${ctor.name}>`;
    }
  }
  return Object.prototype.toString.call(value);
}

// A data property's value along the prototype chain; accessors (and proxies) give undefined.
function ownOrInheritedData(object, key) {
  let o = object;
  while (o !== null && o !== undefined) {
    if (binding.types.isProxy(o)) return undefined;
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return 'value' in desc ? desc.value : undefined;
    o = Object.getPrototypeOf(o);
  }
  return undefined;
}

function emitUnhandled(reason, promise, domain) {
  if (domain !== null && domain !== undefined) return domain.emit('error', reason);
  return process.emit('unhandledRejection', reason, promise);
}

function reportUnhandled(promise, reason, id, domain) {
  switch (rejectionsMode()) {
    case 'none':
      emitUnhandled(reason, promise, domain);
      return;
    case 'warn':
      emitUnhandled(reason, promise, domain);
      warnUnhandled(reason, id);
      return;
    case 'warn-with-error-code':
      if (!emitUnhandled(reason, promise, domain)) {
        warnUnhandled(reason, id);
        process.exitCode = 1;
      }
      return;
    case 'strict': {
      const error = isErrorLike(reason) ? reason : rejectionError(reason);
      triggerUncaughtException(error, true /* fromPromise */);
      emitUnhandled(reason, promise, domain);
      return;
    }
    default:
      break;
  }
  if (!emitUnhandled(reason, promise, domain)) {
    const err = isErrorLike(reason) ? reason : rejectionError(reason);
    triggerUncaughtException(err, true /* fromPromise */);
  }
}

// Node's test: an object with an own `stack` (an Error whose stack was deleted is not one, an
// object given a stack by Error.captureStackTrace is).
function isErrorLike(value) {
  return value !== null && typeof value === 'object' &&
    Object.prototype.hasOwnProperty.call(value, 'stack');
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
