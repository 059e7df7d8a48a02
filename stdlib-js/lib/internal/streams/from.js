'use strict';
// Readable.from(iterable[, options]) (also the base of Duplex.from for iterables and
// generators): a string or Buffer is one chunk; a sync iterable is read synchronously (until a
// value is a promise, then each value is awaited); an async iterable is awaited. Destroying the
// stream closes the iterator (throw() with the error when it has one, then return()).

const { codes } = require('internal/errors');

const { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES } = codes;

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || Buffer.isBuffer(iterable)) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let iterator;
  let isAsync;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  // A pull loop is running (at most one at a time).
  let reading = false;
  // The sync iterator produced a promise once: from then on every value is awaited.
  let awaitValues = false;

  readable._read = function () {
    if (reading) return;
    reading = true;
    if (isAsync) pullAsync();
    else if (awaitValues) pullSyncAwaiting();
    else pullSync();
  };

  readable._destroy = function (error, cb) {
    closeIterator(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error));
  };

  async function closeIterator(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  /** Pushes one value; false when the loop must stop (backpressure). */
  function pushValue(value) {
    if (value === null) {
      reading = false;
      throw new ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function pullSync() {
    try {
      while (true) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          awaitValues = true;
          pushAwaited(value);
          return;
        }
        if (!pushValue(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pushAwaited(promise) {
    try {
      if (pushValue(await promise)) pullSyncAwaiting();
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullSyncAwaiting() {
    try {
      while (true) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const resolved = value && typeof value.then === 'function' ? await value : value;
        if (!pushValue(resolved)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullAsync() {
    try {
      while (true) {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!pushValue(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  return readable;
}

module.exports = from;
