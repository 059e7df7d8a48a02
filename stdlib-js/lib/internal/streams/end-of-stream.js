'use strict';
// stream.finished(stream[, options], callback): one call of callback once the stream is done -
// ended and/or finished, errored, or closed too early (ERR_STREAM_PREMATURE_CLOSE) - for Node
// streams, legacy emitters, http requests and web streams; returns a function that unhooks it.
// finished.finished is the promise form (stream/promises).

const {
  AbortError, codes, validateAbortSignal, validateBoolean, validateFunction, validateObject,
} = require('internal/errors');
const {
  kIsClosedPromise, isClosed, isNodeStream, isReadable, isReadableErrored, isReadableFinished,
  isReadableNodeStream, isReadableStream, isRequest, isWritable, isWritableErrored,
  isWritableFinished, isWritableNodeStream, isWritableStream, willEmitClose: streamWillEmitClose,
} = require('internal/streams/utils');

const { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE } = codes;

function nop() {}

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    fn.apply(this, args);
  };
}

/** Listen to signal's 'abort' once; returns the function that stops listening. */
function onAbort(signal, listener) {
  return require('events').addAbortListener(signal, listener)[Symbol.dispose];
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = once(callback);

  if (isReadableStream(stream) || isWritableStream(stream)) return eosWeb(stream, options, callback);
  if (!isNodeStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
  const writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  // A stream that destroys itself when done reports through 'close': the callback waits for it
  // (unless only one side of a duplex is asked about).
  let willEmitClose = streamWillEmitClose(stream) &&
    isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;

  let writableFinished = isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  let readableFinished = isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  // Legacy streams (no _writableState) count 'end'/'close' without writable as finished.
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  const onerror = (err) => {
    callback.call(stream, err);
  };

  let closed = isClosed(stream);
  const onclose = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') {
      callback.call(stream, errored);
      return;
    }
    if (readable && !readableFinished && isReadableNodeStream(stream, true) &&
        !isReadableFinished(stream, false)) {
      callback.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    if (writable && !writableFinished && !isWritableFinished(stream, false)) {
      callback.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    callback.call(stream);
  };

  // Already closed or errored when we started: the outcome, without premature-close checks.
  const onclosed = () => {
    closed = true;
    const errored = isWritableErrored(stream) || isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') {
      callback.call(stream, errored);
      return;
    }
    callback.call(stream);
  };

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  // Not every stream emits 'close' after 'aborted' (http.IncomingMessage).
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!willEmitClose) process.nextTick(onclosed);
  } else if (!readable && (!willEmitClose || isReadable(stream)) &&
             (writableFinished || isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!willEmitClose || isWritable(stream)) &&
             (readableFinished || isReadable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const signal = options.signal;
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const stopListening = onAbort(signal, abort);
      const original = callback;
      callback = once(function (...args) {
        stopListening();
        original.apply(stream, args);
      });
    }
  }
  return cleanup;
}

/** Web streams settle their kIsClosedPromise when they close or error. */
function eosWeb(stream, options, callback) {
  let aborted = false;
  if (options.signal) {
    const signal = options.signal;
    const abort = () => {
      aborted = true;
      callback.call(stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const stopListening = onAbort(signal, abort);
      const original = callback;
      callback = once(function (...args) {
        stopListening();
        original.apply(stream, args);
      });
    }
  }
  const settle = (...args) => {
    if (!aborted) process.nextTick(() => callback.apply(stream, args));
  };
  stream[kIsClosedPromise].promise.then(() => settle(), settle);
  return nop;
}

/** The promise form: resolves when done, rejects with the error (options.cleanup unhooks). */
function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = {};
  if (opts && opts.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;
// util.promisify(finished) is stream/promises' finished.
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return finished; },
});

module.exports = eos;
