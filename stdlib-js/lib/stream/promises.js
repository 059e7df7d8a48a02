'use strict';
// node:stream/promises — pipeline() and finished() returning promises.

const { pipeline: pipelineCb, finished: finishedCb } = require('internal/streams');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let options;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last) && typeof last.pipe !== 'function' &&
        typeof last.write !== 'function' && !(Symbol.asyncIterator in last) && !(Symbol.iterator in last)) {
      options = streams.pop();
    }
    const out = pipelineCb(...streams, (err, value) => (err ? reject(err) : resolve(value)));
    if (options && options.signal) {
      const abort = () => {
        const err = new Error('The operation was aborted');
        err.name = 'AbortError';
        err.code = 'ABORT_ERR';
        for (const s of streams) if (s && typeof s.destroy === 'function') s.destroy(err);
        reject(err);
      };
      if (options.signal.aborted) abort();
      else options.signal.addEventListener('abort', abort, { once: true });
    }
    void out;
  });
}

function finished(stream, opts) {
  return new Promise((resolve, reject) => {
    finishedCb(stream, opts, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = { pipeline, finished };
