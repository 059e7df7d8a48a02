'use strict';
// stream.Readable: paused and flowing modes, 'readable' and 'data', highWaterMark backpressure,
// setEncoding, unpipe, wrap and Symbol.asyncDispose. Events follow Node's order: 'end' on a
// later tick than the last read, then 'close' after autoDestroy. Loaded on first use: pipe()
// (internal/streams/pipe), async iteration (internal/streams/iterator), Readable.from
// (internal/streams/from), the operators (map, filter, ...) and the web stream adapters.

const EE = require('events');
const { AbortError, codes, validateObject } = require('internal/errors');
const { Stream, loadedClasses } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');

const {
  ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_STREAM_PUSH_AFTER_EOF,
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT, ERR_UNKNOWN_ENCODING,
} = codes;
const { errorOrDestroy } = destroyImpl;

// Loaded when first needed: string_decoder (and buffer) with the first encoding, the rest with
// the first Duplex, finished(), Readable.from, operator or web adapter.
let StringDecoder;
function newDecoder(encoding) {
  StringDecoder ??= require('string_decoder').StringDecoder;
  return new StringDecoder(encoding);
}
// Only an instance once internal/streams/duplex has loaded, so this does not load it.
const isDuplexStream = (stream) => {
  const { Duplex } = loadedClasses;
  return Duplex !== undefined && stream instanceof Duplex;
};
let eos;
const finished = (...args) => (eos ??= require('internal/streams/end-of-stream'))(...args);

// ===== ReadableState =====

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = isDuplexStream(stream);
  this.objectMode = !!(options && (options.objectMode || (isDuplex && options.readableObjectMode)));
  this.highWaterMark = options ?
    getHighWaterMark(this.objectMode, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);
  // The queue of chunks (Buffers, strings once decoded, or objects) and its size in bytes,
  // characters or objects.
  this.buffer = [];
  this.length = 0;
  this.pipes = [];
  // null: nobody consumes yet; true: 'data' flows; false: paused (or 'readable' mode).
  this.flowing = null;
  this.ended = false;
  this.endEmitted = false;
  this.reading = false;
  this.constructed = true;
  // True while _read() runs: a push() from inside it defers 'readable' to the next tick.
  this.sync = true;
  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  // pause() called (true) or resume() called (false) explicitly.
  this.paused = null;
  this.errorEmitted = false;
  this.emitClose = !options || options.emitClose !== false;
  this.autoDestroy = !options || options.autoDestroy !== false;
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  const defaultEncoding = options ? options.defaultEncoding : undefined;
  if (defaultEncoding == null) this.defaultEncoding = 'utf8';
  else if (Buffer.isEncoding(defaultEncoding)) this.defaultEncoding = defaultEncoding;
  else throw new ERR_UNKNOWN_ENCODING(defaultEncoding);
  // The pipe destination(s) we wait a 'drain' from: one stream, or a Set with several pipes.
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;
  this.readingMore = false;
  this.dataEmitted = false;
  this.decoder = null;
  this.encoding = null;
  if (options && options.encoding) {
    this.decoder = newDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

// ===== Readable =====

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = isDuplexStream(this);
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  destroyImpl.construct(this, readableConstructed);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

/** After _construct: start reading if someone asked already. `this` is the stream. */
function readableConstructed() {
  const state = this._readableState;
  if (state.needReadable) maybeReadMore(this, state);
}

function addAbortSignal(signal, stream) {
  return require('internal/streams/add-abort-signal').addAbortSignal(signal, stream);
}

Readable.ReadableState = ReadableState;
Readable[destroyImpl.kOnConstructed] = readableConstructed;
Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function (err) {
  this.destroy(err);
};

Readable.prototype[Symbol.asyncDispose] = function () {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => {
    finished(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
  });
};

// ===== push / unshift =====

Readable.prototype.push = function push(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          // Kept as a string in the stream's encoding, ahead of the decoded data.
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Uint8Array) {
      if (!Buffer.isBuffer(chunk)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk != null) {
      errorOrDestroy(stream, new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk));
      return false;
    }
  }
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      else if (state.destroyed || state.errored) return false;
      else addChunk(stream, state, chunk, true);
    } else if (state.ended) {
      errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    // An empty chunk: nothing to add, but the read it answered is over.
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    // Straight through: nothing is queued and someone is listening.
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
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
    // push(null) inside _read(): 'readable' on the next tick, as for data.
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

/** Fill the buffer up to highWaterMark on a later tick (reads that answer asynchronously). */
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
    if (len === state.length) break; // _read() answered nothing synchronously
  }
  state.readingMore = false;
}

// ===== read =====

const MAX_HWM = 0x40000000;

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (Number.isNaN(n)) {
    // read() with no size: the first chunk when flowing, else everything.
    if (state.flowing && state.length) return state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) {
    // A read bigger than the buffer grows it to the next power of two (at most 1 GiB).
    if (n > MAX_HWM) throw new codes.ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
    state.highWaterMark = 2 ** Math.ceil(Math.log2(n));
  }
  if (n !== 0) state.emittedReadable = false;
  // read(0) only asks for 'readable' (or 'end') when there is enough, or the end, buffered.
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
  // Ask _read() for more when the buffer would fall below highWaterMark.
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
    // _read() may have pushed synchronously: what can be read changed.
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
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

Readable.prototype._read = function _read(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

/** Take n bytes (or characters, or one object) off the front of the buffer. */
function fromList(n, state) {
  if (state.length === 0) return null;
  const buffer = state.buffer;
  if (state.objectMode) return buffer.shift();
  if (!n || n >= state.length) {
    let ret;
    if (state.decoder) ret = buffer.join('');
    else if (buffer.length === 1) ret = buffer[0];
    else ret = Buffer.concat(buffer, state.length);
    buffer.length = 0;
    return ret;
  }
  const first = buffer[0];
  if (n < first.length) {
    buffer[0] = first.slice(n);
    return first.slice(0, n);
  }
  if (n === first.length) return buffer.shift();
  if (state.decoder) {
    let out = '';
    while (out.length < n) {
      const piece = buffer[0];
      const need = n - out.length;
      if (piece.length <= need) {
        out += piece;
        buffer.shift();
      } else {
        out += piece.slice(0, need);
        buffer[0] = piece.slice(need);
      }
    }
    return out;
  }
  const out = Buffer.allocUnsafe(n);
  let copied = 0;
  while (copied < n) {
    const piece = buffer[0];
    const need = n - copied;
    if (piece.length <= need) {
      out.set(piece, copied);
      copied += piece.length;
      buffer.shift();
    } else {
      out.set(piece.subarray(0, need), copied);
      buffer[0] = piece.slice(need);
      copied = n;
    }
  }
  return out;
}
Readable._fromList = fromList;

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
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      // A duplex is destroyed once both sides are done.
      const w = stream._writableState;
      if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

// ===== flowing mode and listeners =====

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    // A 'data' listener starts the flow unless pause() was called.
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(readZeroNT, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

function readZeroNT(stream) {
  stream.read(0);
}

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

function updateReadableListening(stream) {
  const state = stream._readableState;
  state.readableListening = stream.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) {
    // resume() was called while 'readable' listeners held the stream: flow now.
    state.flowing = true;
  } else if (stream.listenerCount('data') > 0) {
    stream.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // With 'readable' listeners, resume() only takes effect once they are gone.
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
  // What is buffered already is decoded now.
  let content = '';
  for (const chunk of state.buffer) content += decoder.write(chunk);
  state.buffer.length = 0;
  if (content !== '') state.buffer.push(content);
  state.length = content.length;
  return this;
};

// ===== pipe (internal/streams/pipe, loaded on first use) =====

let pipes;
Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  pipes ??= require('internal/streams/pipe');
  return pipes.readablePipe(this, dest, pipeOpts);
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

// ===== wrap: an old-style stream as a Readable =====

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
  stream.on('destroy', () => this.destroy());
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  // The wrapped stream's own methods, reachable through the wrapper.
  const keys = Object.keys(stream);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
  }
  return this;
};

Readable.wrap = function wrap(src, options) {
  const objectMode = src.readableObjectMode != null ? src.readableObjectMode
    : (src.objectMode != null ? src.objectMode : true);
  return new Readable({
    objectMode,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

// ===== async iteration (internal/streams/iterator, loaded on first use) =====

let iterate;
Readable.prototype[Symbol.asyncIterator] = function () {
  iterate ??= require('internal/streams/iterator');
  return iterate(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) validateObject(options, 'options');
  iterate ??= require('internal/streams/iterator');
  return iterate(this, options);
};

// ===== properties =====

Object.defineProperties(Readable.prototype, {
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
});

// ===== loaded on first use: from, the operators, the web stream adapters =====

Readable.from = function from(iterable, opts) {
  return require('internal/streams/from')(Readable, iterable, opts);
};

// The operators: methods whose bodies (internal/streams/operators) load with the first call.
// name -> [length, returns a stream (else a promise)], as in Node.
const operatorShapes = {
  asIndexedPairs: [0, true], drop: [1, true], filter: [2, true], flatMap: [2, true],
  map: [2, true], take: [1, true], compose: [2, true],
  every: [1, false], forEach: [2, false], reduce: [3, false], toArray: [1, false],
  some: [1, false], find: [2, false],
};
let operators;
for (const name of Object.keys(operatorShapes)) {
  const [length, returnsStream] = operatorShapes[name];
  // A method (not a function) so that `new stream.map()` throws, as Node's do.
  const method = {
    [name](...args) {
      operators ??= require('internal/streams/operators');
      const result = operators[name].apply(this, args);
      return returnsStream && name !== 'compose' ? Readable.from(result) : result;
    },
  }[name];
  Object.defineProperty(method, 'length', { value: length });
  Object.defineProperty(Readable.prototype, name, {
    value: method, writable: true, enumerable: false, configurable: true,
  });
}

Readable.fromWeb = function fromWeb(readableStream, options) {
  return require('internal/webstreams/adapters').newStreamReadableFromReadableStream(
    readableStream, options);
};

Readable.toWeb = function toWeb(streamReadable, options) {
  return require('internal/webstreams/adapters').newReadableStreamFromStreamReadable(
    streamReadable, options);
};

module.exports = Readable;
