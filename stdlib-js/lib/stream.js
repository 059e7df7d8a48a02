'use strict';
// node:stream — the legacy Stream constructor, which is also the module, with Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished and friends on it. The classes
// live in internal/streams/*; compose, duplexPair and stream/promises load on first use.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const { Transform, PassThrough } = require('internal/streams/transform');
const { pipeline } = require('internal/streams/pipeline');
const eos = require('internal/streams/end-of-stream');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { destroyer } = require('internal/streams/destroy');
const utils = require('internal/streams/utils');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
// util.promisify.custom, without loading util with every stream.
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('stream/promises'); },
});

Object.defineProperty(pipeline, kCustomPromisify, {
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, kCustomPromisify, {
  enumerable: true,
  get() { return require('stream/promises').finished; },
});

Stream.Stream = Stream;

Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
