'use strict';
// node:stream — the legacy Stream constructor, which is also the module, with Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished and friends on it
// (internal/streams holds them).

const streams = require('internal/streams');
// util.promisify.custom, without loading util with every stream.
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

const Stream = streams.Stream;

for (const key of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline',
  'finished', 'addAbortSignal', 'destroy', 'isReadable', 'isErrored', 'isDisturbed',
  'getDefaultHighWaterMark', 'setDefaultHighWaterMark']) {
  Stream[key] = streams[key];
}
Stream.Stream = Stream;

Object.defineProperty(Stream, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('stream/promises'); },
});

Object.defineProperty(streams.pipeline, kCustomPromisify, {
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(streams.finished, kCustomPromisify, {
  enumerable: true,
  get() { return require('stream/promises').finished; },
});

// eslint-disable-next-line no-underscore-dangle
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
