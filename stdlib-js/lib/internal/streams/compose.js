'use strict';
// stream.compose(...streams): one Duplex whose writable side is the first stage and whose
// readable side is the last, the stages piped together by pipeline(). Stages are Node streams,
// web streams, or (first/last) functions and other values Duplex.from accepts.

const { AbortError, codes } = require('internal/errors');
const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const {
  isNodeStream, isReadable, isReadableStream, isTransformStream, isWebStream, isWritable,
  isWritableStream,
} = require('internal/streams/utils');

const { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } = codes;

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const given = [...streams];
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = Duplex.from(streams[last]);

  for (let n = 0; n < streams.length; ++n) {
    const s = streams[n];
    if (!isNodeStream(s) && !isWebStream(s)) continue; // functions in the middle
    if (n < last && !(isReadable(s) || isReadableStream(s) || isTransformStream(s))) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be readable');
    }
    if (n > 0 && !(isWritable(s) || isWritableStream(s) || isTransformStream(s))) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, given[n], 'must be writable');
    }
  }

  // Callbacks parked until the stages let the composite go on.
  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);
  const writable = !!(isWritable(head) || isWritableStream(head) || isTransformStream(head));
  const readable = !!(isReadable(tail) || isReadableStream(tail) || isTransformStream(tail));

  d = new Duplex({
    // The composite takes what the head takes and gives what the tail gives.
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    if (isNodeStream(head)) {
      d._write = function (chunk, encoding, callback) {
        if (head.write(chunk, encoding)) callback();
        else ondrain = callback;
      };
      d._final = function (callback) {
        head.end();
        onfinish = callback;
      };
      head.on('drain', () => {
        if (ondrain) {
          const cb = ondrain;
          ondrain = null;
          cb();
        }
      });
    } else {
      const writer = (isTransformStream(head) ? head.writable : head).getWriter();
      d._write = async function (chunk, encoding, callback) {
        try {
          await writer.ready;
          writer.write(chunk).catch(() => {});
          callback();
        } catch (err) {
          callback(err);
        }
      };
      d._final = async function (callback) {
        try {
          await writer.ready;
          writer.close().catch(() => {});
          onfinish = callback;
        } catch (err) {
          callback(err);
        }
      };
    }
    // The composite finishes when everything written came out of the tail.
    eos(isTransformStream(tail) ? tail.readable : tail, () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    if (isNodeStream(tail)) {
      tail.on('readable', () => {
        if (onreadable) {
          const cb = onreadable;
          onreadable = null;
          cb();
        }
      });
      tail.on('end', () => d.push(null));
      d._read = function () {
        while (true) {
          const buf = tail.read();
          if (buf === null) {
            onreadable = d._read;
            return;
          }
          if (!d.push(buf)) return;
        }
      };
    } else {
      const reader = (isTransformStream(tail) ? tail.readable : tail).getReader();
      d._read = async function () {
        while (true) {
          try {
            const { value, done } = await reader.read();
            if (done) {
              d.push(null);
              return;
            }
            if (!d.push(value)) return;
          } catch {
            return;
          }
        }
      };
    }
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      // Wait for the pipeline to tear down, then report.
      onclose = callback;
      if (isNodeStream(tail)) destroyer(tail, err);
    }
  };

  return d;
}

module.exports = compose;
