'use strict';
// WHATWG TransformStream (https://streams.spec.whatwg.org/#ts): a writable side whose chunks
// go through transform()/flush() into a readable side, with backpressure between the two; and
// TextEncoderStream / TextDecoderStream built on it.

const { codes } = require('internal/errors');
const {
  deferred, extractHighWaterMark, extractSizeAlgorithm, inspectAs, invalidArgValue,
  invalidState, invalidThis, kInspect, promiseCall, webIDL,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

const kState = Symbol('kState');

function streamState(value) {
  if (typeof value !== 'object' || value === null || value[kState]?.kind !== 'TransformStream') {
    throw invalidThis('TransformStream');
  }
  return value[kState];
}

class TransformStream {
  constructor(transformer = null, writableStrategy = {}, readableStrategy = {}) {
    if (transformer !== null && typeof transformer !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    }
    const source = transformer ?? {};
    if (source.readableType !== undefined) {
      throw invalidArgValue(RangeError, 'transformer.readableType', source.readableType);
    }
    if (source.writableType !== undefined) {
      throw invalidArgValue(RangeError, 'transformer.writableType', source.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const startPromise = deferred();
    const stream = initialize(this, startPromise, writableHWM, writableSize, readableHWM, readableSize);
    const controller = Object.create(TransformStreamDefaultController.prototype);
    const { transform, flush } = source;
    setUpController(stream, controller,
      transform === undefined ? undefined : (chunk) => promiseCall(transform, source, chunk, controller),
      () => promiseCall(flush, source, controller));
    if (source.start !== undefined) {
      startPromise.resolve(Reflect.apply(source.start, source, [controller]));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    return streamState(this).readable;
  }

  get writable() {
    return streamState(this).writable;
  }

  [kInspect](depth, options, inspect) {
    const stream = streamState(this);
    return inspectAs('TransformStream', {
      readable: stream.readable, writable: stream.writable, backpressure: stream.backpressure,
    }, depth, options, inspect);
  }
}
webIDL(TransformStream, 'TransformStream', ['readable', 'writable']);

function initialize(object, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const stream = {
    kind: 'TransformStream', owner: object, readable: undefined, writable: undefined,
    backpressure: undefined, backpressureChange: undefined, controller: undefined,
  };
  object[kState] = stream;
  const start = () => startPromise.promise;
  stream.writable = ws.createWritableStream(start,
    (chunk) => sinkWrite(stream, chunk),
    () => sinkClose(stream),
    (reason) => {
      transformStreamError(stream, reason);
      return Promise.resolve();
    },
    writableHWM, writableSize);
  stream.readable = rs.createReadableStream(start,
    () => {
      setBackpressure(stream, false);
      return stream.backpressureChange.promise;
    },
    (reason) => {
      errorWritableAndUnblockWrite(stream, reason);
      return Promise.resolve();
    },
    readableHWM, readableSize);
  setBackpressure(stream, true);
  return stream;
}

function readableController(stream) {
  return stream.readable[rs.kState].controller;
}

function transformStreamError(stream, error) {
  rs.controllerError(readableController(stream), error);
  errorWritableAndUnblockWrite(stream, error);
}

function errorWritableAndUnblockWrite(stream, error) {
  clearAlgorithms(stream.controller);
  const writable = stream.writable[ws.kState];
  if (writable.state === 'writable') ws.controllerError(writable.controller, error);
  if (stream.backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  if (stream.backpressureChange !== undefined) stream.backpressureChange.resolve();
  stream.backpressureChange = deferred();
  stream.backpressure = backpressure;
}

function sinkWrite(stream, chunk) {
  const controller = stream.controller;
  if (stream.backpressure) {
    return stream.backpressureChange.promise.then(() => {
      const writable = stream.writable[ws.kState];
      if (writable.state === 'erroring') throw writable.storedError;
      return performTransform(controller, chunk);
    });
  }
  return performTransform(controller, chunk);
}

function sinkClose(stream) {
  const readable = stream.readable[rs.kState];
  const flushed = stream.controller.flushAlgorithm();
  clearAlgorithms(stream.controller);
  return flushed.then(() => {
    if (readable.state === 'errored') throw readable.storedError;
    rs.controllerClose(readableController(stream));
  }, (err) => {
    transformStreamError(stream, err);
    throw readable.storedError;
  });
}

function performTransform(controller, chunk) {
  return controller.transformAlgorithm(chunk).then(undefined, (err) => {
    transformStreamError(controller.stream, err);
    throw err;
  });
}

// ===== controller =====

class TransformStreamDefaultController {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    return rs.desiredSize(readableController(controllerState(this).stream));
  }

  enqueue(chunk = undefined) {
    controllerEnqueue(controllerState(this), chunk);
  }

  error(reason = undefined) {
    transformStreamError(controllerState(this).stream, reason);
  }

  terminate() {
    const stream = controllerState(this).stream;
    rs.controllerClose(readableController(stream));
    errorWritableAndUnblockWrite(stream, invalidState('TransformStream has been terminated'));
  }

  [kInspect](depth, options, inspect) {
    return inspectAs('TransformStreamDefaultController', {}, depth, options, inspect);
  }
}
webIDL(TransformStreamDefaultController, 'TransformStreamDefaultController',
  ['desiredSize', 'enqueue', 'error', 'terminate']);

function controllerState(value) {
  if (typeof value !== 'object' || value === null ||
      value[kState]?.kind !== 'TransformStreamDefaultController') {
    throw invalidThis('TransformStreamDefaultController');
  }
  return value[kState];
}

function setUpController(stream, object, transform, flush) {
  const controller = { kind: 'TransformStreamDefaultController', object, stream };
  controller.transformAlgorithm = transform ?? ((chunk) => {
    try {
      controllerEnqueue(controller, chunk);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  });
  controller.flushAlgorithm = flush;
  object[kState] = controller;
  stream.controller = controller;
}

function clearAlgorithms(controller) {
  controller.transformAlgorithm = undefined;
  controller.flushAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const stream = controller.stream;
  const readable = readableController(stream);
  if (!rs.canCloseOrEnqueue(readable)) throw invalidState('Unable to enqueue');
  try {
    rs.controllerEnqueue(readable, chunk);
  } catch (err) {
    errorWritableAndUnblockWrite(stream, err);
    throw stream.readable[rs.kState].storedError;
  }
  // Backpressure from the readable side holds further writes.
  const readableState = stream.readable[rs.kState];
  const pullWanted = rs.canCloseOrEnqueue(readable) && readable.started &&
    ((rs.isLocked(readableState) && rs.numReadRequests(readableState) > 0) || rs.desiredSize(readable) > 0);
  if (!pullWanted !== stream.backpressure) setBackpressure(stream, true);
}

/** A TransformStream made by the runtime from a transform function (and an optional flush). */
function createTransformStream(transform, flush = () => {}) {
  const stream = new TransformStream({
    transform: (chunk, controller) => transform(chunk, controller),
    flush: (controller) => flush(controller),
  });
  return stream;
}

// ===== TextEncoderStream / TextDecoderStream =====

let encoding;
const encodingModule = () => (encoding ??= require('internal/encoding'));

let checkEncoder;
class TextEncoderStream {
  #stream;
  #pendingHigh = '';
  static {
    checkEncoder = (self) => {
      if (self === null || typeof self !== 'object' || !(#stream in self)) {
        throw invalidThis('TextEncoderStream');
      }
    };
  }
  constructor() {
    const encoder = new (encodingModule().TextEncoder)();
    this.#stream = createTransformStream((chunk, controller) => {
      let text = this.#pendingHigh + `${chunk}`;
      this.#pendingHigh = '';
      // A chunk may end inside a surrogate pair: keep the high half for the next one.
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.#pendingHigh = text[text.length - 1];
        text = text.slice(0, -1);
      }
      if (text !== '') controller.enqueue(encoder.encode(text));
    }, (controller) => {
      if (this.#pendingHigh !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
    });
  }
  get encoding() {
    checkEncoder(this);
    return 'utf-8';
  }
  get readable() {
    checkEncoder(this);
    return this.#stream.readable;
  }
  get writable() {
    checkEncoder(this);
    return this.#stream.writable;
  }
  [kInspect](depth, options, inspect) {
    checkEncoder(this);
    return inspectAs('TextEncoderStream', {
      encoding: 'utf-8', readable: this.#stream.readable, writable: this.#stream.writable,
    }, depth, options, inspect);
  }
}
webIDL(TextEncoderStream, 'TextEncoderStream', ['encoding', 'readable', 'writable']);

let checkDecoder;
class TextDecoderStream {
  #stream;
  #decoder;
  static {
    checkDecoder = (self) => {
      if (self === null || typeof self !== 'object' || !(#stream in self)) {
        throw invalidThis('TextDecoderStream');
      }
    };
  }
  constructor(label = 'utf-8', options = {}) {
    const decoder = new (encodingModule().TextDecoder)(label, options);
    this.#decoder = decoder;
    this.#stream = createTransformStream((chunk, controller) => {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') controller.enqueue(text);
    }, (controller) => {
      const text = decoder.decode();
      if (text !== '') controller.enqueue(text);
    });
  }
  get encoding() {
    checkDecoder(this);
    return this.#decoder.encoding;
  }
  get fatal() {
    checkDecoder(this);
    return this.#decoder.fatal;
  }
  get ignoreBOM() {
    checkDecoder(this);
    return this.#decoder.ignoreBOM;
  }
  get readable() {
    checkDecoder(this);
    return this.#stream.readable;
  }
  get writable() {
    checkDecoder(this);
    return this.#stream.writable;
  }
  [kInspect](depth, options, inspect) {
    checkDecoder(this);
    return inspectAs('TextDecoderStream', {
      encoding: this.#decoder.encoding, fatal: this.#decoder.fatal,
      ignoreBOM: this.#decoder.ignoreBOM, readable: this.#stream.readable,
      writable: this.#stream.writable,
    }, depth, options, inspect);
  }
}
webIDL(TextDecoderStream, 'TextDecoderStream',
  ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);

module.exports = {
  TextDecoderStream,
  TextEncoderStream,
  TransformStream,
  TransformStreamDefaultController,
  createTransformStream,
};
