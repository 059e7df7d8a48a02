// node:assert - ok/equal/deepEqual/throws/rejects/match/fail/ifError and friends, plus
// `assert.strict` (the strict-mode variants under the loose names) and the deprecated
// CallTracker. Messages come from AssertionError (internal/assert/assertion_error).
'use strict';

const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_UNAVAILABLE_DURING_EXIT,
  },
  validateUint32,
} = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');
const { innerOk } = require('internal/assert/utils');
const { isDeepEqual, isDeepStrictEqual } = require('internal/util/comparisons');

const types = binding.types;
const isRegExp = (value) => types.isRegExp(value);
const isError = (value) => types.isNativeError(value) || value instanceof Error;
const execRegExp = (re, str) => RegExp.prototype.exec.call(re, str);

// Returned by getActual / waitForActual when the function did not throw / reject.
const NO_EXCEPTION = {};

let warnedFail = false;

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function isPromiseLike(value) {
  return types.isPromise(value) ||
    (value !== null && typeof value === 'object' && typeof value.then === 'function' &&
     typeof value.catch === 'function');
}

// The object shown in the diff when a validation object does not match: only the keys that
// were checked, with RegExp expectations that matched replaced by the matched string.
class Comparison {
  constructor(source, keys, actual) {
    for (const key of keys) {
      if (!(key in source)) continue;
      const value = source[key];
      if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(value) &&
          execRegExp(value, actual[key]) !== null) {
        this[key] = actual[key];
      } else {
        this[key] = value;
      }
    }
  }
}

function checkKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
  innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

function requireTwo(count) {
  if (count < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

const bothNaN = (a, b) => Number.isNaN(a) && Number.isNaN(b);

// Fail with the AssertionError described by `obj`, unless the message is an Error (thrown as
// is). The throw statements here and in fail() read as Node's do, since an uncaught failure's
// report shows that source line (tests compare it with the line number normalised).
function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;

  throw new AssertionError(obj);
}

function matchesError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return execRegExp(expected, String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}
const assert = module.exports = ok;

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let generated = false; // Only for the "Failed" default.
  if (argsLen === 0) {
    generated = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFail) {
      warnedFail = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.',
      'DeprecationWarning', 'DEP0094');
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (generated) {
    err.generatedMessage = true;
  }
  throw err;
}

assert.fail = fail;
assert.AssertionError = AssertionError;
assert.ok = ok;

assert.equal = function equal(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && !bothNaN(actual, expected)) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || bothNaN(actual, expected)) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};

assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({
      actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual,
    });
  }
};

assert.strictEqual = function strictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

// ===== throws / rejects =====

// Check a caught error against `expected` (class, RegExp, validation object or function).
function checkError(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (execRegExp(expected, str) !== null) return;
      if (!message) {
        generated = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn,
      });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            execRegExp(expected[key], actual[key]) !== null) {
          continue;
        }
        checkKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    // An Error subclass that the error is not an instance of.
    if (!message) {
      generated = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        message += expected.name === name ?
          'an error with identical name but a different prototype.' : `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (!message) {
      generated = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". ` +
        `Received ${inspect(result)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

const kErrorTypes = ['Object', 'Error', 'Function', 'RegExp'];

function expectError(fn, actual, error, message, argCount) {
  if (typeof error === 'string') {
    if (argCount === 4) throw new ERR_INVALID_ARG_TYPE('error', kErrorTypes, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT(
          'error/message', `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT(
        'error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', kErrorTypes, error);
  }

  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const what = fn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: fn.name,
      message: `Missing expected ${what}${details}`,
      stackStartFn: fn,
    });
  }
  if (!error) return;
  checkError(actual, error, message, fn);
}

function expectNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || matchesError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const what = fn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: fn.name,
      message: `Got unwanted ${what}${details}\nActual message: "${actual && actual.message}"`,
      stackStartFn: fn,
    });
  }
  throw actual;
}

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isPromiseLike(promise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', promise);
    }
  } else if (isPromiseLike(promiseFn)) {
    promise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

assert.throws = function throws(fn, ...args) {
  expectError(throws, getActual(fn), args[0], args[1], args.length + 2);
};

assert.rejects = async function rejects(promiseFn, ...args) {
  expectError(rejects, await waitForActual(promiseFn), args[0], args[1], args.length + 2);
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectNoError(doesNotReject, await waitForActual(fn), ...args);
};

// ===== ifError / match =====

assert.ifError = function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError,
    });
    // Append the original error's frames, dropping the new frames from the first one they
    // have in common.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const at = origStack.indexOf('\n    at');
      if (at !== -1) {
        const origFrames = origStack.slice(at + 1).split('\n');
        let frames = newErr.stack.split('\n');
        for (const frame of origFrames) {
          const pos = frames.indexOf(frame);
          if (pos !== -1) {
            frames = frames.slice(0, pos);
            break;
          }
        }
        newErr.stack = `${frames.join('\n')}\n${origFrames.join('\n')}`;
      }
    }
    throw newErr;
  }
};

function checkMatch(string, regexp, message, fn, wantMatch) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  if (typeof string === 'string' && (execRegExp(regexp, string) !== null) === wantMatch) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  if (!message) {
    if (typeof string !== 'string') {
      message = 'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})`;
    } else {
      message = (wantMatch ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const err = new AssertionError({
    actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn,
  });
  err.generatedMessage = generated;
  throw err;
}

assert.match = function match(string, regexp, message) {
  checkMatch(string, regexp, message, match, true);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  checkMatch(string, regexp, message, doesNotMatch, false);
};

// ===== CallTracker (deprecated) =====

let warnedTracker = false;
const noop = () => {};

class CallTracker {
  #functions = new Map(); // wrapper -> record

  constructor() {
    if (!warnedTracker) {
      warnedTracker = true;
      process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
    }
  }

  calls(fn, exact = 1) {
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      exact = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(exact, 'expected', true);
    validateFunction(fn, 'fn');
    const record = {
      exact,
      calls: [],
      name: fn.name || 'calls',
      stackTrace: new Error(),
    };
    Error.captureStackTrace(record.stackTrace, this.calls);
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, argList) {
        // Frozen: getCalls() hands these out as they are.
        record.calls.push(Object.freeze({ thisArg, arguments: Object.freeze(argList) }));
        return Reflect.apply(target, thisArg, argList);
      },
    });
    this.#functions.set(tracked, record);
    return tracked;
  }

  #record(fn) {
    const record = this.#functions.get(fn);
    if (record === undefined) {
      throw new ERR_INVALID_ARG_VALUE('tracked', fn, 'is not a tracked function');
    }
    return record;
  }

  getCalls(fn) {
    return Object.freeze(this.#record(fn).calls.slice());
  }

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#functions.values()) record.calls = [];
      return;
    }
    this.#record(fn).calls = [];
  }

  report() {
    const errors = [];
    for (const record of this.#functions.values()) {
      if (record.calls.length !== record.exact) {
        errors.push({
          message: `Expected the ${record.name} function to be executed ${record.exact} ` +
            `time(s) but was executed ${record.calls.length} time(s).`,
          actual: record.calls.length,
          expected: record.exact,
          operator: record.name,
          stack: record.stackTrace,
        });
      }
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

assert.CallTracker = CallTracker;

// ===== assert.strict =====

function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
