'use strict';
// node:stream/web - the WHATWG streams (internal/webstreams/*). CompressionStream and
// DecompressionStream (on node:zlib) load on first use.

const readable = require('internal/webstreams/readablestream');
const bytes = require('internal/webstreams/bytestream');
const writable = require('internal/webstreams/writablestream');
const transform = require('internal/webstreams/transformstream');
const { ByteLengthQueuingStrategy, CountQueuingStrategy } = require('internal/webstreams/util');

module.exports = {
  ReadableStream: readable.ReadableStream,
  ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: bytes.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: bytes.ReadableStreamBYOBRequest,
  ReadableByteStreamController: bytes.ReadableByteStreamController,
  ReadableStreamDefaultController: readable.ReadableStreamDefaultController,
  TransformStream: transform.TransformStream,
  TransformStreamDefaultController: transform.TransformStreamDefaultController,
  WritableStream: writable.WritableStream,
  WritableStreamDefaultWriter: writable.WritableStreamDefaultWriter,
  WritableStreamDefaultController: writable.WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream: transform.TextEncoderStream,
  TextDecoderStream: transform.TextDecoderStream,
};
for (const name of ['CompressionStream', 'DecompressionStream']) {
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = require('internal/webstreams/compression')[name];
      Object.defineProperty(module.exports, name, {
        value, writable: true, enumerable: true, configurable: true,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
}
