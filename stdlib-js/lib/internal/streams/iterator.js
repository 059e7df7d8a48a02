'use strict';
// readable[Symbol.asyncIterator]() and readable.iterator({ destroyOnReturn }): an async
// generator reading the stream chunk by chunk on 'readable', ending on 'end' and throwing the
// stream's error; leaving the loop early destroys the stream (unless destroyOnReturn is false).
// Streams without read() (old-style emitters) are wrapped first.

const { aggregateTwoErrors } = require('internal/errors');
const destroyImpl = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');

function nop() {}

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') {
    stream = require('internal/streams/readable').wrap(stream, { objectMode: true });
  }
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  // Wakes the loop below on 'readable' and when the stream finishes.
  let wake = nop;
  const next = (resolve) => {
    wake = resolve;
  };
  const onReadable = () => {
    const w = wake;
    wake = nop;
    w();
  };
  stream.on('readable', onReadable);
  // undefined: still running; null: ended cleanly; else the error.
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    onReadable();
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) yield chunk;
      else if (error) throw error;
      else if (error === null) return;
      else await new Promise(next);
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if ((error || !options || options.destroyOnReturn !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', onReadable);
      cleanup();
    }
  }
}

module.exports = streamToAsyncIterator;
