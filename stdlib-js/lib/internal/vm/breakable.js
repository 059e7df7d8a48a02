'use strict';
// Runs that a timeout or SIGINT may stop (vm's `timeout` and `breakOnSigint` options), for
// scripts (node:vm) and modules (internal/vm/module).

const kInterrupted = Symbol('interrupted');
const kTimedOut = Symbol('timedOut');

/** Whether run `options` ask for a watched run (breakOnSigint or a timeout). */
function watched(options) {
  return options !== undefined && (options.breakOnSigint === true || options.timeout > 0);
}

/**
 * `fn.apply(thisArg, args)` stopped by SIGINT (breakOnSigint) or by its `timeout`:
 * binding.signal.runBreakable terminates it from a watchdog or timer thread, as Node's does,
 * and its caller throws Node's error.
 */
function breakable(fn, thisArg, args, options) {
  if (binding.signal?.runBreakable === undefined) return Reflect.apply(fn, thisArg, args);
  const timeout = options.timeout > 0 ? options.timeout : 0;
  if (options.breakOnSigint !== true) {
    const result = binding.signal.runBreakable(fn, thisArg, args, undefined, timeout, kTimedOut);
    if (result === kTimedOut) throw timedOut(timeout);
    return result;
  }
  // As in Node, the process's SIGINT listeners sit the run out and come back after it.
  const listeners = process.rawListeners('SIGINT');
  process.removeAllListeners('SIGINT');
  let result;
  try {
    result = binding.signal.runBreakable(fn, thisArg, args, kInterrupted, timeout, kTimedOut);
  } finally {
    for (let i = 0; i < listeners.length; i++) process.addListener('SIGINT', listeners[i]);
  }
  if (result === kTimedOut) throw timedOut(timeout);
  if (result === kInterrupted) {
    // Node throws this one from C++: a plain Error with a code (no `[CODE]` in its name).
    const err = new Error('Script execution was interrupted by `SIGINT`');
    err.code = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
    Error.captureStackTrace(err, breakable);
    throw err;
  }
  return result;
}

function timedOut(timeout) {
  const err = new Error(`Script execution timed out after ${timeout}ms`);
  err.code = 'ERR_SCRIPT_EXECUTION_TIMEOUT';
  Error.captureStackTrace(err, breakable);
  return err;
}

module.exports = { breakable, watched };
