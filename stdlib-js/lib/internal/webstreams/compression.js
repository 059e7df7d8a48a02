'use strict';
// internal/webstreams/compression: the WHATWG CompressionStream and DecompressionStream
// ('deflate', 'deflate-raw', 'gzip') - a node:zlib stream with a WritableStream in front and a
// ReadableStream behind it. Loaded on first use of either global (or of stream/web's names).
//
// Writes go into the zlib stream and wait for 'drain' when it is full; its output is enqueued
// as Uint8Arrays, pausing it while the web queue is full. Errors and the end travel through
// finished(): an error errors both sides, the end closes the readable one.

const { AbortError, codes } = require('internal/errors');
const { deferred, inspectAs, invalidThis, kInspect, webIDL } = require('internal/webstreams/util');
const { ReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream } = require('internal/webstreams/writablestream');

const { ERR_INVALID_ARG_VALUE } = codes;

function lazyZlib() {
  return require('zlib');
}
function lazyFinished() {
  return require('stream').finished;
}

const kFormats = ['deflate', 'deflate-raw', 'gzip'];

function validateFormat(format) {
  if (!kFormats.includes(format)) throw new ERR_INVALID_ARG_VALUE('format', format);
}

/** A zlib stream as { readable, writable } web streams. */
function webPair(engine) {
  const finished = lazyFinished();
  let readController;
  let writeController;
  let backpressure = null;
  let closing = null;

  const readable = new ReadableStream({
    start(controller) {
      readController = controller;
    },
    pull() {
      engine.resume();
    },
    cancel(reason) {
      engine.destroy(reason);
    },
  }, { highWaterMark: engine.readableHighWaterMark });

  const writable = new WritableStream({
    start(controller) {
      writeController = controller;
    },
    write(chunk) {
      if (engine.writableNeedDrain || !engine.write(chunk)) {
        backpressure = deferred();
        return backpressure.promise;
      }
      return undefined;
    },
    close() {
      if (engine.writableEnded) return undefined;
      closing = deferred();
      engine.end();
      return closing.promise;
    },
    abort(reason) {
      engine.destroy(reason);
    },
  }, { highWaterMark: 1 });

  engine.on('data', (chunk) => {
    // A copy of its own: zlib's output shares slabs.
    readController.enqueue(new Uint8Array(chunk));
    if (readController.desiredSize <= 0) engine.pause();
  });
  engine.on('drain', () => {
    const waiting = backpressure;
    backpressure = null;
    waiting?.resolve();
  });
  engine.pause();

  finished(engine, (error) => {
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new AbortError(undefined, { cause: error });
    }
    if (error) {
      try { readController.error(error); } catch { /* already errored or closed */ }
      backpressure?.reject(error);
      closing?.reject(error);
      try { writeController.error(error); } catch { /* already errored or closed */ }
      return;
    }
    closing?.resolve();
    try { readController.close(); } catch { /* cancelled */ }
  });

  return { readable, writable };
}

let checkCompression;
class CompressionStream {
  #pair;
  static {
    checkCompression = (self) => {
      if (self === null || typeof self !== 'object' || !(#pair in self)) {
        throw invalidThis('CompressionStream');
      }
    };
  }
  constructor(format) {
    validateFormat(format);
    const zlib = lazyZlib();
    let engine;
    if (format === 'deflate') engine = zlib.createDeflate();
    else if (format === 'deflate-raw') engine = zlib.createDeflateRaw();
    else engine = zlib.createGzip();
    this.#pair = webPair(engine);
  }
  get readable() {
    checkCompression(this);
    return this.#pair.readable;
  }
  get writable() {
    checkCompression(this);
    return this.#pair.writable;
  }
  [kInspect](depth, options, inspect) {
    checkCompression(this);
    return inspectAs('CompressionStream', {
      readable: this.#pair.readable, writable: this.#pair.writable,
    }, depth, options, inspect);
  }
}
webIDL(CompressionStream, 'CompressionStream', ['readable', 'writable']);

let checkDecompression;
class DecompressionStream {
  #pair;
  static {
    checkDecompression = (self) => {
      if (self === null || typeof self !== 'object' || !(#pair in self)) {
        throw invalidThis('DecompressionStream');
      }
    };
  }
  constructor(format) {
    validateFormat(format);
    const zlib = lazyZlib();
    let engine;
    if (format === 'deflate') engine = zlib.createInflate();
    else if (format === 'deflate-raw') engine = zlib.createInflateRaw();
    else engine = zlib.createGunzip();
    this.#pair = webPair(engine);
  }
  get readable() {
    checkDecompression(this);
    return this.#pair.readable;
  }
  get writable() {
    checkDecompression(this);
    return this.#pair.writable;
  }
  [kInspect](depth, options, inspect) {
    checkDecompression(this);
    return inspectAs('DecompressionStream', {
      readable: this.#pair.readable, writable: this.#pair.writable,
    }, depth, options, inspect);
  }
}
webIDL(DecompressionStream, 'DecompressionStream', ['readable', 'writable']);

module.exports = { CompressionStream, DecompressionStream };
