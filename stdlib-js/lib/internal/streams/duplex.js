'use strict';
// stream.Duplex: a Readable (its prototype) that also carries Writable's methods and state.
// allowHalfOpen: false ends the writable side after 'end'. Duplex.from/fromWeb/toWeb load their
// code (internal/streams/duplexify, internal/webstreams/adapters) on first use.

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { Stream, loadedClasses } = require('internal/streams/legacy');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
    for (const key of ['read', 'write', 'writev', 'final', 'destroy', 'construct']) {
      if (typeof options[key] === 'function') this[`_${key}`] = options[key];
    }
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  // Stream (EventEmitter) setup, skipping Readable's and Writable's constructors.
  Stream.call(this, options);
  if (typeof this._construct === 'function') {
    destroyImpl.construct(this, Readable[destroyImpl.kOnConstructed]);
    destroyImpl.construct(this, Writable[destroyImpl.kOnConstructed]);
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods, where Readable has none of the same name.
for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}
// destroy() also fails the pending writes.
Duplex.prototype.destroy = Writable.prototype.destroy;

function writableDescriptor(name) {
  return Object.getOwnPropertyDescriptor(Writable.prototype, name);
}

Object.defineProperties(Duplex.prototype, {
  writable: writableDescriptor('writable'),
  writableHighWaterMark: writableDescriptor('writableHighWaterMark'),
  writableObjectMode: writableDescriptor('writableObjectMode'),
  writableBuffer: writableDescriptor('writableBuffer'),
  writableLength: writableDescriptor('writableLength'),
  writableFinished: writableDescriptor('writableFinished'),
  writableCorked: writableDescriptor('writableCorked'),
  writableEnded: writableDescriptor('writableEnded'),
  writableNeedDrain: writableDescriptor('writableNeedDrain'),
  destroyed: {
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webAdapters;
const adapters = () => (webAdapters ??= require('internal/webstreams/adapters'));

Duplex.fromWeb = function fromWeb(pair, options) {
  return adapters().newStreamDuplexFromReadableWritablePair(pair, options);
};

Duplex.toWeb = function toWeb(duplex) {
  return adapters().newReadableWritablePairFromDuplex(duplex);
};

Duplex.from = function from(body) {
  return require('internal/streams/duplexify')(body, 'body');
};

loadedClasses.Duplex = Duplex;

module.exports = Duplex;
