'use strict';
// WHATWG readable byte streams (https://streams.spec.whatwg.org/#rbs-controller-class): the
// ReadableByteStreamController, ReadableStreamBYOBReader and ReadableStreamBYOBRequest, with
// the pull-into descriptors that let a BYOB read be filled in place.

const { codes } = require('internal/errors');
const {
  inspectAs, invalidArgValue, invalidState, invalidThis, isDetached, kInspect, markHandled,
  noop, promiseCall, resetQueue, transferBuffer, webIDL, deferred,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');

const { kState } = rs;
const isView = ArrayBuffer.isView;

function isByteController(controller) {
  return controller?.kind === 'ReadableByteStreamController';
}

// ===== controller =====

class ReadableByteStreamController {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    return getBYOBRequest(controllerState(this));
  }

  get desiredSize() {
    return desiredSize(controllerState(this));
  }

  close() {
    const controller = controllerState(this);
    if (controller.closeRequested) throw invalidState('Controller is already closed');
    if (controller.stream.state !== 'readable') throw invalidState('ReadableStream is already closed');
    controllerClose(controller);
  }

  enqueue(chunk) {
    const controller = controllerState(this);
    if (!isView(chunk)) {
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['ArrayBufferView'], chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
      throw invalidState('chunk ArrayBuffer is zero-length or detached');
    }
    if (controller.closeRequested) throw invalidState('Controller is already closed');
    if (controller.stream.state !== 'readable') throw invalidState('ReadableStream is already closed');
    controllerEnqueue(controller, chunk);
  }

  error(error = undefined) {
    controllerError(controllerState(this), error);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('ReadableByteStreamController', {}, depth, options, inspect);
  }
}
webIDL(ReadableByteStreamController, 'ReadableByteStreamController',
  ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

function controllerState(value) {
  if (typeof value !== 'object' || value === null || !isByteController(value[kState])) {
    throw invalidThis('ReadableByteStreamController');
  }
  return value[kState];
}

function setUpFromSource(streamObject, source, hwm) {
  const object = Object.create(ReadableByteStreamController.prototype);
  const { start, pull, cancel } = source;
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw invalidArgValue(TypeError, 'source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  setUpController(streamObject[kState], object,
    () => (start === undefined ? undefined : Reflect.apply(start, source, [object])),
    () => promiseCall(pull, source, object),
    (reason) => promiseCall(cancel, source, reason),
    hwm, autoAllocateChunkSize);
}

function setUpController(stream, object, start, pull, cancel, hwm, autoAllocateChunkSize) {
  const controller = {
    kind: 'ReadableByteStreamController', object, stream, queue: [], queueTotalSize: 0,
    started: false, closeRequested: false, pullAgain: false, pulling: false, byobRequest: null,
    autoAllocateChunkSize, pendingPullIntos: [], strategyHWM: hwm,
    pullAlgorithm: pull, cancelAlgorithm: cancel,
    pullSteps: (request) => pullSteps(controller, request),
    cancelSteps: (reason) => {
      clearPendingPullIntos(controller);
      resetQueue(controller);
      const result = controller.cancelAlgorithm(reason);
      clearAlgorithms(controller);
      return result;
    },
    releaseSteps: () => {
      if (controller.pendingPullIntos.length > 0) {
        const first = controller.pendingPullIntos[0];
        first.readerType = 'none';
        controller.pendingPullIntos = [first];
      }
    },
  };
  object[kState] = controller;
  stream.controller = controller;
  Promise.resolve(start()).then(() => {
    controller.started = true;
    callPullIfNeeded(controller);
  }, (err) => controllerError(controller, err));
}

function clearAlgorithms(controller) {
  controller.pullAlgorithm = undefined;
  controller.cancelAlgorithm = undefined;
}

function clearPendingPullIntos(controller) {
  invalidateBYOBRequest(controller);
  controller.pendingPullIntos = [];
}

function desiredSize(controller) {
  const state = controller.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return controller.strategyHWM - controller.queueTotalSize;
}

const hasDefaultReader = (stream) => stream.reader?.readRequests !== undefined;
const hasBYOBReader = (stream) => stream.reader?.readIntoRequests !== undefined;
const numReadIntoRequests = (stream) => stream.reader?.readIntoRequests?.length ?? 0;

function shouldCallPull(controller) {
  const stream = controller.stream;
  if (stream.state !== 'readable' || controller.closeRequested || !controller.started) return false;
  if (hasDefaultReader(stream) && rs.numReadRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) && numReadIntoRequests(stream) > 0) return true;
  return desiredSize(controller) > 0;
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

function controllerError(controller, error) {
  if (controller.stream.state !== 'readable') return;
  clearPendingPullIntos(controller);
  resetQueue(controller);
  clearAlgorithms(controller);
  rs.readableStreamError(controller.stream, error);
}

function controllerClose(controller) {
  const stream = controller.stream;
  if (controller.closeRequested || stream.state !== 'readable') return;
  if (controller.queueTotalSize > 0) {
    controller.closeRequested = true;
    return;
  }
  const first = controller.pendingPullIntos[0];
  if (first !== undefined && first.bytesFilled % first.elementSize !== 0) {
    const error = invalidState('Partial read');
    controllerError(controller, error);
    throw error;
  }
  clearAlgorithms(controller);
  rs.readableStreamClose(stream);
}

function enqueueChunk(controller, buffer, byteOffset, byteLength) {
  controller.queue.push({ buffer, byteOffset, byteLength });
  controller.queueTotalSize += byteLength;
}

function enqueueClonedChunk(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (err) {
    controllerError(controller, err);
    throw err;
  }
  enqueueChunk(controller, clone, 0, byteLength);
}

function enqueueDetachedPullInto(controller, pullInto) {
  if (pullInto.bytesFilled > 0) {
    enqueueClonedChunk(controller, pullInto.buffer, pullInto.byteOffset, pullInto.bytesFilled);
  }
  controller.pendingPullIntos.shift();
}

function controllerEnqueue(controller, chunk) {
  const stream = controller.stream;
  if (controller.closeRequested || stream.state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (isDetached(buffer)) throw invalidState('chunk ArrayBuffer is detached');
  const transferred = transferBuffer(buffer);
  if (controller.pendingPullIntos.length > 0) {
    const first = controller.pendingPullIntos[0];
    if (isDetached(first.buffer)) throw invalidState('The BYOB request ArrayBuffer has been detached');
    invalidateBYOBRequest(controller);
    first.buffer = transferBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullInto(controller, first);
  }
  if (hasDefaultReader(stream)) {
    processReadRequestsUsingQueue(controller);
    if (rs.numReadRequests(stream) === 0) {
      enqueueChunk(controller, transferred, byteOffset, byteLength);
    } else {
      if (controller.pendingPullIntos.length > 0) controller.pendingPullIntos.shift();
      rs.fulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(stream)) {
    enqueueChunk(controller, transferred, byteOffset, byteLength);
    processPullIntosUsingQueue(controller);
  } else {
    enqueueChunk(controller, transferred, byteOffset, byteLength);
  }
  callPullIfNeeded(controller);
}

function fillReadRequestFromQueue(controller, request) {
  const entry = controller.queue.shift();
  controller.queueTotalSize -= entry.byteLength;
  handleQueueDrain(controller);
  request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function processReadRequestsUsingQueue(controller) {
  const reader = controller.stream.reader;
  while (reader.readRequests.length > 0) {
    if (controller.queueTotalSize === 0) return;
    fillReadRequestFromQueue(controller, reader.readRequests.shift());
  }
}

function handleQueueDrain(controller) {
  if (controller.queueTotalSize === 0 && controller.closeRequested) {
    clearAlgorithms(controller);
    rs.readableStreamClose(controller.stream);
  } else {
    callPullIfNeeded(controller);
  }
}

function pullSteps(controller, request) {
  const stream = controller.stream;
  if (controller.queueTotalSize > 0) {
    fillReadRequestFromQueue(controller, request);
    return;
  }
  const size = controller.autoAllocateChunkSize;
  if (size !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(size);
    } catch (err) {
      request.error(err);
      return;
    }
    controller.pendingPullIntos.push({
      buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
      minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  stream.reader.readRequests.push(request);
  callPullIfNeeded(controller);
}

// ===== pull-into descriptors =====

function fillPullIntoFromQueue(controller, pullInto) {
  const maxBytesToCopy = Math.min(controller.queueTotalSize, pullInto.byteLength - pullInto.bytesFilled);
  const maxBytesFilled = pullInto.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % pullInto.elementSize);
  if (maxAlignedBytes >= pullInto.minimumFill) {
    remaining = maxAlignedBytes - pullInto.bytesFilled;
    ready = true;
  }
  const target = new Uint8Array(pullInto.buffer);
  while (remaining > 0) {
    const head = controller.queue[0];
    const n = Math.min(remaining, head.byteLength);
    target.set(new Uint8Array(head.buffer, head.byteOffset, n), pullInto.byteOffset + pullInto.bytesFilled);
    if (head.byteLength === n) {
      controller.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    controller.queueTotalSize -= n;
    pullInto.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function convertPullInto(pullInto) {
  const buffer = transferBuffer(pullInto.buffer);
  return new pullInto.viewConstructor(buffer, pullInto.byteOffset,
    pullInto.bytesFilled / pullInto.elementSize);
}

function commitPullInto(stream, pullInto) {
  const done = stream.state === 'closed';
  const view = convertPullInto(pullInto);
  if (pullInto.readerType === 'default') {
    rs.fulfillReadRequest(stream, view, done);
  } else {
    const request = stream.reader.readIntoRequests.shift();
    if (done) request.close(view);
    else request.chunk(view);
  }
}

function processPullIntosUsingQueue(controller) {
  while (controller.pendingPullIntos.length > 0 && controller.queueTotalSize > 0) {
    const first = controller.pendingPullIntos[0];
    if (!fillPullIntoFromQueue(controller, first)) return;
    controller.pendingPullIntos.shift();
    commitPullInto(controller.stream, first);
  }
}

// `new BufferView(arrayBuffer, byteOffset, length)` is a Buffer over that memory.
function BufferView(buffer, byteOffset, length) {
  return Buffer.from(buffer, byteOffset, length);
}

function pullInto(controller, view, request) {
  const stream = controller.stream;
  let elementSize = 1;
  let viewConstructor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.BYTES_PER_ELEMENT;
    // Buffers come back as Buffers, made without the deprecated Buffer() constructor.
    viewConstructor = Buffer.isBuffer(view) ? BufferView : view.constructor;
  }
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferBuffer(view.buffer);
  } catch (err) {
    request.error(err);
    return;
  }
  const descriptor = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
    minimumFill: elementSize, elementSize, viewConstructor, readerType: 'byob',
  };
  if (controller.pendingPullIntos.length > 0) {
    controller.pendingPullIntos.push(descriptor);
    stream.reader.readIntoRequests.push(request);
    return;
  }
  if (stream.state === 'closed') {
    request.close(new viewConstructor(buffer, byteOffset, 0));
    return;
  }
  if (controller.queueTotalSize > 0) {
    if (fillPullIntoFromQueue(controller, descriptor)) {
      const filled = convertPullInto(descriptor);
      handleQueueDrain(controller);
      request.chunk(filled);
      return;
    }
    if (controller.closeRequested) {
      const error = invalidState('ReadableStream closed');
      controllerError(controller, error);
      request.error(error);
      return;
    }
  }
  controller.pendingPullIntos.push(descriptor);
  stream.reader.readIntoRequests.push(request);
  callPullIfNeeded(controller);
}

function respondInternal(controller, bytesWritten) {
  const first = controller.pendingPullIntos[0];
  invalidateBYOBRequest(controller);
  const stream = controller.stream;
  if (stream.state === 'closed') {
    if (first.readerType === 'none') controller.pendingPullIntos.shift();
    if (hasBYOBReader(stream)) {
      while (numReadIntoRequests(stream) > 0) {
        commitPullInto(stream, controller.pendingPullIntos.shift());
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      enqueueDetachedPullInto(controller, first);
      processPullIntosUsingQueue(controller);
    } else if (first.bytesFilled >= first.minimumFill) {
      controller.pendingPullIntos.shift();
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        enqueueClonedChunk(controller, first.buffer, end - remainder, remainder);
      }
      first.bytesFilled -= remainder;
      commitPullInto(stream, first);
      processPullIntosUsingQueue(controller);
    }
  }
  callPullIfNeeded(controller);
}

function respond(controller, bytesWritten) {
  const first = controller.pendingPullIntos[0];
  if (controller.stream.state === 'closed') {
    if (bytesWritten !== 0) {
      throw invalidArgValue(TypeError, 'bytesWritten', bytesWritten, 'must be 0 for a closed stream');
    }
  } else {
    if (bytesWritten === 0) {
      throw invalidArgValue(TypeError, 'bytesWritten', bytesWritten, 'must be greater than 0');
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw nodeRangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferBuffer(first.buffer);
  respondInternal(controller, bytesWritten);
}

function nodeRangeError(name, value) {
  return new codes.ERR_INVALID_ARG_VALUE.RangeError(name, value);
}

function respondWithNewView(controller, view) {
  const first = controller.pendingPullIntos[0];
  if (controller.stream.state === 'closed') {
    if (view.byteLength !== 0) {
      throw invalidArgValue(TypeError, 'view', view, 'must be zero-length for a closed stream');
    }
  } else if (view.byteLength === 0) {
    throw invalidArgValue(TypeError, 'view', view, 'must not be zero-length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset ||
      first.bufferByteLength !== view.buffer.byteLength ||
      first.bytesFilled + view.byteLength > first.byteLength) {
    throw nodeRangeError('view', view);
  }
  const length = view.byteLength;
  first.buffer = transferBuffer(view.buffer);
  respondInternal(controller, length);
}

// ===== BYOB request =====

function invalidateBYOBRequest(controller) {
  const request = controller.byobRequest;
  if (request === null) return;
  request[kState].controller = undefined;
  request[kState].view = null;
  controller.byobRequest = null;
}

function getBYOBRequest(controller) {
  if (controller.byobRequest === null && controller.pendingPullIntos.length > 0) {
    const first = controller.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
      first.byteLength - first.bytesFilled);
    const request = Object.create(ReadableStreamBYOBRequest.prototype);
    request[kState] = { kind: 'ReadableStreamBYOBRequest', controller, view };
    controller.byobRequest = request;
  }
  return controller.byobRequest;
}

function requestState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'ReadableStreamBYOBRequest') {
    throw invalidThis('ReadableStreamBYOBRequest');
  }
  return value[kState];
}

class ReadableStreamBYOBRequest {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    return requestState(this).view;
  }

  respond(bytesWritten) {
    const request = requestState(this);
    if (request.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    const n = Number(bytesWritten);
    if (!Number.isFinite(n) || n < 0) {
      throw new codes.ERR_INVALID_ARG_TYPE('bytesWritten', 'number', bytesWritten);
    }
    if (isDetached(request.view.buffer)) throw invalidState('Viewed ArrayBuffer is detached');
    respond(request.controller, Math.trunc(n));
  }

  respondWithNewView(view) {
    const request = requestState(this);
    if (request.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (!isView(view)) {
      throw new codes.ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    if (isDetached(view.buffer)) throw invalidState('Viewed ArrayBuffer is detached');
    respondWithNewView(request.controller, view);
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('ReadableStreamBYOBRequest', {
      view: this[kState].view, controller: this[kState].controller?.object,
    }, depth, options, inspect);
  }
}
webIDL(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest', ['view', 'respond', 'respondWithNewView']);

// ===== BYOB reader =====

function errorReadIntoRequests(reader, error) {
  const requests = reader.readIntoRequests;
  reader.readIntoRequests = [];
  for (const request of requests) request.error(error);
}

function readerState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'ReadableStreamBYOBReader') {
    throw invalidThis('ReadableStreamBYOBReader');
  }
  return value[kState];
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!rs.isReadableStream(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    const state = stream[kState];
    if (rs.isLocked(state)) throw invalidState('ReadableStream is locked');
    if (!isByteController(state.controller)) {
      throw invalidArgValue(TypeError, 'stream', stream, 'must be a byte stream');
    }
    this[kState] = { kind: 'ReadableStreamBYOBReader', readIntoRequests: [] };
    rs.readerInitialize(this[kState], state);
  }

  read(view) {
    let reader;
    try {
      reader = readerState(this);
    } catch (err) {
      return Promise.reject(err);
    }
    if (!isView(view)) {
      return Promise.reject(
        new codes.ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0 || isDetached(view.buffer)) {
      return Promise.reject(invalidState('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (reader.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const { promise, resolve, reject } = deferred();
    const stream = reader.stream;
    const request = {
      chunk: (value) => resolve({ value, done: false }),
      close: (value) => resolve({ value, done: true }),
      error: reject,
    };
    stream.disturbed = true;
    if (stream.state === 'errored') request.error(stream.storedError);
    else pullInto(stream.controller, view, request);
    return promise;
  }

  releaseLock() {
    const reader = readerState(this);
    if (reader.stream === undefined) return;
    rs.readerRelease(reader);
    errorReadIntoRequests(reader, invalidState('Reader released'));
  }

  get closed() {
    try {
      return readerState(this).closed.promise;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  cancel(reason = undefined) {
    let reader;
    try {
      reader = readerState(this);
    } catch (err) {
      return Promise.reject(err);
    }
    if (reader.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return rs.readableStreamCancel(reader.stream, reason);
  }

  [kInspect](depth, options, inspect) {
    const reader = this[kState];
    return inspectAs('ReadableStreamBYOBReader', {
      stream: reader.stream?.owner, requestCount: reader.readIntoRequests.length,
      close: reader.closed.promise,
    }, depth, options, inspect);
  }
}
webIDL(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader', ['read', 'releaseLock', 'closed', 'cancel']);

// ===== tee of a byte stream =====

// Both branches are byte streams fed from one default reader of the source; the second branch
// gets its own copy of every chunk, so neither branch sees the other's transfers.
function byteTee(stream) {
  const reader = new rs.ReadableStreamDefaultReader(stream.owner)[kState];
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  const cancelPromise = deferred();
  const branches = [];

  function pull() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    rs.defaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgain = false;
          const copy = new Uint8Array(chunk);
          if (!canceled1) controllerEnqueue(branches[0][kState].controller, chunk);
          if (!canceled2) controllerEnqueue(branches[1][kState].controller, copy);
          reading = false;
          if (readAgain) pull();
        });
      },
      close() {
        reading = false;
        for (const [i, canceled] of [[0, canceled1], [1, canceled2]]) {
          if (canceled) continue;
          const controller = branches[i][kState].controller;
          controllerClose(controller);
          if (controller.pendingPullIntos.length > 0) respond(controller, 0);
        }
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancelBranch(which) {
    return (reason) => {
      if (which === 0) {
        canceled1 = true;
        reason1 = reason;
      } else {
        canceled2 = true;
        reason2 = reason;
      }
      if (canceled1 && canceled2) {
        cancelPromise.resolve(rs.readableStreamCancel(stream, [reason1, reason2]));
      }
      return cancelPromise.promise;
    };
  }

  for (const which of [0, 1]) {
    const branch = new rs.ReadableStream(rs.kConstruct);
    const object = Object.create(ReadableByteStreamController.prototype);
    setUpController(branch[kState], object, noop, pull, cancelBranch(which), 0, undefined);
    branches.push(branch);
  }
  markHandled(reader.closed.promise.then(undefined, (err) => {
    controllerError(branches[0][kState].controller, err);
    controllerError(branches[1][kState].controller, err);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  }));
  return branches;
}

module.exports = {
  ReadableByteStreamController,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  byteTee,
  controllerError,
  errorReadIntoRequests,
  isByteController,
  setUpFromSource,
};
