'use strict';
// node:stream/promises - pipeline() and finished() returning promises. pipeline's last
// argument may be an options object ({ signal, end }).

const { pipelineImpl } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');
const { isIterable, isNodeStream, isWebStream } = require('internal/streams/utils');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    let end;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last) &&
        !isWebStream(last)) {
      const options = streams.pop();
      signal = options.signal;
      end = options.end;
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), { signal, end });
  });
}

module.exports = { finished, pipeline };
