'use strict';
// Duplex.from(body): a Duplex from a Duplex (itself), a Readable or Writable (the other side
// closed), a web ReadableStream/WritableStream or { readable, writable } pair of them, a Blob,
// an (async) iterable (read side only), an async generator function (written chunks in,
// yielded values out), an async function (written chunks in, its promise ends the stream), a
// promise (its value is the one chunk), or { readable, writable } of any of these.

const { AbortError, codes } = require('internal/errors');
const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const from = require('internal/streams/from');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const {
  isDuplexNodeStream, isIterable, isNodeStream, isReadable, isReadableNodeStream,
  isReadableStream, isWritable, isWritableNodeStream, isWritableStream,
} = require('internal/streams/utils');

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE } = codes;

let Blob;
function isBlob(value) {
  if (!value || typeof value !== 'object' || typeof value.arrayBuffer !== 'function') return false;
  Blob ??= require('buffer').Blob;
  return value instanceof Blob;
}

// Duplex itself under the name Node's inspect shows for these.
class Duplexify extends Duplex {}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return fromPair({ readable: body });
  if (isWritableNodeStream(body)) return fromPair({ writable: body });
  if (isNodeStream(body)) return fromPair({ writable: false, readable: false });
  if (isReadableStream(body)) return fromPair({ readable: Readable.fromWeb(body) });
  if (isWritableStream(body)) {
    return fromPair({ writable: require('internal/streams/writable').fromWeb(body) });
  }

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }
    const then = value && value.then;
    if (typeof then === 'function') {
      // An async function consuming the written chunks: its promise is the end.
      let d;
      const promise = then.call(value, (val) => {
        if (val != null) throw new ERR_INVALID_RETURN_VALUE('nully', 'body', val);
      }, (err) => {
        destroyer(d, err);
      });
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }
    throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (isBlob(body)) return duplexify(body.arrayBuffer(), name);
  if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });

  if (body && isReadableStream(body.readable) && isWritableStream(body.writable)) {
    return Duplexify.fromWeb(body);
  }
  if (body && (typeof body.writable === 'object' || typeof body.readable === 'object')) {
    const readable = body.readable ?
      (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) : undefined;
    const writable = body.writable ?
      (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) : undefined;
    return fromPair({ readable, writable });
  }

  const then = body && body.then;
  if (typeof then === 'function') {
    let d;
    then.call(body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => {
      destroyer(d, err);
    });
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new ERR_INVALID_ARG_TYPE(name, [
    'Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function',
    '{ readable, writable } pair', 'Promise',
  ], body);
}

/**
 * Calls fn with an async iterable of the chunks written to the duplex; write/final feed it,
 * destroy aborts the signal fn was given.
 */
function fromAsyncGen(fn) {
  // The next written chunk (or the end), handed from write/final to the generator.
  let { promise, resolve } = Promise.withResolvers();
  const ac = new AbortController();
  const signal = ac.signal;
  const value = fn(async function* () {
    while (true) {
      const next = promise;
      promise = null;
      const { chunk, done, cb } = await next;
      // The write's callback runs once the chunk was taken, so writes come one at a time.
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      ({ promise, resolve } = Promise.withResolvers());
      yield chunk;
    }
  }(), { signal });

  const feed = (item) => {
    const r = resolve;
    resolve = null;
    r(item);
  };
  return {
    value,
    write(chunk, encoding, cb) {
      feed({ chunk, done: false, cb });
    },
    final(cb) {
      feed({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

/** A Duplex over a (Node) readable and/or writable. */
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;
  let readable = !!isReadable(r);
  let writable = !!isWritable(w);
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
  }

  d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    d._write = function (chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function (callback) {
      w.end();
      onfinish = callback;
    };
    w.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    w.on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    r.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });
    r.on('end', () => d.push(null));
    d._read = function () {
      while (true) {
        const buf = r.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
