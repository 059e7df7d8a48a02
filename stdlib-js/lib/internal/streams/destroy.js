'use strict';
// How a stream ends badly or is torn down, for Readable, Writable and Duplex alike:
// destroy(err, cb) -> _destroy -> 'error' (once) then 'close' on a later tick; errorOrDestroy for
// errors found while running; _undestroy for streams that are reused (sockets); _construct
// running before any _read/_write; and destroyer(), which pipeline() and stream.destroy() use on
// anything stream-like (http requests, legacy emitters).

const { AbortError, aggregateTwoErrors, codes } = require('internal/errors');
let utils; // internal/streams/utils, for destroyer()

const { ERR_MULTIPLE_CALLBACK } = codes;

// Callbacks waiting for _construct to finish, and a destroy() that came before it did.
const kAfterConstruct = Symbol('kAfterConstruct');
const kDestroyAfterConstruct = Symbol('kDestroyAfterConstruct');
// Readable[kOnConstructed] and Writable[kOnConstructed]: what each side does after _construct
// (a Duplex runs both).
const kOnConstructed = Symbol('kOnConstructed');

function markErrored(err, w, r) {
  if (!err) return;
  // Capture the stack now, while it still points at the cause.
  void err.stack;
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

// ===== destroy =====

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const state = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  markErrored(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!state.constructed) {
    // _destroy waits for _construct; an error from either is reported.
    this[kDestroyAfterConstruct] = (er) => runDestroy(this, aggregateTwoErrors(er, err), cb);
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function runDestroy(stream, err, cb) {
  let called = false;
  const onDestroy = (er) => {
    if (called) return;
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    markErrored(er, w, r);
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

/** Back to a fresh, usable state (a socket reconnecting after destroy()). */
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

/**
 * An error found while the stream runs: destroy it when it destroys itself on errors
 * (autoDestroy), else only record and emit the error (on the next tick when `sync`).
 */
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    markErrored(err, w, r);
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// ===== construct =====

/**
 * Runs stream._construct (if any) on the next tick; `after` runs once it succeeded. A Duplex
 * calls this from both halves' constructors: _construct runs once, both `after`s run.
 */
function construct(stream, after) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  if (stream[kAfterConstruct]) {
    stream[kAfterConstruct].push(after);
    return;
  }
  stream[kAfterConstruct] = [after];
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  const onConstruct = (err) => {
    if (called) {
      errorOrDestroy(stream, err != null ? err : new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    const pendingDestroy = stream[kDestroyAfterConstruct];
    if ((w || r).destroyed) {
      stream[kDestroyAfterConstruct] = undefined;
      stream[kAfterConstruct] = undefined;
      if (pendingDestroy) pendingDestroy(err);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      process.nextTick(afterConstructNT, stream);
    }
  };
  try {
    stream._construct((err) => process.nextTick(onConstruct, err));
  } catch (err) {
    process.nextTick(onConstruct, err);
  }
}

function afterConstructNT(stream) {
  const callbacks = stream[kAfterConstruct] || [];
  stream[kAfterConstruct] = undefined;
  for (const cb of callbacks) cb.call(stream);
}

// ===== destroyer: destroy anything stream-like =====

function destroyer(stream, err) {
  utils ??= require('internal/streams/utils');
  const { kIsDestroyed, isDestroyed, isFinished, isServerRequest, isRequest } = utils;
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = new AbortError();
  if (isServerRequest(stream)) {
    stream.socket = null;
    stream.destroy(err);
  } else if (isRequest(stream)) {
    stream.abort();
  } else if (isRequest(stream.req)) {
    stream.req.abort();
  } else if (typeof stream.destroy === 'function') {
    stream.destroy(err);
  } else if (typeof stream.close === 'function') {
    stream.close();
  } else if (err) {
    process.nextTick((s, e) => s.emit('error', e), stream, err);
  } else {
    process.nextTick((s) => s.emit('close'), stream);
  }
  if (!stream.destroyed) stream[kIsDestroyed] = true;
}

module.exports = {
  kOnConstructed,
  construct,
  destroy,
  destroyer,
  errorOrDestroy,
  undestroy,
};
