'use strict';
// WHATWG ReadableStream (https://streams.spec.whatwg.org/#rs): the stream, its default reader
// and default controller, tee(), from(), async iteration and pipeTo()/pipeThrough(). Byte
// streams (type: 'bytes', BYOB readers) live in internal/webstreams/bytestream.

const { codes } = require('internal/errors');
const {
  deferred, dequeueValue, enqueueValueWithSize, extractHighWaterMark, extractSizeAlgorithm,
  inspectAs, invalidArgValue, invalidState, invalidThis, kInspect, markHandled, noop,
  promiseCall, resetQueue, webIDL,
} = require('internal/webstreams/util');

const kState = Symbol('kState');
let bytes; // internal/webstreams/bytestream, loaded on first use
const byteStreams = () => (bytes ??= require('internal/webstreams/bytestream'));
let writable; // internal/webstreams/writablestream, for pipeTo
const writableStreams = () => (writable ??= require('internal/webstreams/writablestream'));

const kConstruct = Symbol('kConstruct');
// What node:stream's finished() and addAbortSignal() use on web streams (the keys Node shares).
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

function isReadableStream(value) {
  return typeof value === 'object' && value !== null && value[kState]?.kind === 'ReadableStream';
}

class ReadableStream {
  constructor(underlyingSource = null, strategy = {}) {
    this[kState] = {
      kind: 'ReadableStream', owner: this, state: 'readable', reader: undefined,
      storedError: undefined, disturbed: false, controller: undefined,
      // Settled when the stream closes or errors; made on first request (finished()).
      closedPromise: undefined,
    };
    if (underlyingSource === kConstruct) return;
    if (underlyingSource !== null && typeof underlyingSource !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('source', 'Object', underlyingSource);
    }
    const source = underlyingSource ?? {};
    if (strategy != null && typeof strategy !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    const type = source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy?.size !== undefined) {
        throw invalidArgValue(RangeError, 'strategy.size', strategy.size);
      }
      const hwm = extractHighWaterMark(strategy, 0);
      byteStreams().setUpFromSource(this, source, hwm);
      return;
    }
    if (type !== undefined) throw invalidArgValue(TypeError, 'source.type', type);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpDefaultControllerFromSource(this, source, hwm, size);
  }

  get locked() {
    return isLocked(stateOf(this));
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return Promise.reject(invalidThis('ReadableStream'));
    const stream = this[kState];
    if (isLocked(stream)) return Promise.reject(invalidState('ReadableStream is locked'));
    return readableStreamCancel(stream, reason);
  }

  getReader(options = undefined) {
    stateOf(this);
    if (options != null && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw invalidArgValue(TypeError, 'options.mode', mode);
    return new (byteStreams().ReadableStreamBYOBReader)(this);
  }

  pipeThrough(transform, options = {}) {
    const stream = stateOf(this);
    const { readable, writable: dest } = transform ?? {};
    if (!isReadableStream(readable)) {
      throw new codes.ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    if (!writableStreams().isWritableStream(dest)) {
      throw new codes.ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', dest);
    }
    const opts = pipeOptions(options);
    if (isLocked(stream)) throw invalidState('The ReadableStream is locked');
    if (writableStreams().isLocked(dest)) throw invalidState('The WritableStream is locked');
    markHandled(readableStreamPipeTo(stream, dest, opts));
    return readable;
  }

  pipeTo(destination, options = {}) {
    try {
      const stream = stateOf(this);
      if (!writableStreams().isWritableStream(destination)) {
        throw new codes.ERR_INVALID_ARG_TYPE('destination', 'WritableStream', destination);
      }
      const opts = pipeOptions(options);
      if (isLocked(stream)) throw invalidState('The ReadableStream is locked');
      if (writableStreams().isLocked(destination)) throw invalidState('The WritableStream is locked');
      return readableStreamPipeTo(stream, destination, opts);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  tee() {
    const stream = stateOf(this);
    const [a, b] = readableStreamTee(stream);
    return [a, b];
  }

  values(options = undefined) {
    const stream = stateOf(this);
    const preventCancel = !!options?.preventCancel;
    return createAsyncIterator(stream, preventCancel);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  [kInspect](depth, options, inspect) {
    const stream = stateOf(this);
    return inspectAs('ReadableStream', {
      locked: isLocked(stream), state: stream.state,
      supportsBYOB: byteStreams().isByteController(stream.controller),
    }, depth, options, inspect);
  }
}
webIDL(ReadableStream, 'ReadableStream',
  ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});
Object.defineProperties(ReadableStream.prototype, {
  [kIsClosedPromise]: {
    configurable: true,
    get() {
      const stream = stateOf(this);
      if (stream.closedPromise === undefined) {
        stream.closedPromise = deferred();
        if (stream.state === 'closed') stream.closedPromise.resolve();
        else if (stream.state === 'errored') settleClosedPromise(stream, stream.storedError);
      }
      return stream.closedPromise;
    },
  },
  [kControllerErrorFunction]: {
    configurable: true,
    get() {
      const stream = stateOf(this);
      return (error) => {
        const controller = stream.controller;
        if (controller === undefined) return;
        if (controller.kind === 'ReadableByteStreamController') byteStreams().controllerError(controller, error);
        else controllerError(controller, error);
      };
    },
  },
});

function settleClosedPromise(stream, error) {
  const closed = stream.closedPromise;
  if (closed === undefined || closed.settled) return;
  if (error === undefined && stream.state === 'closed') {
    closed.resolve();
  } else {
    closed.reject(error);
    markHandled(closed.promise);
  }
}

function stateOf(value) {
  if (!isReadableStream(value)) throw invalidThis('ReadableStream');
  return value[kState];
}

function isLocked(stream) {
  return stream.reader !== undefined;
}

function pipeOptions(options) {
  if (options != null && typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const signal = options?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  return {
    preventAbort: !!options?.preventAbort,
    preventCancel: !!options?.preventCancel,
    preventClose: !!options?.preventClose,
    signal,
  };
}

/** A stream made by the runtime from algorithms (tee branches, from(), transform streams). */
function createReadableStream(start, pull, cancel, hwm = 1, size = () => 1) {
  const stream = new ReadableStream(kConstruct);
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  setUpDefaultController(stream[kState], controller, start, pull, cancel, hwm, size);
  return stream;
}

// ===== stream operations =====

function readableStreamCancel(stream, reason) {
  stream.disturbed = true;
  if (stream.state === 'closed') return Promise.resolve();
  if (stream.state === 'errored') return Promise.reject(stream.storedError);
  readableStreamClose(stream);
  const reader = stream.reader;
  if (reader !== undefined && reader.readIntoRequests !== undefined) {
    const requests = reader.readIntoRequests;
    reader.readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  return stream.controller.cancelSteps(reason).then(noop);
}

function readableStreamClose(stream) {
  stream.state = 'closed';
  settleClosedPromise(stream);
  const reader = stream.reader;
  if (reader === undefined) return;
  reader.closed.resolve();
  if (reader.readRequests !== undefined) {
    const requests = reader.readRequests;
    reader.readRequests = [];
    for (const request of requests) request.close();
  }
}

function readableStreamError(stream, error) {
  stream.state = 'errored';
  stream.storedError = error;
  settleClosedPromise(stream, error);
  const reader = stream.reader;
  if (reader === undefined) return;
  reader.closed.reject(error);
  markHandled(reader.closed.promise);
  if (reader.readRequests !== undefined) errorReadRequests(reader, error);
  else byteStreams().errorReadIntoRequests(reader, error);
}

function errorReadRequests(reader, error) {
  const requests = reader.readRequests;
  reader.readRequests = [];
  for (const request of requests) request.error(error);
}

function fulfillReadRequest(stream, chunk, done) {
  const request = stream.reader.readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function numReadRequests(stream) {
  return stream.reader?.readRequests?.length ?? 0;
}

// ===== readers =====

function readerInitialize(reader, stream) {
  reader.stream = stream;
  stream.reader = reader;
  reader.closed = deferred();
  if (stream.state === 'closed') {
    reader.closed.resolve();
  } else if (stream.state === 'errored') {
    reader.closed.reject(stream.storedError);
    markHandled(reader.closed.promise);
  }
}

function readerRelease(reader) {
  const stream = reader.stream;
  const error = invalidState('Reader released');
  if (stream.state === 'readable') {
    reader.closed.reject(error);
  } else {
    reader.closed = deferred();
    reader.closed.reject(error);
  }
  markHandled(reader.closed.promise);
  stream.controller.releaseSteps();
  stream.reader = undefined;
  reader.stream = undefined;
}

function defaultReaderRead(reader, request) {
  const stream = reader.stream;
  stream.disturbed = true;
  if (stream.state === 'closed') request.close();
  else if (stream.state === 'errored') request.error(stream.storedError);
  else stream.controller.pullSteps(request);
}

function defaultReaderRelease(reader) {
  readerRelease(reader);
  errorReadRequests(reader, invalidState('Reader released'));
}

function readerState(value, type) {
  if (typeof value !== 'object' || value === null || value[kState]?.kind !== type) {
    throw invalidThis(type);
  }
  return value[kState];
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    const state = stream[kState];
    if (isLocked(state)) throw invalidState('ReadableStream is locked');
    this[kState] = { kind: 'ReadableStreamDefaultReader', readRequests: [] };
    readerInitialize(this[kState], state);
  }

  read() {
    let reader;
    try {
      reader = readerState(this, 'ReadableStreamDefaultReader');
    } catch (err) {
      return Promise.reject(err);
    }
    if (reader.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const { promise, resolve, reject } = deferred();
    defaultReaderRead(reader, {
      chunk: (value) => resolve({ value, done: false }),
      close: () => resolve({ value: undefined, done: true }),
      error: reject,
    });
    return promise;
  }

  releaseLock() {
    const reader = readerState(this, 'ReadableStreamDefaultReader');
    if (reader.stream !== undefined) defaultReaderRelease(reader);
  }

  get closed() {
    try {
      return readerState(this, 'ReadableStreamDefaultReader').closed.promise;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  cancel(reason = undefined) {
    let reader;
    try {
      reader = readerState(this, 'ReadableStreamDefaultReader');
    } catch (err) {
      return Promise.reject(err);
    }
    if (reader.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamCancel(reader.stream, reason);
  }

  [kInspect](depth, options, inspect) {
    const reader = readerState(this, 'ReadableStreamDefaultReader');
    return inspectAs('ReadableStreamDefaultReader', {
      stream: reader.stream?.owner, readRequests: reader.readRequests.length,
      close: reader.closed.promise,
    }, depth, options, inspect);
  }
}
webIDL(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader',
  ['read', 'releaseLock', 'closed', 'cancel']);

// ===== default controller =====

class ReadableStreamDefaultController {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    return desiredSize(controllerState(this));
  }

  close() {
    const controller = controllerState(this);
    if (!canCloseOrEnqueue(controller)) throw invalidState('Controller is already closed');
    controllerClose(controller);
  }

  enqueue(chunk = undefined) {
    const controller = controllerState(this);
    if (!canCloseOrEnqueue(controller)) throw invalidState('Controller is already closed');
    controllerEnqueue(controller, chunk);
  }

  error(error = undefined) {
    controllerError(controllerState(this), error);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('ReadableStreamDefaultController', {}, depth, options, inspect);
  }
}
webIDL(ReadableStreamDefaultController, 'ReadableStreamDefaultController',
  ['desiredSize', 'close', 'enqueue', 'error']);

function controllerState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'ReadableStreamDefaultController') {
    throw invalidThis('ReadableStreamDefaultController');
  }
  return value[kState];
}

function setUpDefaultControllerFromSource(stream, source, hwm, size) {
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  const { start, pull, cancel } = source;
  setUpDefaultController(stream[kState], controller,
    () => (start === undefined ? undefined : Reflect.apply(start, source, [controller])),
    () => promiseCall(pull, source, controller),
    (reason) => promiseCall(cancel, source, reason),
    hwm, size);
}

function setUpDefaultController(stream, object, start, pull, cancel, hwm, size) {
  const controller = {
    kind: 'ReadableStreamDefaultController', object, stream, queue: [], queueTotalSize: 0,
    started: false, closeRequested: false, pullAgain: false, pulling: false,
    strategySize: size, strategyHWM: hwm, pullAlgorithm: pull, cancelAlgorithm: cancel,
    pullSteps: (request) => pullSteps(controller, request),
    cancelSteps: (reason) => {
      resetQueue(controller);
      const result = controller.cancelAlgorithm(reason);
      clearAlgorithms(controller);
      return result;
    },
    releaseSteps: noop,
  };
  object[kState] = controller;
  stream.controller = controller;
  const startResult = start();
  Promise.resolve(startResult).then(() => {
    controller.started = true;
    callPullIfNeeded(controller);
  }, (err) => controllerError(controller, err));
}

function pullSteps(controller, request) {
  const stream = controller.stream;
  if (controller.queue.length > 0) {
    const chunk = dequeueValue(controller);
    if (controller.closeRequested && controller.queue.length === 0) {
      clearAlgorithms(controller);
      readableStreamClose(stream);
    } else {
      callPullIfNeeded(controller);
    }
    request.chunk(chunk);
  } else {
    stream.reader.readRequests.push(request);
    callPullIfNeeded(controller);
  }
}

function callPullIfNeeded(controller) {
  if (!shouldCallPull(controller)) return;
  if (controller.pulling) {
    controller.pullAgain = true;
    return;
  }
  controller.pulling = true;
  controller.pullAlgorithm().then(() => {
    controller.pulling = false;
    if (controller.pullAgain) {
      controller.pullAgain = false;
      callPullIfNeeded(controller);
    }
  }, (err) => controllerError(controller, err));
}

function shouldCallPull(controller) {
  if (!canCloseOrEnqueue(controller) || !controller.started) return false;
  if (isLocked(controller.stream) && numReadRequests(controller.stream) > 0) return true;
  return desiredSize(controller) > 0;
}

function clearAlgorithms(controller) {
  controller.pullAlgorithm = undefined;
  controller.cancelAlgorithm = undefined;
  controller.strategySize = undefined;
}

function canCloseOrEnqueue(controller) {
  return !controller.closeRequested && controller.stream.state === 'readable';
}

function desiredSize(controller) {
  const state = controller.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return controller.strategyHWM - controller.queueTotalSize;
}

function controllerClose(controller) {
  if (!canCloseOrEnqueue(controller)) return;
  controller.closeRequested = true;
  if (controller.queue.length === 0) {
    clearAlgorithms(controller);
    readableStreamClose(controller.stream);
  }
}

function controllerEnqueue(controller, chunk) {
  if (!canCloseOrEnqueue(controller)) return;
  const stream = controller.stream;
  if (isLocked(stream) && numReadRequests(stream) > 0) {
    fulfillReadRequest(stream, chunk, false);
  } else {
    try {
      const size = controller.strategySize(chunk);
      enqueueValueWithSize(controller, chunk, size);
    } catch (err) {
      controllerError(controller, err);
      throw err;
    }
  }
  callPullIfNeeded(controller);
}

function controllerError(controller, error) {
  if (controller.stream.state !== 'readable') return;
  resetQueue(controller);
  clearAlgorithms(controller);
  readableStreamError(controller.stream, error);
}

// ===== tee =====

function readableStreamTee(stream) {
  if (byteStreams().isByteController(stream.controller)) return byteStreams().byteTee(stream);
  const reader = new ReadableStreamDefaultReader(stream.owner)[kState];
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();

  function pull() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    defaultReaderRead(reader, {
      chunk(chunk) {
        // Enqueue in a microtask so that an error right after the read can still win.
        queueMicrotask(() => {
          readAgain = false;
          if (!canceled1) controllerEnqueue(branch1[kState].controller, chunk);
          if (!canceled2) controllerEnqueue(branch2[kState].controller, chunk);
          reading = false;
          if (readAgain) pull();
        });
      },
      close() {
        reading = false;
        if (!canceled1) controllerClose(branch1[kState].controller);
        if (!canceled2) controllerClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }
  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(noop, pull, cancel1);
  branch2 = createReadableStream(noop, pull, cancel2);
  reader.closed.promise.then(undefined, (err) => {
    controllerError(branch1[kState].controller, err);
    controllerError(branch2[kState].controller, err);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

// ===== async iteration and from() =====

const AsyncIteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream.owner)[kState];
  let ongoing;
  let finished = false;

  function nextSteps() {
    if (finished) return Promise.resolve({ value: undefined, done: true });
    const { promise, resolve, reject } = deferred();
    defaultReaderRead(reader, {
      chunk: (value) => resolve({ value, done: false }),
      close() {
        finished = true;
        defaultReaderRelease(reader);
        resolve({ value: undefined, done: true });
      },
      error(err) {
        finished = true;
        defaultReaderRelease(reader);
        reject(err);
      },
    });
    return promise;
  }

  function returnSteps(value) {
    if (finished) return Promise.resolve({ value, done: true });
    finished = true;
    if (reader.stream === undefined) return Promise.resolve({ value, done: true });
    if (!preventCancel) {
      const result = readableStreamCancel(reader.stream, value);
      defaultReaderRelease(reader);
      return result.then(() => ({ value, done: true }));
    }
    defaultReaderRelease(reader);
    return Promise.resolve({ value, done: true });
  }

  // Calls are serialized: each waits for the one before it.
  return Object.setPrototypeOf({
    next() {
      ongoing = ongoing ? ongoing.then(nextSteps, nextSteps) : nextSteps();
      return ongoing;
    },
    return(value) {
      const steps = () => returnSteps(value);
      ongoing = ongoing ? ongoing.then(steps, steps) : steps();
      return ongoing;
    },
  }, AsyncIteratorPrototype);
}

function readableStreamFromIterable(iterable) {
  let iterator;
  let nextMethod;
  const asyncMethod = iterable?.[Symbol.asyncIterator];
  if (asyncMethod != null) {
    if (typeof asyncMethod !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
    }
    iterator = Reflect.apply(asyncMethod, iterable, []);
  } else {
    const syncMethod = iterable?.[Symbol.iterator];
    if (typeof syncMethod !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
    }
    const syncIterator = Reflect.apply(syncMethod, iterable, []);
    // An async-from-sync wrapper: awaits each value.
    iterator = (async function* () { yield* { [Symbol.iterator]: () => syncIterator }; })();
  }
  if (iterator === null || typeof iterator !== 'object') {
    throw new codes.ERR_INVALID_RETURN_VALUE('an object', 'iterator', iterator);
  }
  nextMethod = iterator.next;
  let stream;
  const pull = () => {
    let result;
    try {
      result = Promise.resolve(Reflect.apply(nextMethod, iterator, []));
    } catch (err) {
      return Promise.reject(err);
    }
    return result.then((res) => {
      if (res === null || typeof res !== 'object') {
        throw invalidState('The promise returned by the iterator.next() method must fulfill with an object');
      }
      if (res.done) controllerClose(stream[kState].controller);
      else controllerEnqueue(stream[kState].controller, res.value);
    });
  };
  const cancel = (reason) => {
    let ret;
    try {
      ret = iterator.return;
      if (ret == null) return Promise.resolve();
      return Promise.resolve(Reflect.apply(ret, iterator, [reason])).then((res) => {
        if (res === null || typeof res !== 'object') {
          throw invalidState('The promise returned by the iterator.return() method must fulfill with an object');
        }
      });
    } catch (err) {
      return Promise.reject(err);
    }
  };
  stream = createReadableStream(noop, pull, cancel, 0);
  return stream;
}

// ===== pipeTo =====

function readableStreamPipeTo(source, dest, { preventAbort, preventCancel, preventClose, signal }) {
  const ws = writableStreams();
  const reader = new ReadableStreamDefaultReader(source.owner)[kState];
  const writer = ws.acquireWriter(dest);
  const destState = ws.stateOf(dest);
  source.disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const result = deferred();
  let abortAlgorithm;

  function finalize(isError, error) {
    ws.writerRelease(writer);
    defaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) result.reject(error);
    else result.resolve();
  }

  function waitForWrites() {
    // Writes already handed to the destination finish first.
    const last = currentWrite;
    return last.then(() => (last === currentWrite ? undefined : waitForWrites()), noop);
  }

  function shutdown(action, isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      if (action === undefined) {
        finalize(isError, error);
        return;
      }
      action().then(() => finalize(isError, error), (err) => finalize(true, err));
    };
    if (destState.state === 'writable' && !ws.closeQueuedOrInFlight(destState)) {
      waitForWrites().then(run);
    } else {
      run();
    }
  }

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (destState.state === 'writable' ? ws.abort(destState, error) : Promise.resolve()));
      }
      if (!preventCancel) {
        actions.push(() => (source.state === 'readable' ? readableStreamCancel(source, error) : Promise.resolve()));
      }
      shutdown(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  const onSourceErrored = (error) => {
    if (!preventAbort) shutdown(() => ws.abort(destState, error), true, error);
    else shutdown(undefined, true, error);
  };
  const onDestErrored = (error) => {
    if (!preventCancel) shutdown(() => readableStreamCancel(source, error), true, error);
    else shutdown(undefined, true, error);
  };
  const onSourceClosed = () => {
    if (!preventClose) shutdown(() => ws.writerCloseWithErrorPropagation(writer));
    else shutdown();
  };
  const onDestClosed = () => {
    const error = invalidState('the destination writable stream closed before all the data could be piped to it');
    if (!preventCancel) shutdown(() => readableStreamCancel(source, error), true, error);
    else shutdown(undefined, true, error);
  };

  function checkStates() {
    if (source.state === 'errored') onSourceErrored(source.storedError);
    else if (destState.state === 'errored' || destState.state === 'erroring') onDestErrored(destState.storedError);
    else if (source.state === 'closed') onSourceClosed();
    else if (ws.closeQueuedOrInFlight(destState) || destState.state === 'closed') onDestClosed();
  }

  reader.closed.promise.then(() => { if (!shuttingDown) onSourceClosed(); },
    (err) => { if (!shuttingDown) onSourceErrored(err); });
  writer.closed.promise.then(undefined, (err) => { if (!shuttingDown) onDestErrored(err); });

  function step() {
    if (shuttingDown) return;
    writer.ready.promise.then(() => {
      if (shuttingDown) return;
      defaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = markHandled(ws.writerWrite(writer, chunk));
          step();
        },
        close: noop,
        error: noop,
      });
    }, noop);
  }

  checkStates();
  if (!shuttingDown) step();
  return result.promise;
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultController,
  ReadableStreamDefaultReader,
  callPullIfNeeded,
  createReadableStream,
  controllerClose,
  controllerEnqueue,
  controllerError,
  canCloseOrEnqueue,
  desiredSize,
  fulfillReadRequest,
  isLocked,
  isReadableStream,
  kConstruct,
  kState,
  numReadRequests,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  readerInitialize,
  readerRelease,
  defaultReaderRead,
  defaultReaderRelease,
  stateOf,
};
