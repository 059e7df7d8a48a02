'use strict';
// The Readable operators (readable.map, filter, flatMap, drop, take, asIndexedPairs, compose -
// which return streams - and every, some, find, forEach, reduce, toArray - which return
// promises), called with the source stream as `this`. Readable.prototype holds small stubs that
// load this file on first use and wrap the generators below in Readable.from().
//
// map() runs up to `concurrency` calls of fn at once and keeps up to `highWaterMark` results
// (default concurrency - 1, plus the running ones) waiting, handing them out in source order.

const {
  AbortError, codes, validateAbortSignal, validateInteger, validateObject,
} = require('internal/errors');
const { isNodeStream, isWritable } = require('internal/streams/utils');
const { addAbortSignalNoValidate } = require('internal/streams/add-abort-signal');

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE } = codes;

// fn's answer "nothing to emit" (filter, forEach), and the end of the source in map's queue.
const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function nop() {}

function validateFn(fn, name = 'fn') {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
}

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options != null && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function signalOf(options) {
  return options != null ? options.signal : undefined;
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

// ===== operators returning a stream =====

function compose(stream, options) {
  validateOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  const composed = require('internal/streams/compose')(this, stream);
  const signal = signalOf(options);
  if (signal) addAbortSignalNoValidate(signal, composed);
  return composed;
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);
  let concurrency = 1;
  if (options != null && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options != null && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  // Results waiting to be read, on top of the calls still running.
  highWaterMark += concurrency;
  return mapGenerator(this, fn, signalOf(options), concurrency, highWaterMark);
}

async function* mapGenerator(stream, fn, outerSignal, concurrency, highWaterMark) {
  // fn gets a signal that aborts with the caller's.
  const signal = AbortSignal.any(outerSignal ? [outerSignal] : []);
  const fnOptions = { signal };
  // Promises of fn's results in source order, then kEof.
  const queue = [];
  let running = 0;
  // No more pulling from the source (the consumer stopped, or something failed).
  let done = false;
  let wakeConsumer = null;
  let wakePump = null;

  const wakeUpConsumer = () => {
    if (wakeConsumer) {
      const wake = wakeConsumer;
      wakeConsumer = null;
      wake();
    }
  };
  const maybeWakePump = () => {
    if (wakePump && !done && running < concurrency && queue.length < highWaterMark) {
      const wake = wakePump;
      wakePump = null;
      wake();
    }
  };
  const onSettled = () => {
    running--;
    maybeWakePump();
  };
  const onFailed = () => {
    done = true;
    onSettled();
  };
  const enqueue = (promise) => {
    running++;
    promise.then(onSettled, onFailed);
    queue.push(promise);
    wakeUpConsumer();
  };

  async function pump() {
    try {
      for await (const value of stream) {
        if (done) return;
        if (signal.aborted) throw new AbortError();
        let result;
        try {
          result = fn(value, fnOptions);
          if (result === kEmpty) continue;
          result = Promise.resolve(result);
        } catch (err) {
          result = Promise.reject(err);
        }
        enqueue(result);
        if (!done && (queue.length >= highWaterMark || running >= concurrency)) {
          await new Promise((resolve) => {
            wakePump = resolve;
          });
        }
      }
      queue.push(kEof);
    } catch (err) {
      enqueue(Promise.reject(err));
    } finally {
      done = true;
      wakeUpConsumer();
    }
  }

  pump();

  try {
    while (true) {
      while (queue.length > 0) {
        const result = await queue[0];
        if (result === kEof) return;
        if (signal.aborted) throw new AbortError();
        if (result !== kEmpty) yield result;
        queue.shift();
        maybeWakePump();
      }
      await new Promise((resolve) => {
        wakeConsumer = resolve;
      });
    }
  } finally {
    done = true;
    if (wakePump) {
      const wake = wakePump;
      wakePump = null;
      wake();
    }
  }
}

function filter(fn, options) {
  validateFn(fn);
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flatMap() {
    for await (const value of values) yield* value;
  })();
}

let warnedIndexedPairs = false;

function asIndexedPairs(options = undefined) {
  if (!warnedIndexedPairs) {
    warnedIndexedPairs = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.',
      'DeprecationWarning');
  }
  validateOptions(options);
  const signal = signalOf(options);
  const stream = this;
  return (async function* asIndexedPairs() {
    let index = 0;
    for await (const value of stream) {
      checkAborted(signal);
      yield [index++, value];
    }
  })();
}

/** drop/take's count: a number >= 0 (NaN counts as 0), as the iterator helpers proposal has it. */
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  const signal = signalOf(options);
  const stream = this;
  return (async function* drop() {
    checkAborted(signal);
    for await (const value of stream) {
      checkAborted(signal);
      if (number-- <= 0) yield value;
    }
  })();
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  const signal = signalOf(options);
  const stream = this;
  return (async function* take() {
    checkAborted(signal);
    for await (const value of stream) {
      checkAborted(signal);
      if (number-- > 0) yield value;
      // Enough: do not wait for another item.
      if (number <= 0) return;
    }
  })();
}

// ===== operators returning a promise =====

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) return true; // eslint-disable-line no-unused-vars
  return false;
}

async function every(fn, options = undefined) {
  validateFn(fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  validateFn(fn);
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  for await (const unused of map.call(this, forEachFn, options)); // eslint-disable-line no-unused-vars
}

async function toArray(options) {
  validateOptions(options);
  const signal = signalOf(options);
  const result = [];
  for await (const value of this) {
    checkAborted(signal);
    result.push(value);
  }
  return result;
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  const outerSignal = signalOf(options);
  if (outerSignal && outerSignal.aborted) {
    const err = new AbortError(undefined, { cause: outerSignal.reason });
    this.once('error', nop); // reported through the rejection
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  // The reducer's signal aborts with the caller's, and once reduce is over.
  const ac = new AbortController();
  const signal = ac.signal;
  let stopListening = nop;
  if (outerSignal) {
    const onAbort = () => ac.abort();
    outerSignal.addEventListener('abort', onAbort, { once: true });
    stopListening = () => outerSignal.removeEventListener('abort', onAbort);
  }
  let gotAnyItem = false;
  try {
    for await (const value of this) {
      gotAnyItem = true;
      if (outerSignal && outerSignal.aborted) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItem && !hasInitialValue) {
      const err = new ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
    stopListening();
  }
  return initialValue;
}

module.exports = {
  asIndexedPairs,
  compose,
  drop,
  every,
  filter,
  find,
  flatMap,
  forEach,
  map,
  reduce,
  some,
  take,
  toArray,
};
