'use strict';
// node:stream - the legacy Stream constructor, which is also the module, with Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished and friends on it. The classes
// live in internal/streams/*. Every console.log loads this module (stdio streams are Writables),
// so only Readable and Writable load with it; the other members load when first read, and
// then become plain properties.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { destroyer } = require('internal/streams/destroy');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');

function lazy(name, load) {
  const settle = (value) => {
    Object.defineProperty(Stream, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(Stream, name, {
    enumerable: true,
    configurable: true,
    get() { return settle(load()); },
    set: settle,
  });
}

const utils = () => require('internal/streams/utils');

// In Node's order (Object.keys(stream) shows it).
lazy('isDestroyed', () => utils().isDestroyed);
lazy('isDisturbed', () => utils().isDisturbed);
lazy('isErrored', () => utils().isErrored);
lazy('isReadable', () => utils().isReadable);
lazy('isWritable', () => utils().isWritable);
Stream.Readable = Readable;
Stream.Writable = Writable;
lazy('Duplex', () => require('internal/streams/duplex'));
lazy('Transform', () => require('internal/streams/transform').Transform);
lazy('PassThrough', () => require('internal/streams/transform').PassThrough);
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
lazy('pipeline', () => require('internal/streams/pipeline').pipeline);
lazy('addAbortSignal', () => require('internal/streams/add-abort-signal').addAbortSignal);
lazy('finished', () => require('internal/streams/end-of-stream'));
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

Stream.Stream = Stream;

Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
