'use strict';
// fs.watch (FSWatcher over binding.fs.watch: inotify in the poll phase), fs.promises.watch (an
// async iterator over the same) and fs.watchFile/unwatchFile (StatWatcher: stat polling on a
// timer, as libuv's fs_poll).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  uvException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  validateAbortSignal, validateBoolean, validateFunction, validateObject, AbortError,
} = require('internal/errors');

const native = binding.fs;

function watchPath(path, name = 'path') {
  if (path instanceof URL) return require('url').fileURLToPath(path);
  if (Buffer.isBuffer(path)) path = path.toString();
  if (typeof path !== 'string') throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string without null bytes');
  }
  return path;
}

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  else if (options == null) options = {};
  else validateObject(options, 'options');
  const out = {
    persistent: options.persistent === undefined ? true : options.persistent,
    recursive: options.recursive === undefined ? false : options.recursive,
    encoding: options.encoding === undefined ? 'utf8' : options.encoding,
    signal: options.signal,
  };
  validateBoolean(out.persistent, 'options.persistent');
  validateBoolean(out.recursive, 'options.recursive');
  if (out.encoding !== 'buffer' && !Buffer.isEncoding(out.encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', out.encoding, 'is invalid encoding');
  }
  if (out.signal !== undefined) validateAbortSignal(out.signal, 'options.signal');
  return out;
}

function encodeName(name, encoding) {
  if (encoding === 'utf8' || encoding === 'utf-8') return name;
  const buf = Buffer.from(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._token = null;
    this._closed = false;
  }

  // Node's start(): `filename` watched with the options' persistence and recursion.
  start(filename, persistent, recursive, encoding) {
    const path = watchPath(filename);
    const token = native.watch(path, Boolean(recursive), persistent !== false, (eventType, name) => {
      this.emit('change', eventType, encodeName(name, encoding || 'utf8'));
    });
    if (token < 0) {
      // `ENOENT: no such file or directory, watch '/x'`, with filename too, as Node's.
      const [code, desc] = require('util').getSystemErrorMap().get(token) || ['UNKNOWN', 'unknown error'];
      const err = uvException({ errno: token, code, syscall: 'watch', path, message: desc });
      err.filename = path;
      throw err;
    }
    this._token = token;
  }

  close() {
    if (this._closed) return;
    this._closed = true;
    if (this._token !== null) native.watchClose(this._token);
    this._token = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._token !== null) native.watchRef(this._token, true);
    return this;
  }

  unref() {
    if (this._token !== null) native.watchRef(this._token, false);
    return this;
  }

  [Symbol.dispose]() {
    this.close();
  }
}

/** fs.watch(filename[, options][, listener]) */
function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const opts = watchOptions(options);
  const watcher = new FSWatcher();
  watcher.start(filename, opts.persistent, opts.recursive, opts.encoding);
  if (listener) watcher.addListener('change', listener);
  if (opts.signal) {
    if (opts.signal.aborted) process.nextTick(() => watcher.close());
    else {
      const onAbort = () => watcher.close();
      opts.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => opts.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

/** fs.promises.watch: an async iterator of { eventType, filename }. */
function watchAsync(filename, options = {}) {
  const opts = watchOptions(options);
  if (options && options.maxQueue !== undefined && !(Number.isInteger(options.maxQueue) && options.maxQueue >= 0)) {
    throw new ERR_INVALID_ARG_TYPE('options.maxQueue', 'number', options.maxQueue);
  }
  const maxQueue = (options && options.maxQueue) || 2048;
  const overflow = (options && options.overflow) || 'ignore';
  if (overflow !== 'ignore' && overflow !== 'throw') {
    throw new ERR_INVALID_ARG_VALUE('options.overflow', overflow);
  }
  const queue = [];
  let waiting = null;
  let failure = null;
  let done = false;
  const watcher = new FSWatcher();
  watcher.start(filename, opts.persistent, opts.recursive, opts.encoding);
  const finish = () => {
    done = true;
    watcher.close();
    if (waiting) {
      const w = waiting;
      waiting = null;
      if (failure) w.reject(failure);
      else w.resolve({ value: undefined, done: true });
    }
  };
  watcher.on('change', (eventType, name) => {
    const event = { eventType, filename: name };
    if (waiting) {
      const w = waiting;
      waiting = null;
      w.resolve({ value: event, done: false });
    } else if (queue.length < maxQueue) {
      queue.push(event);
    } else if (overflow === 'throw') {
      const { codes } = require('internal/errors');
      failure = new codes.ERR_FS_WATCH_QUEUE_OVERFLOW ?
        new codes.ERR_FS_WATCH_QUEUE_OVERFLOW(maxQueue) : new Error(`fs.watch maxQueue exceeded`);
      finish();
    }
  });
  if (opts.signal) {
    const onAbort = () => {
      failure = new AbortError(undefined, { cause: opts.signal.reason });
      finish();
    };
    if (opts.signal.aborted) onAbort();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    __proto__: null,
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (failure) return Promise.reject(failure);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

// ===== watchFile =====

const statWatchers = new Map();

function zeroStats() {
  const { Stats } = require('fs');
  return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

function statOrZero(path) {
  try {
    return require('fs').statSync(path);
  } catch {
    return zeroStats();
  }
}

function sameStats(a, b) {
  return a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size &&
    a.mode === b.mode && a.ino === b.ino && a.nlink === b.nlink && a.uid === b.uid &&
    a.gid === b.gid && a.dev === b.dev;
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._bigint = bigint;
    this._timer = null;
    this._prev = null;
    this._refed = true;
  }

  start(path, persistent, interval) {
    this._prev = statOrZero(path);
    const poll = () => {
      const curr = statOrZero(path);
      if (!sameStats(curr, this._prev)) {
        const prev = this._prev;
        this._prev = curr;
        this.emit('change', curr, prev);
      }
    };
    this._timer = setInterval(poll, interval);
    if (!persistent) this._timer.unref();
  }

  stop() {
    if (this._timer === null) return;
    clearInterval(this._timer);
    this._timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this._timer) this._timer.ref();
    return this;
  }

  unref() {
    if (this._timer) this._timer.unref();
    return this;
  }
}

function watchFile(filename, options, listener) {
  const path = watchPath(filename);
  let opts = { interval: 5007, persistent: true, bigint: false };
  if (typeof options === 'object' && options !== null) opts = { ...opts, ...options };
  else if (typeof options === 'function') listener = options;
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(path);
  if (watcher === undefined) {
    watcher = new StatWatcher(opts.bigint);
    watcher.start(path, opts.persistent, opts.interval);
    statWatchers.set(path, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  const path = watchPath(filename);
  const watcher = statWatchers.get(path);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchAsync, watchFile, unwatchFile };
