'use strict';
// perf_hooks histograms: createHistogram() (RecordableHistogram), monitorEventLoopDelay()
// (IntervalHistogram) and the plain Histogram a clone of either becomes when posted to a
// MessagePort. The data lives in a shared store, so a posted clone records into the same
// histogram, as Node's do. Values are kept bucketed to `figures` significant digits, like
// HdrHistogram's precision, so memory stays bounded.

const { codes, validateInteger, validateNumber, validateObject } = require('internal/errors');
const { kTransferClone, markTransferable } = require('internal/worker/clone');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kStore = Symbol('kStore');
const kSkip = Symbol('kSkip');
const kMinStart = 9223372036854775807n;

class Store {
  constructor(lowest, highest, figures) {
    this.lowest = lowest;
    this.highest = highest;
    this.figures = figures;
    this.reset();
  }

  reset() {
    this.counts = new Map();
    this.count = 0;
    this.min = undefined;
    this.max = 0;
    this.sum = 0;
    this.sumSquares = 0;
    this.exceeds = 0;
    this.prevDelta = undefined;
  }

  bucket(value) {
    const scale = 10 ** Math.max(0, Math.floor(Math.log10(value)) - this.figures);
    return Math.floor(value / scale) * scale;
  }

  record(value, times = 1) {
    if (value > this.highest) {
      this.exceeds += times;
      return;
    }
    const key = this.bucket(value);
    this.counts.set(key, (this.counts.get(key) || 0) + times);
    this.count += times;
    if (this.min === undefined || value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.sum += value * times;
    this.sumSquares += value * value * times;
  }

  sorted() {
    return [...this.counts.keys()].sort((a, b) => a - b);
  }

  percentile(p) {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (const key of this.sorted()) {
      seen += this.counts.get(key);
      if (seen >= rank) return Math.min(Math.max(key, this.min), this.max);
    }
    return this.max;
  }

  percentiles() {
    const map = new Map();
    if (this.count === 0) {
      map.set(100, 0);
      return map;
    }
    map.set(0, this.min);
    // Halving steps towards 100 (50, 75, 87.5, ...) as HdrHistogram's percentile iterator.
    for (let p = 50, step = 50; p < 100; step /= 2, p += step) {
      const v = this.percentile(p);
      map.set(p, v);
      if (v >= this.max) break;
    }
    map.set(100, this.max);
    return map;
  }
}

function storeOf(self) {
  if (self === null || typeof self !== 'object' || !(kStore in self)) {
    throw new codes.ERR_INVALID_THIS('Histogram');
  }
  return self[kStore];
}

class Histogram {
  constructor(skip, store) {
    if (skip !== kSkip) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this[kStore] = store;
    markTransferable(this);
  }

  get count() { return storeOf(this).count; }

  get countBigInt() { return BigInt(storeOf(this).count); }

  get min() {
    const { min } = storeOf(this);
    return min === undefined ? Number(kMinStart) : min;
  }

  get minBigInt() {
    const { min } = storeOf(this);
    return min === undefined ? kMinStart : BigInt(min);
  }

  get max() { return storeOf(this).max; }

  get maxBigInt() { return BigInt(storeOf(this).max); }

  get mean() {
    const s = storeOf(this);
    return s.count === 0 ? NaN : s.sum / s.count;
  }

  get exceeds() { return storeOf(this).exceeds; }

  get exceedsBigInt() { return BigInt(storeOf(this).exceeds); }

  get stddev() {
    const s = storeOf(this);
    if (s.count === 0) return NaN;
    const mean = s.sum / s.count;
    return Math.sqrt(Math.max(0, s.sumSquares / s.count - mean * mean));
  }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) {
      throw new codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    return storeOf(this).percentile(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() { return storeOf(this).percentiles(); }

  get percentilesBigInt() {
    const map = new Map();
    for (const [k, v] of storeOf(this).percentiles()) map.set(k, BigInt(v));
    return map;
  }

  reset() {
    storeOf(this).reset();
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { inspect } = require('internal/util/inspect');
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, opts)}`;
  }

  // Posted to a MessagePort: the receiver gets a plain Histogram over the same data.
  [kTransferClone]() {
    return new Histogram(kSkip, this[kStore]);
  }
}

class RecordableHistogram extends Histogram {
  constructor(skip, store) {
    if (skip !== kSkip) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super(skip, store);
  }

  record(val) {
    const store = storeOf(this);
    if (typeof val === 'bigint') {
      if (val < 1n) throw new codes.ERR_OUT_OF_RANGE('val', '>= 1', val);
      store.record(Number(val));
      return;
    }
    validateInteger(val, 'val', 1);
    store.record(val);
  }

  recordDelta() {
    const store = storeOf(this);
    const now = process.hrtime.bigint();
    if (store.prevDelta !== undefined) store.record(Math.max(1, Number(now - store.prevDelta)));
    store.prevDelta = now;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new codes.ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    const store = storeOf(this);
    const from = other[kStore];
    for (const [value, times] of from.counts) store.record(value, times);
    store.exceeds += from.exceeds;
    if (from.min !== undefined && (store.min === undefined || from.min < store.min)) {
      store.min = from.min;
    }
    if (from.max > store.max) store.max = from.max;
  }

  [kTransferClone]() {
    return new RecordableHistogram(kSkip, this[kStore]);
  }
}

const kTimer = Symbol('kTimer');
const kResolution = Symbol('kResolution');

class IntervalHistogram extends Histogram {
  constructor(skip, store, resolution) {
    if (skip !== kSkip) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super(skip, store);
    this[kTimer] = undefined;
    this[kResolution] = resolution;
  }

  // Records the time between ticks of an unref'd interval timer of `resolution` ms: a busy
  // loop shows up as longer gaps.
  enable() {
    if (this[kTimer] !== undefined) return false;
    const store = this[kStore];
    store.prevDelta = process.hrtime.bigint();
    this[kTimer] = setInterval(() => {
      const now = process.hrtime.bigint();
      store.record(Math.max(1, Number(now - store.prevDelta)));
      store.prevDelta = now;
    }, this[kResolution]);
    this[kTimer].unref();
    return true;
  }

  disable() {
    if (this[kTimer] === undefined) return false;
    clearInterval(this[kTimer]);
    this[kTimer] = undefined;
    return true;
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * Number(lowest), Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * BigInt(lowest)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kSkip, new Store(Number(lowest), Number(highest), figures));
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kSkip, new Store(1, Number.MAX_SAFE_INTEGER, 3), resolution);
}

module.exports = {
  Histogram,
  IntervalHistogram,
  RecordableHistogram,
  createHistogram,
  monitorEventLoopDelay,
};
