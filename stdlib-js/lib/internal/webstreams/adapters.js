'use strict';
// Node streams <-> web streams: Readable.fromWeb/toWeb, Writable.fromWeb/toWeb and
// Duplex.fromWeb/toWeb. Loaded on the first call of one of them.
//
// A Node Readable becomes a ReadableStream fed by 'data' (paused while the web queue is full);
// a ReadableStream becomes a Readable that reads one chunk per _read. A Node Writable becomes a
// WritableStream whose writes wait for 'drain'; a WritableStream becomes a Writable that writes
// through its writer (_writev writes a batch at once). Ends and errors travel both ways:
// destroying one side cancels/aborts the other, and finished() on the Node side reports to the
// web side.

const { AbortError, codes, validateBoolean, validateObject } = require('internal/errors');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const {
  isDestroyed, isReadable, isReadableNodeStream, isWritable, isWritableEnded,
  isWritableNodeStream,
} = require('internal/streams/utils');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy, deferred } = require('internal/webstreams/util');

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_STREAM_PREMATURE_CLOSE } = codes;

function ignore() {}

/** Calls a Node-style callback, turning a throw into the stream's destruction. */
function callSafely(stream, callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => destroyer(stream, err));
  }
}

/** A string headed for a web stream becomes bytes (a plain Uint8Array over the Buffer). */
function toBytes(chunk, encoding) {
  const buf = Buffer.from(chunk, encoding);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// ===== Node Writable -> WritableStream =====

function newWritableStreamFromStreamWritable(streamWritable) {
  if (!isWritableNodeStream(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };

  let controller;
  // Pending while a write waits for 'drain'.
  let backpressure;
  // Pending while close() waits for 'finish'.
  let closing;

  const onDrain = () => {
    if (backpressure !== undefined) backpressure.resolve();
  };
  const cleanup = eos(streamWritable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') error = new AbortError(undefined, { cause: error });
    cleanup();
    // Legacy streams may emit 'error' again after finished() reported.
    streamWritable.on('error', ignore);
    streamWritable.removeListener('drain', onDrain);
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (closing !== undefined) {
        closing.reject(error);
        closing = undefined;
      }
      if (controller !== undefined) controller.error(error);
      controller = undefined;
      return;
    }
    if (closing !== undefined) {
      closing.resolve();
      closing = undefined;
      return;
    }
    // Ended from the Node side while the web side still writes.
    if (controller !== undefined) controller.error(new AbortError());
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = deferred();
        return backpressure.promise.finally(() => {
          backpressure = undefined;
        });
      }
      return undefined;
    },
    abort(reason) {
      destroyer(streamWritable, reason);
    },
    close() {
      if (closing === undefined && !isWritableEnded(streamWritable)) {
        closing = deferred();
        streamWritable.end();
        return closing.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

// ===== WritableStream -> Node Writable =====

/** write/writev/final bodies shared by Writable.fromWeb and Duplex.fromWeb. */
function writerMethods(writer, getStream, { decodeStrings, objectMode }) {
  return {
    writev(chunks, callback) {
      const done = (error) => callSafely(getStream(), callback, error);
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk)))
        .then(() => done(), done), done);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) chunk = toBytes(chunk, encoding);
      const done = (error) => callSafely(getStream(), callback, error);
      writer.ready.then(() => writer.write(chunk).then(() => done(), done), done);
    },
  };
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;
  let writable;
  const { write, writev } = writerMethods(writer, () => writable, { decodeStrings, objectMode });
  writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    write,
    writev,
    destroy(error, callback) {
      const done = () => callDestroyCallback(callback, error);
      if (closed) {
        done();
      } else if (error != null) {
        writer.abort(error).then(done, done);
      } else {
        writer.close().then(done, done);
      }
    },
    final(callback) {
      const done = (error) => callSafely(writable, callback, error);
      if (!closed) writer.close().then(() => done(), done);
    },
  });

  writer.closed.then(() => {
    closed = true;
    if (!isWritableEnded(writable)) destroyer(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroyer(writable, error);
  });
  return writable;
}

/** _destroy's callback; a throw from it surfaces as an uncaught exception. */
function callDestroyCallback(callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => {
      throw err;
    });
  }
}

// ===== Node Readable -> ReadableStream =====

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (!isReadableNodeStream(streamReadable) || typeof streamReadable._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  // Without a strategy: count objects in object mode, else only the highWaterMark (each chunk
  // counts one), as Node does.
  let strategy = options && options.strategy;
  if (!strategy) strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };

  let controller;
  const onData = (chunk) => {
    // Bytes cross as plain Uint8Arrays (copied: the web side may transfer them).
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  };
  const cleanup = eos(streamReadable, (error) => {
    cleanup();
    streamReadable.removeListener('data', onData);
    // Legacy streams may emit 'error' again after finished() reported.
    streamReadable.on('error', ignore);
    try {
      if (error) controller.error(error);
      else controller.close();
    } catch {
      // The web side was cancelled already.
    }
  });
  streamReadable.on('data', onData);

  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      destroyer(streamReadable, reason);
    },
  }, strategy);
}

// ===== ReadableStream -> Node Readable =====

function validateEncoding(encoding) {
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  validateEncoding(encoding);
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((result) => {
        if (result.done) readable.push(null);
        else readable.push(result.value);
      }, (error) => destroyer(readable, error));
    },
    destroy(error, callback) {
      const done = () => callDestroyCallback(callback, error);
      if (closed) done();
      else reader.cancel(error).then(done, done);
    },
  });

  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyer(readable, error);
  });
  return readable;
}

// ===== Duplex <-> { readable, writable } =====

function newReadableWritablePairFromDuplex(duplex) {
  if (!duplex || typeof duplex._writableState !== 'object' ||
      typeof duplex._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (isWritable(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  let readable;
  if (isReadable(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateEncoding(encoding);

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  let duplex;
  const { write, writev } = writerMethods(writer, () => duplex, { decodeStrings, objectMode });
  duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    write,
    writev,
    final(callback) {
      const done = (error) => callSafely(duplex, callback, error);
      if (!writableClosed) writer.close().then(() => done(), done);
    },
    read() {
      reader.read().then((result) => {
        if (result.done) duplex.push(null);
        else duplex.push(result.value);
      }, (error) => destroyer(duplex, error));
    },
    destroy(error, callback) {
      const done = () => callDestroyCallback(callback, error);
      if (writableClosed && readableClosed) {
        done();
        return;
      }
      const closeWriter = writableClosed ? undefined : writer.abort(error);
      const closeReader = readableClosed ? undefined : reader.cancel(error);
      Promise.all([closeWriter, closeReader]).then(done, done);
    },
  });

  writer.closed.then(() => {
    writableClosed = true;
    if (!isWritableEnded(duplex)) destroyer(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
  newStreamReadableFromReadableStream,
  newStreamWritableFromWritableStream,
  newWritableStreamFromStreamWritable,
};
