'use strict';
// Performance timeline entries and PerformanceObserver: the entry classes (mark, measure,
// function, gc, resource, node timing), the per-type buffers behind performance.getEntries*(),
// and observers, which are handed new entries in a batch from an immediate, as in Node.

const { codes, validateFunction, validateObject } = require('internal/errors');
const { now, milestones, observerCounts, hasObserver } = require('internal/perf/utils');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kSkipThrow = Symbol('kSkipThrow');
const kData = Symbol('kData');

const supportedEntryTypes = Object.freeze(
  ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

let lazyInspect;
function inspect(value, options) {
  if (lazyInspect === undefined) lazyInspect = require('internal/util/inspect').inspect;
  return lazyInspect(value, options);
}

function inspectEntry(self, depth, options) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(self.toJSON(), opts)}`;
}

function checkEntry(self) {
  if (self === null || typeof self !== 'object' || !(kData in self)) {
    throw new codes.ERR_INVALID_THIS('PerformanceEntry');
  }
}

function toStringTag(cls) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    __proto__: null, value: cls.name, writable: false, enumerable: false, configurable: true,
  });
}

class PerformanceEntry {
  constructor(skip, name, type, start, duration, detail) {
    if (skip !== kSkipThrow) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this[kData] = { name, type, start, duration, detail };
  }

  get name() { checkEntry(this); return this[kData].name; }

  get entryType() { checkEntry(this); return this[kData].type; }

  get startTime() { checkEntry(this); return this[kData].start; }

  get duration() { checkEntry(this); return this[kData].duration; }

  get detail() { checkEntry(this); return this[kData].detail; }

  [kInspect](depth, options) {
    return inspectEntry(this, depth, options);
  }

  toJSON() {
    checkEntry(this);
    const json = {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
    };
    if (this[kData].detail !== undefined) json.detail = this[kData].detail;
    return json;
  }
}
toStringTag(PerformanceEntry);

function createEntry(name, type, start, duration, detail) {
  return new PerformanceEntry(kSkipThrow, name, type, start, duration, detail);
}

// ===== node timing =====

class PerformanceNodeTiming {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  [kInspect](depth, options) {
    return inspectEntry(this, depth, options);
  }

  toJSON() {
    const json = {};
    for (const key of ['name', 'entryType', 'startTime', 'duration', 'nodeStart', 'v8Start',
      'bootstrapComplete', 'environment', 'loopStart', 'loopExit', 'idleTime']) {
      json[key] = this[key];
    }
    return json;
  }
}
{
  const getters = {
    name: () => 'node',
    entryType: () => 'node',
    startTime: () => 0,
    duration: () => now(),
    // Milliseconds the loop has spent waiting in its poll phase (runtime/src/io.rs).
    idleTime: () => binding.runtime.idleTime(),
  };
  for (const key of ['nodeStart', 'v8Start', 'environment', 'bootstrapComplete', 'loopStart',
    'loopExit']) {
    getters[key] = () => milestones[key];
  }
  for (const [key, get] of Object.entries(getters)) {
    Object.defineProperty(PerformanceNodeTiming.prototype, key, {
      __proto__: null, get, enumerable: true, configurable: true,
    });
  }
}
toStringTag(PerformanceNodeTiming);
const nodeTiming = Object.create(PerformanceNodeTiming.prototype);

// ===== buffers =====

const markBuffer = [];
const measureBuffer = [];
const resourceBuffer = [];
let resourceSecondary = [];
let resourceLimit = 250;
let bufferFullPending = false;
let performanceTarget;  // the `performance` object, which receives resourcetimingbufferfull

function setPerformanceTarget(target) {
  performanceTarget = target;
}

function bufferUserTiming(entry) {
  (entry.entryType === 'mark' ? markBuffer : measureBuffer).push(entry);
}

function dispatchBufferFull() {
  if (performanceTarget === undefined) return;
  const { Event } = require('internal/event_target');
  performanceTarget.dispatchEvent(new Event('resourcetimingbufferfull'));
}

function processBufferFull() {
  // Listeners get a chance to clear or grow the buffer; entries waiting in the secondary
  // buffer then move over while there is room, and the rest are dropped.
  do {
    const before = resourceSecondary.length;
    dispatchBufferFull();
    const room = Math.max(Math.min(resourceLimit - resourceBuffer.length, resourceSecondary.length), 0);
    resourceBuffer.push(...resourceSecondary.splice(0, room));
    if (before <= resourceSecondary.length) resourceSecondary = [];
  } while (resourceSecondary.length > 0);
  bufferFullPending = false;
}

function bufferResourceTiming(entry) {
  if (resourceBuffer.length < resourceLimit && !bufferFullPending) {
    resourceBuffer.push(entry);
    return;
  }
  if (!bufferFullPending) {
    bufferFullPending = true;
    setImmediate(processBufferFull);
  }
  if (resourceSecondary.length < resourceLimit) resourceSecondary.push(entry);
}

function setResourceTimingBufferSize(maxSize) {
  // WebIDL unsigned long: anything that is not a non-negative integer becomes 0.
  const n = Number(maxSize);
  resourceLimit = Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : 0;
}

function clearEntries(type, name) {
  const buffer = type === 'mark' ? markBuffer : type === 'measure' ? measureBuffer : resourceBuffer;
  if (name === undefined) {
    buffer.length = 0;
    return;
  }
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (buffer[i].name === name) buffer.splice(i, 1);
  }
}

function filterBuffer(name, type) {
  let entries;
  if (type === 'mark') entries = markBuffer.slice();
  else if (type === 'measure') entries = measureBuffer.slice();
  else if (type === 'resource') entries = resourceBuffer.slice();
  else if (type !== undefined) entries = [];
  else entries = [...markBuffer, ...measureBuffer, ...resourceBuffer];
  if (name !== undefined) entries = entries.filter((e) => e.name === name);
  return sortEntries(entries);
}

function sortEntries(entries) {
  return entries.sort((a, b) => a.startTime - b.startTime);
}

function findMark(name) {
  for (let i = markBuffer.length - 1; i >= 0; i--) {
    if (markBuffer[i].name === name) return markBuffer[i];
  }
  return undefined;
}

// ===== observers =====

const observers = new Set();
const pending = new Set();
let pendingQueued = false;

function queuePending() {
  if (pendingQueued) return;
  pendingQueued = true;
  setImmediate(() => {
    pendingQueued = false;
    const list = [...pending];
    pending.clear();
    for (const observer of list) observer[kDispatch]();
  });
}

const kBuffer = Symbol('kBuffer');
const kTypes = Symbol('kTypes');
const kMode = Symbol('kMode');
const kCallback = Symbol('kCallback');
const kDispatch = Symbol('kDispatch');
const kEntries = Symbol('kEntries');

function countObserver(type, delta) {
  observerCounts.set(type, (observerCounts.get(type) || 0) + delta);
  if (type === 'gc') require('internal/perf/gc').observersChanged(hasObserver('gc'));
}

function enqueue(entry) {
  for (const observer of observers) {
    if (!observer[kTypes].has(entry.entryType)) continue;
    observer[kBuffer].push(entry);
    pending.add(observer);
  }
  if (pending.size > 0) queuePending();
}

class PerformanceObserverEntryList {
  constructor(skip, entries) {
    if (skip !== kSkipThrow) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this[kEntries] = sortEntries(entries);
  }

  getEntries() {
    return this[kEntries].slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kEntries].filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this[kEntries].filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserverEntryList ${inspect(this[kEntries], opts)}`;
  }
}
toStringTag(PerformanceObserverEntryList);

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kBuffer] = [];
    this[kTypes] = new Set();
    this[kMode] = undefined;
    this[kCallback] = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = { ...options };
    if (entryTypes === undefined && type === undefined) {
      throw new codes.ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    const mode = entryTypes !== undefined ? 'multiple' : 'single';
    if (this[kMode] === undefined) {
      this[kMode] = mode;
    } else if (this[kMode] !== mode) {
      throw new DOMException(`PerformanceObserver can not change to ${mode} observations`,
        'InvalidModificationError');
    }
    if (mode === 'multiple') {
      if (!Array.isArray(entryTypes)) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      for (const t of this[kTypes]) countObserver(t, -1);
      this[kTypes].clear();
      for (const t of entryTypes) {
        if (supportedEntryTypes.includes(t) && !this[kTypes].has(t)) {
          this[kTypes].add(t);
          countObserver(t, 1);
        }
      }
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      if (!this[kTypes].has(type)) {
        this[kTypes].add(type);
        countObserver(type, 1);
      }
      if (buffered) {
        this[kBuffer].push(...filterBuffer(undefined, type));
        pending.add(this);
        queuePending();
      }
    }
    if (this[kTypes].size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    for (const t of this[kTypes]) countObserver(t, -1);
    this[kTypes].clear();
    this[kBuffer] = [];
    observers.delete(this);
    pending.delete(this);
  }

  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  [kDispatch]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    this[kCallback].call(this, new PerformanceObserverEntryList(kSkipThrow, entries), this);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this[kTypes]],
      buffer: this[kBuffer],
    }, opts)}`;
  }
}
toStringTag(PerformanceObserver);

module.exports = {
  PerformanceEntry,
  PerformanceNodeTiming,
  PerformanceObserver,
  PerformanceObserverEntryList,
  bufferResourceTiming,
  bufferUserTiming,
  clearEntries,
  createEntry,
  enqueue,
  filterBuffer,
  findMark,
  hasObserver,
  kData,
  kInspect,
  kSkipThrow,
  inspectEntry,
  nodeTiming,
  setPerformanceTarget,
  setResourceTimingBufferSize,
  toStringTag,
};
