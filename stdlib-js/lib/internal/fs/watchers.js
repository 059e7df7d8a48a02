'use strict';
// fs.watch (FSWatcher over binding.fs.watch: inotify in the poll phase), fs.promises.watch (an
// async iterator over the same) and fs.watchFile/unwatchFile (StatWatcher: stat polling on a
// timer, as libuv's fs_poll).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  uvException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  validateAbortSignal, validateBoolean, validateFunction, validateObject, validateUint32,
  AbortError,
} = require('internal/errors');
const { addHandle, removeHandle } = require('internal/process/handles');
const { state: permission } = require('internal/process/permission');

const native = binding.fs;

function watchPath(path, name = 'path') {
  if (path instanceof URL) return require('url').fileURLToPath(path);
  if (Buffer.isBuffer(path) && !path.includes(0)) {
    // Bytes that are not UTF-8 stay bytes: the binding hands them to inotify as they are.
    return require('internal/fs/utils').getValidatedPath(path, name);
  }
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

/** A filename from the binding (a string, or its raw bytes for encodings but UTF-8) in `encoding`. */
function encodeName(name, encoding) {
  if (typeof name !== 'string') {
    const bytes = Buffer.from(name.buffer, name.byteOffset, name.byteLength);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  }
  if (encoding === 'utf8' || encoding === 'utf-8') return name;
  const buf = Buffer.from(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

// Whether an FSWatcher keeps the loop alive (what _getActiveHandles() asks).
const kRefed = Symbol('kRefed');

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._token = null;
    this._closed = false;
    this[kRefed] = true;
  }

  // Node's start(): `filename` watched with the options' persistence and recursion.
  start(filename, persistent, recursive, encoding) {
    const path = watchPath(filename);
    const onChange = (eventType, name) => {
      this.emit('change', eventType, encodeName(name, encoding || 'utf8'));
    };
    const { namesAsBytes } = require('internal/fs/utils');
    const token = native.watch(path, Boolean(recursive), persistent !== false, onChange,
      namesAsBytes(encoding));
    if (token < 0) {
      // `ENOENT: no such file or directory, watch '/x'`, with filename too, as Node's.
      const [code, desc] = require('util').getSystemErrorMap().get(token) || ['UNKNOWN', 'unknown error'];
      const err = uvException({ errno: token, code, syscall: 'watch', path, message: desc });
      err.filename = path;
      throw err;
    }
    this._token = token;
    this[kRefed] = persistent !== false;
    addHandle(this);
  }

  close() {
    if (this._closed) return;
    this._closed = true;
    if (this._token !== null) native.watchClose(this._token);
    this._token = null;
    removeHandle(this);
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this[kRefed] = true;
    if (this._token !== null) native.watchRef(this._token, true);
    return this;
  }

  unref() {
    this[kRefed] = false;
    if (this._token !== null) native.watchRef(this._token, false);
    return this;
  }

  /** What process._getActiveHandles() lists: this watcher, while it watches and is ref'd. */
  activeOwner() {
    return this._token !== null && this[kRefed] ? this : null;
  }

  resourceType() {
    return 'FSEventWrap';
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
//
// Stat polling as libuv's fs_poll does it: a stat on the worker pool, then the next one
// `interval` ms after the start of the last (a 0 interval polls every millisecond). The first
// stat only records what it finds, unless it fails. After that the listener hears
// (curr, prev):
//  - a stat failing with an error other than the last one: curr zeroed, prev the last stats
//    that were read (zeroed if none ever was) -- so watching a file that does not exist reports
//    once at the start, both zeroed;
//  - a stat succeeding after a failure, or finding other stats than the last: curr the new
//    stats, prev the last ones read (zeroed for a file that did not exist).
// Stats are "other" when their times (but atime), size, mode, owner, inode or device differ.
// As Node, an EPERM at the first stat is not reported.

const statWatchers = new Map();
const kUnstarted = 0;
const kFound = 1;
const UV_EPERM = -1;

function zeroStats(bigint) {
  const { getStatsFromBinding } = require('internal/fs/utils');
  return getStatsFromBinding(new Array(bigint ? 18 : 14).fill(bigint ? 0n : 0), bigint);
}

function sameStats(a, b) {
  const times = typeof a.mtimeNs === 'bigint' ?
    a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.birthtimeNs === b.birthtimeNs :
    a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.birthtimeMs === b.birthtimeMs;
  return times && a.size === b.size && a.mode === b.mode && a.uid === b.uid &&
    a.gid === b.gid && a.ino === b.ino && a.dev === b.dev;
}

/** The polling behind one StatWatcher (its `_handle` while started). */
class StatPoller {
  constructor(owner, path, interval, bigint) {
    this.owner = owner;
    this.path = path;
    this.interval = interval || 1;
    this.bigint = bigint;
    this.refed = true;
    this.closed = false;
    this.timer = null;
    this.startedAt = 0;
    // kUnstarted, kFound, or the (negative) error of the last stat.
    this.status = kUnstarted;
    this.last = zeroStats(bigint);
    this.poll();
  }

  poll() {
    this.timer = null;
    this.startedAt = Date.now();
    const { runAsync } = require('internal/fs/ops');
    runAsync('stat', [this.path, { bigint: this.bigint }], (err, stats) => this.done(err, stats));
  }

  done(err, stats) {
    if (this.closed) return;
    let curr = null;
    let prev = null;
    if (err) {
      const errno = typeof err.errno === 'number' ? err.errno : UV_EPERM;
      if (errno !== this.status) {
        if (!(this.status === kUnstarted && errno === UV_EPERM)) {
          curr = zeroStats(this.bigint);
          prev = this.last;
        }
        this.status = errno;
      }
    } else {
      if (this.status < 0 || (this.status === kFound && !sameStats(this.last, stats))) {
        curr = stats;
        prev = this.last;
      }
      this.last = stats;
      this.status = kFound;
    }
    // The next poll is timed from this one's start; a listener may stop the watcher.
    const elapsed = Date.now() - this.startedAt;
    this.timer = setTimeout(() => this.poll(), this.interval - (elapsed % this.interval));
    if (!this.refed) this.timer.unref();
    if (curr !== null) this.owner.emit('change', curr, prev);
  }

  setRef(refed) {
    this.refed = refed;
    if (this.timer !== null) {
      if (refed) this.timer.ref();
      else this.timer.unref();
    }
  }

  close() {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

const kBigint = Symbol('kBigint');
// How many watchFile() calls share this watcher, and how many of them keep the loop alive:
// the watcher is ref'd while any does.
const kUsers = Symbol('kUsers');
const kRefs = Symbol('kRefs');

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kBigint] = Boolean(bigint);
    this[kUsers] = 1;
    this[kRefs] = 1;
  }

  /** Starts polling `filename` (a no-op once started). */
  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    validateUint32(interval, 'interval');
    this._handle = new StatPoller(this, filename, interval, this[kBigint]);
    addHandle(this);
    if (!persistent) this.unref();
  }

  stop() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    removeHandle(this);
    process.nextTick(() => this.emit('stop'));
  }

  /** What process._getActiveHandles() lists: this watcher, while it polls and is ref'd. */
  activeOwner() {
    return this._handle !== null && this._handle.refed ? this : null;
  }

  resourceType() {
    return 'StatWatcher';
  }

  ref() {
    if (this[kRefs] < this[kUsers] && this[kRefs]++ === 0 && this._handle !== null) {
      this._handle.setRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefs] > 0 && --this[kRefs] === 0 && this._handle !== null) {
      this._handle.setRef(false);
    }
    return this;
  }
}

/**
 * The watchFile/unwatchFile path: validated, and absolute (relative paths share a watcher). As
 * in Node, path.resolve() refuses a path given as bytes.
 */
function statWatchPath(filename) {
  const { getValidatedPath } = require('internal/fs/utils');
  const path = getValidatedPath(filename);
  return require('path').resolve(filename instanceof Uint8Array ? filename : path);
}

function watchFile(filename, options, listener) {
  const path = statWatchPath(filename);
  if (permission.enabled) require('internal/process/permission').checkRead(path, watchFile);
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  const opts = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(path);
  if (watcher === undefined) {
    watcher = new StatWatcher(opts.bigint);
    watcher.start(path, opts.persistent, opts.interval);
    statWatchers.set(path, watcher);
  } else {
    watcher[kUsers]++;
    watcher[kRefs]++;
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  const path = statWatchPath(filename);
  const watcher = statWatchers.get(path);
  if (watcher === undefined) return;
  if (typeof listener === 'function') {
    const before = watcher.listenerCount('change');
    watcher.removeListener('change', listener);
    if (watcher.listenerCount('change') < before) {
      watcher[kUsers]--;
      watcher.unref();
    }
  } else {
    watcher.removeAllListeners('change');
    watcher[kUsers] = 0;
    watcher[kRefs] = 0;
    if (watcher._handle !== null) watcher._handle.setRef(false);
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(path);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchAsync, watchFile, unwatchFile };
