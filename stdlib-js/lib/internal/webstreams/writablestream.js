'use strict';
// WHATWG WritableStream (https://streams.spec.whatwg.org/#ws): the stream, its default writer
// and default controller, with the standard's erroring/abort/close state machine.

const { codes } = require('internal/errors');
const {
  deferred, dequeueValue, enqueueValueWithSize, extractHighWaterMark, extractSizeAlgorithm,
  inspectAs, invalidArgValue, invalidState, invalidThis, kInspect, markHandled, noop,
  promiseCall, resetQueue, webIDL,
} = require('internal/webstreams/util');

const kState = Symbol('kState');
const kConstruct = Symbol('kConstruct');
const kCloseSentinel = Symbol('close');
// What node:stream's finished() and addAbortSignal() use on web streams (the keys Node shares).
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

function isWritableStream(value) {
  return typeof value === 'object' && value !== null && value[kState]?.kind === 'WritableStream';
}

function stateOf(value) {
  if (!isWritableStream(value)) throw invalidThis('WritableStream');
  return value[kState];
}

const isLocked = (value) => (isWritableStream(value) ? value[kState] : value).writer !== undefined;

class WritableStream {
  constructor(underlyingSink = null, strategy = {}) {
    this[kState] = {
      kind: 'WritableStream', owner: this, state: 'writable', storedError: undefined,
      writer: undefined, controller: undefined, inFlightWriteRequest: undefined,
      closeRequest: undefined, inFlightCloseRequest: undefined, pendingAbortRequest: undefined,
      writeRequests: [], backpressure: false,
      // Settled when the stream closes or errors; made on first request (finished()).
      closedPromise: undefined,
    };
    if (underlyingSink === kConstruct) return;
    if (underlyingSink !== null && typeof underlyingSink !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('sink', 'Object', underlyingSink);
    }
    const sink = underlyingSink ?? {};
    if (strategy != null && typeof strategy !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    if (sink.type !== undefined) throw invalidArgValue(RangeError, 'type', sink.type);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    const controller = Object.create(WritableStreamDefaultController.prototype);
    const { start, write, close, abort } = sink;
    setUpController(this[kState], controller,
      () => (start === undefined ? undefined : Reflect.apply(start, sink, [controller])),
      (chunk) => promiseCall(write, sink, chunk, controller),
      () => promiseCall(close, sink),
      (reason) => promiseCall(abort, sink, reason),
      hwm, size);
  }

  get locked() {
    return isLocked(stateOf(this));
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    const stream = this[kState];
    if (isLocked(stream)) return Promise.reject(invalidState('WritableStream is locked'));
    return abort(stream, reason);
  }

  close() {
    if (!isWritableStream(this)) return Promise.reject(invalidThis('WritableStream'));
    const stream = this[kState];
    if (isLocked(stream)) return Promise.reject(invalidState('WritableStream is locked'));
    if (closeQueuedOrInFlight(stream)) {
      return Promise.reject(invalidState('Failure closing WritableStream'));
    }
    return close(stream);
  }

  getWriter() {
    stateOf(this);
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options, inspect) {
    const stream = stateOf(this);
    return inspectAs('WritableStream', { locked: isLocked(stream), state: stream.state },
      depth, options, inspect);
  }
}
webIDL(WritableStream, 'WritableStream', ['locked', 'abort', 'close', 'getWriter']);
Object.defineProperties(WritableStream.prototype, {
  [kIsClosedPromise]: {
    configurable: true,
    get() {
      const stream = stateOf(this);
      if (stream.closedPromise === undefined) {
        stream.closedPromise = deferred();
        if (stream.state === 'closed') stream.closedPromise.resolve();
        else if (stream.state === 'errored') rejectClosedPromise(stream);
      }
      return stream.closedPromise;
    },
  },
  [kControllerErrorFunction]: {
    configurable: true,
    get() {
      const stream = stateOf(this);
      return (error) => {
        if (stream.state === 'writable') controllerError(stream.controller, error);
      };
    },
  },
});

function rejectClosedPromise(stream) {
  const closed = stream.closedPromise;
  if (closed === undefined || closed.settled) return;
  closed.reject(stream.storedError);
  markHandled(closed.promise);
}

function createWritableStream(start, write, closeAlgorithm, abortAlgorithm, hwm = 1, size = () => 1) {
  const stream = new WritableStream(kConstruct);
  const controller = Object.create(WritableStreamDefaultController.prototype);
  setUpController(stream[kState], controller, start, write, closeAlgorithm, abortAlgorithm, hwm, size);
  return stream;
}

// ===== stream operations =====

function abort(stream, reason) {
  if (stream.state === 'closed' || stream.state === 'errored') return Promise.resolve();
  stream.controller.abortController.abort(reason);
  const state = stream.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (stream.pendingAbortRequest !== undefined) return stream.pendingAbortRequest.promise.promise;
  const wasAlreadyErroring = state === 'erroring';
  if (wasAlreadyErroring) reason = undefined;
  const promise = deferred();
  stream.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return promise.promise;
}

function close(stream) {
  if (stream.state === 'closed' || stream.state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const promise = deferred();
  stream.closeRequest = promise;
  const writer = stream.writer;
  if (writer !== undefined && stream.backpressure && stream.state === 'writable') writer.ready.resolve();
  const controller = stream.controller;
  enqueueValueWithSize(controller, kCloseSentinel, 0);
  advanceQueueIfNeeded(controller);
  return promise.promise;
}

function dealWithRejection(stream, error) {
  if (stream.state === 'writable') startErroring(stream, error);
  else finishErroring(stream);
}

function startErroring(stream, reason) {
  const controller = stream.controller;
  stream.state = 'erroring';
  stream.storedError = reason;
  if (stream.writer !== undefined) writerEnsureReadyPromiseRejected(stream.writer, reason);
  if (!hasOperationMarkedInFlight(stream) && controller.started) finishErroring(stream);
}

function finishErroring(stream) {
  stream.state = 'errored';
  resetQueue(stream.controller);
  const storedError = stream.storedError;
  for (const request of stream.writeRequests) request.reject(storedError);
  stream.writeRequests = [];
  const abortRequest = stream.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  stream.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const controller = stream.controller;
  const result = controller.abortAlgorithm(abortRequest.reason);
  clearAlgorithms(controller);
  result.then(() => {
    abortRequest.promise.resolve();
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (err) => {
    abortRequest.promise.reject(err);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function closeQueuedOrInFlight(stream) {
  return stream.closeRequest !== undefined || stream.inFlightCloseRequest !== undefined;
}

function hasOperationMarkedInFlight(stream) {
  return stream.inFlightWriteRequest !== undefined || stream.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  rejectClosedPromise(stream);
  if (stream.closeRequest !== undefined) {
    stream.closeRequest.reject(stream.storedError);
    stream.closeRequest = undefined;
  }
  const writer = stream.writer;
  if (writer !== undefined) {
    writer.closed.reject(stream.storedError);
    markHandled(writer.closed.promise);
  }
}

function updateBackpressure(stream, backpressure) {
  const writer = stream.writer;
  if (writer !== undefined && backpressure !== stream.backpressure) {
    if (backpressure) writer.ready = deferred();
    else writer.ready.resolve();
  }
  stream.backpressure = backpressure;
}

// ===== writer =====

function writerState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'WritableStreamDefaultWriter') {
    throw invalidThis('WritableStreamDefaultWriter');
  }
  return value[kState];
}

function rejected(error) {
  const d = deferred();
  d.reject(error);
  markHandled(d.promise);
  return d;
}

function resolved() {
  const d = deferred();
  d.resolve();
  return d;
}

function acquireWriter(value) {
  return new WritableStreamDefaultWriter(value)[kState];
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    const state = stream[kState];
    if (isLocked(state)) throw invalidState('WritableStream is locked');
    const writer = { kind: 'WritableStreamDefaultWriter', stream: state, owner: this };
    this[kState] = writer;
    state.writer = writer;
    switch (state.state) {
      case 'writable':
        writer.ready = !closeQueuedOrInFlight(state) && state.backpressure ? deferred() : resolved();
        writer.closed = deferred();
        break;
      case 'erroring':
        writer.ready = rejected(state.storedError);
        writer.closed = deferred();
        break;
      case 'closed':
        writer.ready = resolved();
        writer.closed = resolved();
        break;
      default:
        writer.ready = rejected(state.storedError);
        writer.closed = rejected(state.storedError);
    }
  }

  get closed() {
    try {
      return writerState(this).closed.promise;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  get desiredSize() {
    const writer = writerState(this);
    if (writer.stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    return writerDesiredSize(writer);
  }

  get ready() {
    try {
      return writerState(this).ready.promise;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  abort(reason = undefined) {
    return detachedCheck(this, (writer) => abort(writer.stream, reason));
  }

  close() {
    return detachedCheck(this, (writer) => {
      if (closeQueuedOrInFlight(writer.stream)) {
        return Promise.reject(invalidState('Failure to close WritableStream'));
      }
      return close(writer.stream);
    });
  }

  releaseLock() {
    const writer = writerState(this);
    if (writer.stream !== undefined) writerRelease(writer);
  }

  write(chunk = undefined) {
    return detachedCheck(this, (writer) => writerWrite(writer, chunk));
  }

  [kInspect](depth, options, inspect) {
    const writer = writerState(this);
    return inspectAs('WritableStreamDefaultWriter', {
      stream: writer.stream?.owner, close: writer.closed.promise, ready: writer.ready.promise,
      desiredSize: writer.stream === undefined ? undefined : writerDesiredSize(writer),
    }, depth, options, inspect);
  }
}
webIDL(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter',
  ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);

function detachedCheck(self, fn) {
  let writer;
  try {
    writer = writerState(self);
  } catch (err) {
    return Promise.reject(err);
  }
  if (writer.stream === undefined) {
    return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
  }
  return fn(writer);
}

function writerDesiredSize(writer) {
  const stream = writer.stream;
  if (stream.state === 'errored' || stream.state === 'erroring') return null;
  if (stream.state === 'closed') return 0;
  return stream.controller.strategyHWM - stream.controller.queueTotalSize;
}

// A pending promise is rejected; a settled one is replaced by a rejected one.
function ensureRejected(writer, name, error) {
  if (writer[name].settled) writer[name] = deferred();
  writer[name].reject(error);
  markHandled(writer[name].promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  ensureRejected(writer, 'ready', error);
}

function writerRelease(writer) {
  const error = invalidState('Writer has been released');
  ensureRejected(writer, 'ready', error);
  ensureRejected(writer, 'closed', error);
  writer.stream.writer = undefined;
  writer.stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer.stream;
  const controller = stream.controller;
  const chunkSize = getChunkSize(controller, chunk);
  if (stream !== writer.stream) return Promise.reject(invalidState('Writer is released'));
  if (stream.state === 'errored') return Promise.reject(stream.storedError);
  if (closeQueuedOrInFlight(stream) || stream.state === 'closed') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  if (stream.state === 'erroring') return Promise.reject(stream.storedError);
  const request = deferred();
  stream.writeRequests.push(request);
  controllerWrite(controller, chunk, chunkSize);
  return request.promise;
}

function writerCloseWithErrorPropagation(writer) {
  const stream = writer.stream;
  if (closeQueuedOrInFlight(stream) || stream.state === 'closed') return Promise.resolve();
  if (stream.state === 'errored') return Promise.reject(stream.storedError);
  return close(stream);
}

// ===== controller =====

class WritableStreamDefaultController {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    return controllerState(this).abortController.signal;
  }

  error(error = undefined) {
    const controller = controllerState(this);
    if (controller.stream.state !== 'writable') return;
    controllerError(controller, error);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('WritableStreamDefaultController', {}, depth, options, inspect);
  }
}
webIDL(WritableStreamDefaultController, 'WritableStreamDefaultController', ['signal', 'error']);

function controllerState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'WritableStreamDefaultController') {
    throw invalidThis('WritableStreamDefaultController');
  }
  return value[kState];
}

function setUpController(stream, object, start, write, closeAlgorithm, abortAlgorithm, hwm, size) {
  const controller = {
    kind: 'WritableStreamDefaultController', object, stream, queue: [], queueTotalSize: 0,
    abortController: new AbortController(), started: false, strategySize: size,
    strategyHWM: hwm, writeAlgorithm: write, closeAlgorithm, abortAlgorithm,
  };
  object[kState] = controller;
  stream.controller = controller;
  updateBackpressure(stream, controllerDesiredSize(controller) <= 0);
  const startResult = start();
  Promise.resolve(startResult).then(() => {
    controller.started = true;
    advanceQueueIfNeeded(controller);
  }, (err) => {
    controller.started = true;
    dealWithRejection(stream, err);
  });
}

function clearAlgorithms(controller) {
  controller.writeAlgorithm = undefined;
  controller.closeAlgorithm = undefined;
  controller.abortAlgorithm = undefined;
  controller.strategySize = undefined;
}

function controllerDesiredSize(controller) {
  return controller.strategyHWM - controller.queueTotalSize;
}

function getChunkSize(controller, chunk) {
  if (controller.strategySize === undefined) return 1;
  try {
    return controller.strategySize(chunk);
  } catch (err) {
    if (controller.stream.state === 'writable') controllerError(controller, err);
    return 1;
  }
}

function controllerWrite(controller, chunk, size) {
  try {
    enqueueValueWithSize(controller, chunk, size);
  } catch (err) {
    if (controller.stream.state === 'writable') controllerError(controller, err);
    return;
  }
  const stream = controller.stream;
  if (!closeQueuedOrInFlight(stream) && stream.state === 'writable') {
    updateBackpressure(stream, controllerDesiredSize(controller) <= 0);
  }
  advanceQueueIfNeeded(controller);
}

function advanceQueueIfNeeded(controller) {
  const stream = controller.stream;
  if (!controller.started || stream.inFlightWriteRequest !== undefined) return;
  if (stream.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (controller.queue.length === 0) return;
  const value = controller.queue[0].value;
  if (value === kCloseSentinel) processClose(controller);
  else processWrite(controller, value);
}

function processClose(controller) {
  const stream = controller.stream;
  stream.inFlightCloseRequest = stream.closeRequest;
  stream.closeRequest = undefined;
  dequeueValue(controller);
  const result = controller.closeAlgorithm();
  clearAlgorithms(controller);
  result.then(() => {
    stream.inFlightCloseRequest.resolve();
    stream.inFlightCloseRequest = undefined;
    if (stream.state === 'erroring') {
      stream.storedError = undefined;
      if (stream.pendingAbortRequest !== undefined) {
        stream.pendingAbortRequest.promise.resolve();
        stream.pendingAbortRequest = undefined;
      }
    }
    stream.state = 'closed';
    if (stream.writer !== undefined) stream.writer.closed.resolve();
    if (stream.closedPromise !== undefined) stream.closedPromise.resolve();
  }, (err) => {
    stream.inFlightCloseRequest.reject(err);
    stream.inFlightCloseRequest = undefined;
    if (stream.pendingAbortRequest !== undefined) {
      stream.pendingAbortRequest.promise.reject(err);
      stream.pendingAbortRequest = undefined;
    }
    dealWithRejection(stream, err);
  });
}

function processWrite(controller, chunk) {
  const stream = controller.stream;
  stream.inFlightWriteRequest = stream.writeRequests.shift();
  controller.writeAlgorithm(chunk).then(() => {
    stream.inFlightWriteRequest.resolve();
    stream.inFlightWriteRequest = undefined;
    dequeueValue(controller);
    if (!closeQueuedOrInFlight(stream) && stream.state === 'writable') {
      updateBackpressure(stream, controllerDesiredSize(controller) <= 0);
    }
    advanceQueueIfNeeded(controller);
  }, (err) => {
    if (stream.state === 'writable') clearAlgorithms(controller);
    stream.inFlightWriteRequest.reject(err);
    stream.inFlightWriteRequest = undefined;
    dealWithRejection(stream, err);
  });
}

function controllerError(controller, error) {
  clearAlgorithms(controller);
  startErroring(controller.stream, error);
}

module.exports = {
  WritableStream,
  WritableStreamDefaultController,
  WritableStreamDefaultWriter,
  abort,
  acquireWriter,
  close,
  closeQueuedOrInFlight,
  controllerError,
  createWritableStream,
  dealWithRejection,
  isLocked,
  isWritableStream,
  kState,
  stateOf,
  updateBackpressure,
  writerCloseWithErrorPropagation,
  writerRelease,
  writerWrite,
};
