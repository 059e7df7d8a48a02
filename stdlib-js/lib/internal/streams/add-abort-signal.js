'use strict';
// stream.addAbortSignal(signal, stream): an abort destroys a Node stream (or errors a web
// stream through its controller) with an AbortError whose cause is the signal's reason.

const { AbortError, codes, validateAbortSignal } = require('internal/errors');
const { kControllerErrorFunction, isNodeStream, isWebStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) return stream;
  const onAbort = isNodeStream(stream) ?
    () => stream.destroy(new AbortError(undefined, { cause: signal.reason })) :
    () => stream[kControllerErrorFunction](new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    // Stop listening once the stream is done, so a long-lived signal does not keep it.
    const disposable = require('events').addAbortListener(signal, onAbort);
    require('internal/streams/end-of-stream')(stream, disposable[Symbol.dispose]);
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
