'use strict';
// The stream classes behind node:stream: Readable (paused/flowing modes, 'readable' and 'data',
// highWaterMark backpressure, encodings, async iteration, Readable.from), Writable (buffered
// writes, 'drain', cork/uncork, _final, 'finish'), Duplex, Transform and PassThrough, plus
// finished() and pipeline(). Events follow Node's order: 'end'/'finish' on a later tick, then
// 'close' after destroy. Not here yet: web streams, compose(), the iterator helpers beyond
// toArray/map/filter/forEach, and Writable's writev batching.

const EE = require('events');
const { codes } = require('internal/errors');
// string_decoder (and with it buffer) loads with the first setEncoding(), not with stream.
let StringDecoder;
function newDecoder(encoding) {
  StringDecoder ??= require('string_decoder').StringDecoder;
  return new StringDecoder(encoding);
}

const {
  ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_MULTIPLE_CALLBACK,
  ERR_STREAM_DESTROYED, ERR_STREAM_NULL_VALUES, ERR_STREAM_PREMATURE_CLOSE,
  ERR_STREAM_PUSH_AFTER_EOF, ERR_STREAM_UNSHIFT_AFTER_END_EVENT, ERR_STREAM_WRITE_AFTER_END,
  ERR_STREAM_ALREADY_FINISHED, ERR_MISSING_ARGS, ERR_INVALID_RETURN_VALUE,
} = codes;

let defaultHighWaterMark = 16 * 1024;
let defaultObjectHighWaterMark = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHighWaterMark : defaultHighWaterMark;
}

function setDefaultHighWaterMark(objectMode, value) {
  if (objectMode) defaultObjectHighWaterMark = value;
  else defaultHighWaterMark = value;
}

function highWaterMarkFrom(options, isDuplex, key, objectMode) {
  let hwm = options[key];
  if (hwm === undefined || hwm === null) hwm = options.highWaterMark;
  if (hwm === undefined || hwm === null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    throw new codes.ERR_INVALID_ARG_VALUE(`options.${key in options ? key : 'highWaterMark'}`, hwm);
  }
  return hwm;
}

function toBuffer(chunk, encoding) {
  return Buffer.from(chunk, encoding);
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

// ===== Stream (legacy) =====

function Stream(options) {
  EE.call(this, options);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', () => dest.end());
  }
  dest.emit('pipe', source);
  return dest;
};

// ===== destroy =====

function destroyImpl(stream, err, cb) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return stream;
  }
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (w && w.onFinished.length > 0) {
    const pending = w.onFinished.splice(0);
    const error = err || new ERR_STREAM_DESTROYED('end');
    process.nextTick(() => { for (const cb of pending) cb(error); });
  }
  let called = false;
  const onDestroy = (er) => {
    if (called) return;
    called = true;
    if (er) {
      if (w && !w.errored) w.errored = er;
      if (r && !r.errored) r.errored = er;
    }
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(er);
    if (er) process.nextTick(emitErrorCloseNT, stream, er);
    else process.nextTick(emitCloseNT, stream);
  };
  try {
    stream._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
  return stream;
}

function emitErrorCloseNT(stream, err) {
  emitErrorNT(stream, err);
  emitCloseNT(stream);
}

function emitCloseNT(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) stream.emit('close');
}

function emitErrorNT(stream, err) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  stream.emit('error', err);
}

function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// ===== Readable =====

class ReadableState {
  constructor(options = {}, stream, isDuplex) {
    this.objectMode = !!(options.objectMode || (isDuplex && options.readableObjectMode));
    this.highWaterMark = highWaterMarkFrom(options, isDuplex, 'readableHighWaterMark',
      this.objectMode);
    this.buffer = [];
    this.length = 0;
    this.pipes = [];
    this.flowing = null;
    this.ended = false;
    this.endEmitted = false;
    this.reading = false;
    this.constructed = true;
    this.sync = true;
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this.errorEmitted = false;
    this.emitClose = options.emitClose !== false;
    this.autoDestroy = options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.defaultEncoding = options.defaultEncoding || 'utf8';
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.decoder = null;
    this.encoding = null;
    if (options.encoding) {
      this.decoder = newDecoder(options.encoding);
      this.encoding = options.encoding;
    }
  }
}

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = this instanceof Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  if (typeof this._construct === 'function') construct(this);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

function construct(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  process.nextTick(() => {
    let called = false;
    try {
      stream._construct((err) => {
        if (called) return;
        called = true;
        if (r) r.constructed = true;
        if (w) w.constructed = true;
        if (err) {
          errorOrDestroy(stream, err, true);
        } else {
          if (r && r.needReadable) maybeReadMore(stream, r);
          if (w) {
            clearBuffer(stream, w);
            finishMaybe(stream, w);
          }
        }
      });
    } catch (err) {
      errorOrDestroy(stream, err, true);
    }
  });
}

Readable.ReadableState = ReadableState;

Readable.prototype.destroy = function destroy(err, cb) {
  return destroyImpl(this, err, cb);
};

Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

Readable.prototype.push = function push(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
    return false;
  }
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) chunk = toBuffer(chunk, encoding).toString(state.encoding);
        else chunk = toBuffer(chunk, encoding);
      }
    } else if (chunk instanceof Uint8Array && !Buffer.isBuffer(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else if (!isUint8Array(chunk) && typeof chunk !== 'string') {
      errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk));
      return false;
    }
  }
  if (addToFront) {
    if (state.endEmitted) {
      errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      return false;
    }
    if (state.destroyed || state.errored) return false;
    addChunk(stream, state, chunk, true);
  } else if (state.ended) {
    errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    return false;
  } else if (state.destroyed || state.errored) {
    return false;
  } else {
    state.reading = false;
    if (state.decoder && !encoding && typeof chunk !== 'string' && !state.objectMode) {
      chunk = state.decoder.write(chunk);
      if (chunk.length === 0) {
        maybeReadMore(stream, state);
        return !state.ended && (state.length < state.highWaterMark || state.length === 0);
      }
    }
    addChunk(stream, state, chunk, false);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNT(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadableNT, stream);
  }
}

function emitReadableNT(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMoreNT, stream, state);
  }
}

function maybeReadMoreNT(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    if (state.flowing && state.length) return state.objectMode ? 1 : state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

function fromList(n, state) {
  if (state.length === 0) return null;
  if (state.objectMode) return state.buffer.shift();
  if (!n || n >= state.length) {
    let ret;
    if (state.decoder) ret = state.buffer.join('');
    else if (state.buffer.length === 1) ret = state.buffer[0];
    else ret = Buffer.concat(state.buffer, state.length);
    state.buffer = [];
    return ret;
  }
  // Part of the buffered data.
  const first = state.buffer[0];
  if (n < first.length) {
    state.buffer[0] = first.slice(n);
    return first.slice(0, n);
  }
  if (n === first.length) return state.buffer.shift();
  if (state.decoder) {
    let out = '';
    while (out.length < n) {
      const piece = state.buffer[0];
      const need = n - out.length;
      if (piece.length <= need) {
        out += piece;
        state.buffer.shift();
      } else {
        out += piece.slice(0, need);
        state.buffer[0] = piece.slice(need);
      }
    }
    return out;
  }
  const out = Buffer.allocUnsafe(n);
  let copied = 0;
  while (copied < n) {
    const piece = state.buffer[0];
    const need = n - copied;
    if (piece.length <= need) {
      out.set(piece, copied);
      copied += piece.length;
      state.buffer.shift();
    } else {
      out.set(piece.subarray(0, need), copied);
      state.buffer[0] = piece.slice(need);
      copied = n;
    }
  }
  return out;
}

Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = Math.max(state.highWaterMark, 2 ** Math.ceil(Math.log2(n)));
  if (n !== 0) state.emittedReadable = false;
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= state.objectMode ? 1 : n;
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

Readable.prototype._read = function _read() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    const w = stream._writableState;
    if (w && !stream.allowHalfOpen && !w.ending && !w.destroyed) {
      stream.end();
    }
    if (state.autoDestroy) {
      const finishedWriting = !w || (w.autoDestroy && (w.finished || w.writable === false));
      if (finishedWriting) stream.destroy();
    }
  }
}

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(() => this.read(0));
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) {
    state.flowing = true;
  } else if (self.listenerCount('data') > 0) {
    self.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resumeNT, this, state);
    }
  }
  state.paused = false;
  return this;
};

function resumeNT(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  const state = this._readableState;
  const decoder = newDecoder(enc);
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  for (const chunk of state.buffer) content += decoder.write(chunk);
  state.buffer = content === '' ? [] : [content];
  state.length = content.length;
  return this;
};

Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  state.pipes.push(dest);
  const doEnd = (!pipeOpts || pipeOpts.end !== false) && !dest._isStdio;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);

  function onunpipe(readable) {
    if (readable === src) cleanup();
  }
  dest.on('unpipe', onunpipe);

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    cleanedUp = true;
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
  }

  function pause() {
    if (!cleanedUp) {
      state.awaitDrainWriters = dest;
      if (!ondrain) {
        ondrain = () => {
          state.awaitDrainWriters = null;
          if (src.listenerCount('data')) src.resume();
        };
        dest.on('drain', ondrain);
      }
    }
    src.pause();
  }

  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }
  src.on('data', ondata);

  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (const d of dests) d.emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function () {
  return createAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  return createAsyncIterator(this, options);
};

async function* createAsyncIterator(stream, options) {
  let wake = null;
  const next = () => {
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  stream.on('readable', next);
  let error = null;
  let done = false;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE' ? err : null;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && !stream._readableState.endEmitted) {
      error = err;
    }
    done = true;
    next();
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (done) {
        return;
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } catch (err) {
    error = err;
    throw err;
  } finally {
    cleanup();
    if ((error || !(options && options.destroyOnReturn === false)) &&
        !stream._readableState.endEmitted) {
      stream.destroy(null);
    } else if (!(options && options.destroyOnReturn === false) && !stream.destroyed) {
      stream.destroy(null);
    }
  }
}

Readable.from = function from(iterable, opts) {
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
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }
  let reading = false;
  const readable = new Readable({
    objectMode: true,
    highWaterMark: 1,
    ...opts,
    read() {
      if (reading) return;
      reading = true;
      pump();
    },
    destroy(err, cb) {
      const ret = typeof iterator.return === 'function' ? iterator.return() : undefined;
      Promise.resolve(ret).then(() => cb(err), (e) => cb(e || err));
    },
  });
  async function pump() {
    try {
      while (true) {
        const { value, done } = isAsync ? await iterator.next() : iterator.next();
        if (done) {
          readable.push(null);
          break;
        }
        const chunk = value && typeof value.then === 'function' ? await value : value;
        if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
        if (!readable.push(chunk)) break;
      }
    } catch (err) {
      readable.destroy(err);
    }
    reading = false;
  }
  return readable;
};

// A few of the iterator helpers.
Readable.prototype.toArray = async function toArray() {
  const out = [];
  for await (const chunk of this) out.push(chunk);
  return out;
};

Readable.prototype.forEach = async function forEach(fn) {
  for await (const chunk of this) await fn(chunk);
};

Readable.prototype.map = function map(fn) {
  const source = this;
  return Readable.from((async function* () {
    for await (const chunk of source) yield await fn(chunk);
  })());
};

Readable.prototype.filter = function filter(fn) {
  const source = this;
  return Readable.from((async function* () {
    for await (const chunk of source) if (await fn(chunk)) yield chunk;
  })());
};

Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => this.push(null));
  stream.on('error', (err) => errorOrDestroy(this, err));
  stream.on('close', () => this.destroy());
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  return this;
};

const readableProps = {
  readable: {
    get() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(value) {
      if (this._readableState) this._readableState.readable = !!value;
    },
  },
  readableDidRead: { get() { return this._readableState.dataEmitted; } },
  readableAborted: {
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: { get() { return this._readableState.highWaterMark; } },
  readableBuffer: { get() { return this._readableState && this._readableState.buffer; } },
  readableFlowing: {
    get() { return this._readableState.flowing; },
    set(state) { if (this._readableState) this._readableState.flowing = state; },
  },
  readableLength: { get() { return this._readableState.length; } },
  readableObjectMode: { get() { return this._readableState ? this._readableState.objectMode : false; } },
  readableEncoding: { get() { return this._readableState ? this._readableState.encoding : null; } },
  errored: { get() { return this._readableState ? this._readableState.errored : null; } },
  closed: { get() { return this._readableState ? this._readableState.closed : false; } },
  destroyed: {
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) { if (this._readableState) this._readableState.destroyed = value; },
  },
  readableEnded: { get() { return this._readableState ? this._readableState.endEmitted : false; } },
};
Object.defineProperties(Readable.prototype, readableProps);

// ===== Writable =====

class WritableState {
  constructor(options = {}, stream, isDuplex) {
    this.objectMode = !!(options.objectMode || (isDuplex && options.writableObjectMode));
    this.highWaterMark = highWaterMarkFrom(options, isDuplex, 'writableHighWaterMark',
      this.objectMode);
    this.finalCalled = false;
    this.needDrain = false;
    this.ending = false;
    this.ended = false;
    this.finished = false;
    this.destroyed = false;
    this.decodeStrings = options.decodeStrings !== false;
    this.defaultEncoding = options.defaultEncoding || 'utf8';
    this.length = 0;
    this.writing = false;
    this.corked = 0;
    this.sync = true;
    this.bufferProcessing = false;
    this.writecb = null;
    // The pending nextTick of synchronously finished writes ({ count, cb, stream, state }).
    this.afterWriteTickInfo = null;
    this.writelen = 0;
    this.buffered = [];
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = options.emitClose !== false;
    this.autoDestroy = options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.allNoop = true;
    // end() callbacks, called with the outcome before 'finish' is emitted.
    this.onFinished = [];
  }
}

function Writable(options) {
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  if (!isDuplex && typeof this._construct === 'function') construct(this);
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

Writable.WritableState = WritableState;

Object.defineProperty(Writable, Symbol.hasInstance, {
  value(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

function nop() {}

function writeAfterEnd(stream, cb) {
  const err = new ERR_STREAM_WRITE_AFTER_END();
  process.nextTick(cb, err);
  errorOrDestroy(stream, err, true);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    }
    if (typeof cb !== 'function') cb = nop;
  }
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Uint8Array) {
      if (!Buffer.isBuffer(chunk)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
  }
  let err;
  if (state.ending) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (state.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    process.nextTick(cb, err);
    errorOrDestroy(this, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(this, state, chunk, encoding, cb);
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  const ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, (er) => onwrite(stream, er));
    state.sync = false;
  }
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, len, chunk, encoding, cb, writev = false) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) onwrite(stream, new ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, (er) => onwrite(stream, er));
  else stream._write(chunk, encoding, (er) => onwrite(stream, er));
  state.sync = false;
}

function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    // A duplex's readable side fails with it (no more reads start), as in Node.
    const r = stream._readableState;
    if (r && !r.errored) r.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
    return;
  }
  if (state.buffered.length > 0) clearBuffer(stream, state);
  if (sync) {
    // Writes that finish synchronously with the same callback (console.log's, or none) share
    // one tick, as in Node: a loop of writes costs one nextTick, not one each.
    const info = state.afterWriteTickInfo;
    if (info !== null && info.cb === cb) {
      info.count++;
    } else {
      state.afterWriteTickInfo = { count: 1, cb, stream, state };
      process.nextTick(afterWriteTick, state.afterWriteTickInfo);
    }
  } else {
    afterWrite(stream, state, 1, cb);
  }
}

function afterWriteTick(info) {
  info.state.afterWriteTickInfo = null;
  afterWrite(info.stream, info.state, info.count, info.cb);
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function afterWrite(stream, state, count, cb) {
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (const { chunk, callback } of state.buffered) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    state.pendingcb--;
    callback(state.errored || new ERR_STREAM_DESTROYED('write'));
  }
  state.buffered = [];
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  state.bufferProcessing = true;
  if (state.buffered.length > 1 && stream._writev) {
    // Everything buffered goes down in one _writev (one syscall for a socket), as in Node.
    const buffered = state.buffered;
    state.buffered = [];
    let len = 0;
    for (const b of buffered) len += state.objectMode ? 1 : b.chunk.length;
    state.pendingcb -= buffered.length - 1;
    const callback = (err) => {
      for (const b of buffered) b.callback(err);
    };
    doWrite(stream, state, len, buffered, '', callback, true);
  }
  while (state.buffered.length > 0 && !state.writing) {
    const { chunk, encoding, callback } = state.buffered.shift();
    const len = state.objectMode ? 1 : chunk.length;
    doWrite(stream, state, len, chunk, encoding, callback);
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) {
    this._writev([{ chunk, encoding }], cb);
  } else {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
  }
};

Writable.prototype._writev = null;

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = this.write(chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // reported by write()
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = new ERR_STREAM_ALREADY_FINISHED('end');
  } else if (state.destroyed) {
    err = new ERR_STREAM_DESTROYED('end');
  }
  if (typeof cb === 'function') {
    if (err || state.finished) process.nextTick(cb, err);
    else state.onFinished.push(cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      errorOrDestroy(stream, err, true);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        process.nextTick(() => {
          if (needFinish(state)) finish(stream, state);
          else state.pendingcb--;
        });
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  for (const cb of state.onFinished.splice(0)) cb(null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const r = stream._readableState;
    const autoDestroy = !r || (r.autoDestroy && (r.endEmitted || r.readable === false));
    if (autoDestroy) stream.destroy();
  }
}

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.buffered.length > 0)) {
    process.nextTick(errorBuffer, state);
  }
  return destroyImpl(this, err, cb);
};

Writable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Writable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

const writableProps = {
  closed: { get() { return this._writableState ? this._writableState.closed : false; } },
  destroyed: {
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(value) { if (this._writableState) this._writableState.destroyed = value; },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(val) { if (this._writableState) this._writableState.writable = !!val; },
  },
  writableFinished: { get() { return this._writableState ? this._writableState.finished : false; } },
  writableObjectMode: { get() { return this._writableState ? this._writableState.objectMode : false; } },
  writableBuffer: { get() { return this._writableState && this._writableState.buffered.map((b) => b); } },
  writableEnded: { get() { return this._writableState ? this._writableState.ending : false; } },
  writableNeedDrain: {
    get() {
      const w = this._writableState;
      return !!w && !w.destroyed && !w.ending && w.needDrain;
    },
  },
  writableHighWaterMark: { get() { return this._writableState && this._writableState.highWaterMark; } },
  writableCorked: { get() { return this._writableState ? this._writableState.corked : 0; } },
  writableLength: { get() { return this._writableState && this._writableState.length; } },
  errored: { get() { return this._writableState ? this._writableState.errored : null; } },
  writableAborted: {
    get() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
};
Object.defineProperties(Writable.prototype, writableProps);

// ===== Duplex, Transform, PassThrough =====

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    for (const key of ['read', 'write', 'writev', 'final', 'destroy', 'construct']) {
      if (typeof options[key] === 'function') this[`_${key}`] = options[key];
    }
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  Stream.call(this, options);
  if (typeof this._construct === 'function') construct(this);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const method of Object.getOwnPropertyNames(Writable.prototype)) {
  if (method === 'constructor' || method === 'destroy' || method === '_destroy') continue;
  if (Object.prototype.hasOwnProperty.call(Duplex.prototype, method)) continue;
  const desc = Object.getOwnPropertyDescriptor(Writable.prototype, method);
  if (method in readableProps) continue;
  Object.defineProperty(Duplex.prototype, method, desc);
}
Object.defineProperties(Duplex.prototype, {
  destroyed: {
    get() {
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    },
  },
  closed: {
    get() { return this._readableState.closed && this._writableState.closed; },
  },
  errored: {
    get() { return this._readableState.errored || this._writableState.errored; },
  },
});

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  this._readableState.sync = false;
  this._transformCallback = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', transformPrefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function transformFinal(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function transformPrefinish() {
  if (this._final !== transformFinal) transformFinal.call(this);
}

Transform.prototype._final = transformFinal;

Transform.prototype._transform = function _transform() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function _write(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      this._transformCallback = callback;
    }
  });
};

Transform.prototype._read = function _read() {
  if (this._transformCallback) {
    const callback = this._transformCallback;
    this._transformCallback = null;
    callback();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
  cb(null, chunk);
};

// ===== finished / pipeline =====

function isReadableNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function eos(stream, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  }
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  let called = false;
  const done = (err) => {
    if (called) return;
    called = true;
    callback.call(stream, err);
  };
  const r = stream._readableState;
  const w = stream._writableState;
  const readable = options.readable !== undefined ? options.readable
    : (r ? r.readable !== false : isReadableNodeStream(stream));
  const writable = options.writable !== undefined ? options.writable
    : (w ? w.writable !== false : isWritableNodeStream(stream));
  let readableFinished = !!(r && r.endEmitted);
  let writableFinished = !!(w && w.finished);
  // A stream that destroys itself when done reports through 'close', so the callback runs
  // after it, as in Node.
  const willEmitClose = !!(r || w) && (!r || (r.autoDestroy && r.emitClose)) &&
    (!w || (w.autoDestroy && w.emitClose));
  const onfinish = () => {
    writableFinished = true;
    if (willEmitClose && !(r || w).closed) return;
    if (!readable || readableFinished) done();
  };
  const onend = () => {
    readableFinished = true;
    if (willEmitClose && !(r || w).closed) return;
    if (!writable || writableFinished) done();
  };
  const onerror = (err) => done(err);
  const onclose = () => {
    if (readable && !readableFinished && !(r && r.endEmitted)) {
      done(new ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    if (writable && !writableFinished && !(w && w.finished)) {
      done(new ERR_STREAM_PREMATURE_CLOSE());
      return;
    }
    done();
  };
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  const errored = (w && w.errored) || (r && r.errored);
  if (errored && (w && w.errorEmitted || r && r.errorEmitted)) {
    process.nextTick(done, errored);
  } else if ((w && w.closeEmitted) || (r && r.closeEmitted)) {
    process.nextTick(onclose);
  } else if ((!readable || readableFinished) && (!writable || writableFinished)) {
    process.nextTick(done);
  }
  if (options.signal) {
    const onAbort = () => done(options.signal.reason);
    if (options.signal.aborted) process.nextTick(onAbort);
    else options.signal.addEventListener('abort', onAbort, { once: true });
  }
  return function cleanup() {
    callback = nop;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
}

function destroyer(stream, err) {
  if (stream && typeof stream.destroy === 'function' && !stream.destroyed) stream.destroy(err);
}

function pipeline(...streams) {
  let callback = typeof streams[streams.length - 1] === 'function' ? streams.pop() : undefined;
  if (Array.isArray(streams[0]) && streams.length === 1) streams = streams[0];
  if (typeof callback !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('streams[stream.length - 1]', 'Function', callback);
  }
  if (streams.length < 2) throw new ERR_MISSING_ARGS('streams');
  // Functions (async generators over the previous stage) and iterables become streams.
  let prev;
  const nodes = [];
  const fed = new Set();
  streams.forEach((s, i) => {
    let node = s;
    if (typeof s === 'function') {
      const result = s(i === 0 ? undefined : prev);
      if (i === streams.length - 1 && result && typeof result.then === 'function') {
        node = { promise: result };
      } else if (result && (typeof result[Symbol.asyncIterator] === 'function' ||
                 typeof result[Symbol.iterator] === 'function') && !isReadableNodeStream(result)) {
        // The function consumed the previous stage itself; nothing is piped into it.
        node = Readable.from(result, { objectMode: true });
        fed.add(node);
      } else if (isReadableNodeStream(result) || isWritableNodeStream(result)) {
        node = result;
      } else {
        throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', result);
      }
    } else if (i === 0 && !isReadableNodeStream(s) && s &&
               (typeof s[Symbol.asyncIterator] === 'function' || typeof s[Symbol.iterator] === 'function')) {
      node = Readable.from(s);
    }
    nodes.push(node);
    prev = node;
  });
  let error = null;
  const streamNodes = nodes.filter((n) => !n.promise);
  const last = nodes[nodes.length - 1];
  const finishAll = (err) => {
    if (err && !error) error = err;
    if (err) for (const n of streamNodes) destroyer(n, err);
  };
  const complete = () => {
    const cb = callback;
    callback = nop;
    process.nextTick(cb, error || undefined);
  };
  for (let i = 0; i < streamNodes.length; i++) {
    const node = streamNodes[i];
    const isLast = node === last;
    eos(node, { readable: !isLast || !isWritableNodeStream(node) ? isReadableNodeStream(node) && !isLast : false, writable: i > 0 }, (err) => {
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && error) return;
      if (err) finishAll(err);
      if (isLast || err) complete();
    });
  }
  for (let i = 0; i < nodes.length - 1; i++) {
    const src = nodes[i];
    const dest = nodes[i + 1];
    if (dest.promise) break;
    if (fed.has(dest)) continue;
    src.pipe(dest);
  }
  if (last.promise) {
    last.promise.then(() => complete(), (err) => {
      finishAll(err);
      complete();
    });
  }
  return last.promise ? undefined : last;
}

function addAbortSignal(signal, stream) {
  if (!signal || typeof signal.aborted !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  const onAbort = () => {
    const { AbortError } = require('internal/errors');
    stream.destroy(AbortError ? new AbortError(undefined, { cause: signal.reason }) : signal.reason);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return stream;
}

function isReadable(stream) {
  return !!(stream && stream.readable && !stream.destroyed);
}

function isErrored(stream) {
  return !!(stream && (stream.errored || (stream._readableState && stream._readableState.errored) ||
    (stream._writableState && stream._writableState.errored)));
}

function isDisturbed(stream) {
  return !!(stream && stream._readableState &&
    (stream._readableState.dataEmitted || stream._readableState.destroyed));
}

module.exports = {
  Stream,
  Readable,
  Writable,
  Duplex,
  Transform,
  PassThrough,
  finished: eos,
  pipeline,
  addAbortSignal,
  destroy: destroyer,
  isReadable,
  isErrored,
  isDisturbed,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
};
