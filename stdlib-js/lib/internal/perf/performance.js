'use strict';
// The `performance` object (an EventTarget, as in Node): now()/timeOrigin, user timing
// (mark/measure), resource timing, timerify, eventLoopUtilization and nodeTiming.

const { codes, validateFunction, validateNumber, validateObject } = require('internal/errors');
const { EventTarget, initEventTarget } = require('internal/event_target');
const perfUtils = require('internal/perf/utils');

const { now } = perfUtils;
const observe = require('internal/perf/observe');
const {
  PerformanceEntry, bufferResourceTiming, bufferUserTiming, clearEntries, createEntry, enqueue,
  filterBuffer, findMark, hasObserver, kData, kInspect, kSkipThrow, nodeTiming,
  toStringTag,
} = observe;

const milestoneNames = new Set(['nodeStart', 'v8Start', 'environment', 'bootstrapComplete',
  'loopStart', 'loopExit']);

function cloneDetail(detail) {
  return detail == null ? null : structuredClone(detail);
}

// ===== user timing =====

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options != null) validateObject(options, 'options');
    const { detail, startTime = now() } = options ?? {};
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new codes.ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    super(kSkipThrow, name, 'mark', startTime, 0, cloneDetail(detail));
  }

  toJSON() {
    return { ...super.toJSON(), detail: this[kData].detail };
  }
}
toStringTag(PerformanceMark);

class PerformanceMeasure extends PerformanceEntry {
  constructor(skip, name, start, duration, detail) {
    if (skip !== kSkipThrow) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super(skip, name, 'measure', start, duration, detail);
  }

  toJSON() {
    return { ...super.toJSON(), detail: this[kData].detail };
  }
}
toStringTag(PerformanceMeasure);

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new codes.ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (milestoneNames.has(name)) return nodeTiming[name];
  const mark = findMark(name);
  if (mark === undefined) {
    throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  return mark.startTime;
}

function startAndDuration(startOrOptions, endMark) {
  let start;
  let end;
  let duration;
  let withOptions = false;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    withOptions = start !== undefined || end !== undefined;
  }
  if (withOptions) {
    if (endMark !== undefined) {
      throw new codes.ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new codes.ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
  }
  if (endMark !== undefined) end = getMark(endMark);
  else if (withOptions && end !== undefined) end = getMark(end);
  else if (withOptions && start !== undefined && duration !== undefined) end = getMark(start) + getMark(duration);
  else end = now();

  if (typeof startOrOptions === 'string') start = getMark(startOrOptions);
  else if (withOptions && start !== undefined) start = getMark(start);
  else if (withOptions && duration !== undefined) start = end - getMark(duration);
  else start = 0;
  return { start, duration: end - start };
}

function mark(name, options) {
  const entry = Reflect.construct(PerformanceMark, arguments);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

function measure(name, startOrOptions, endMark) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
  name = `${name}`;
  const { start, duration } = startAndDuration(startOrOptions, endMark);
  let detail = null;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    detail = cloneDetail(startOrOptions.detail);
  }
  const entry = new PerformanceMeasure(kSkipThrow, name, start, duration, detail);
  enqueue(entry);
  bufferUserTiming(entry);
  return entry;
}

// ===== resource timing =====

const kInfo = Symbol('kInfo');

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skip, name, info, initiatorType, cacheMode) {
    if (skip !== kSkipThrow) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super(skip, name, 'resource', info.startTime, info.endTime - info.startTime);
    this[kInfo] = { info, initiatorType, cacheMode };
  }

  get initiatorType() { return this[kInfo].initiatorType; }

  get workerStart() { return this[kInfo].info.finalServiceWorkerStartTime; }

  get redirectStart() { return this[kInfo].info.redirectStartTime; }

  get redirectEnd() { return this[kInfo].info.redirectEndTime; }

  get fetchStart() { return this[kInfo].info.postRedirectStartTime; }

  get domainLookupStart() { return this[kInfo].info.finalConnectionTimingInfo?.domainLookupStartTime; }

  get domainLookupEnd() { return this[kInfo].info.finalConnectionTimingInfo?.domainLookupEndTime; }

  get connectStart() { return this[kInfo].info.finalConnectionTimingInfo?.connectionStartTime; }

  get connectEnd() { return this[kInfo].info.finalConnectionTimingInfo?.connectionEndTime; }

  get secureConnectionStart() {
    return this[kInfo].info.finalConnectionTimingInfo?.secureConnectionStartTime;
  }

  get nextHopProtocol() { return this[kInfo].info.finalConnectionTimingInfo?.ALPNNegotiatedProtocol; }

  get requestStart() { return this[kInfo].info.finalNetworkRequestStartTime; }

  get responseStart() { return this[kInfo].info.finalNetworkResponseStartTime; }

  get responseEnd() { return this[kInfo].info.endTime; }

  get encodedBodySize() { return this[kInfo].info.encodedBodySize; }

  get decodedBodySize() { return this[kInfo].info.decodedBodySize; }

  get transferSize() {
    const { cacheMode, info } = this[kInfo];
    if (cacheMode === 'local') return 0;
    if (cacheMode === 'validated') return 300;
    return info.encodedBodySize + 300;
  }

  toJSON() {
    const json = super.toJSON();
    for (const key of ['initiatorType', 'nextHopProtocol', 'workerStart', 'redirectStart',
      'redirectEnd', 'fetchStart', 'domainLookupStart', 'domainLookupEnd', 'connectStart',
      'connectEnd', 'secureConnectionStart', 'requestStart', 'responseStart', 'responseEnd',
      'transferSize', 'encodedBodySize', 'decodedBodySize']) {
      json[key] = this[key];
    }
    return json;
  }
}
toStringTag(PerformanceResourceTiming);

function markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode) {
  const entry = new PerformanceResourceTiming(kSkipThrow, requestedUrl, timingInfo,
    initiatorType, cacheMode);
  enqueue(entry);
  bufferResourceTiming(entry);
  return entry;
}

// ===== timerify =====

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  const { RecordableHistogram } = require('internal/perf/histogram');
  if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  function complete(start, args) {
    const duration = now() - start;
    if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
    if (!hasObserver('function')) return;
    const entry = createEntry(fn.name, 'function', start, duration, args);
    for (let i = 0; i < args.length; i++) entry[i] = args[i];
    enqueue(entry);
  }
  function timerified(...args) {
    const start = now();
    if (new.target !== undefined) {
      const result = Reflect.construct(fn, args, fn);
      complete(start, args);
      return result;
    }
    const result = Reflect.apply(fn, this, args);
    if (result !== null && typeof result === 'object' && typeof result.finally === 'function') {
      return result.finally(() => complete(start, args));
    }
    complete(start, args);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { __proto__: null, value: fn.length, configurable: true },
    name: { __proto__: null, value: `timerified ${fn.name}`, configurable: true },
  });
  return timerified;
}

// ===== event loop utilization =====

function eventLoopUtilization(util1, util2) {
  const loopStart = nodeTiming.loopStart;
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = nodeTiming.idleTime;
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

// ===== Performance =====

function optionalName(name) {
  return name === undefined ? undefined : `${name}`;
}

class Performance extends EventTarget {
  constructor() {
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  clearMarks(name) { clearEntries('mark', optionalName(name)); }

  clearMeasures(name) { clearEntries('measure', optionalName(name)); }

  clearResourceTimings(name) { clearEntries('resource', optionalName(name)); }

  getEntries() { return filterBuffer(); }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    return filterBuffer(`${name}`, optionalName(type));
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    return filterBuffer(undefined, `${type}`);
  }

  mark(name, options) { return Reflect.apply(mark, undefined, arguments); }

  measure(name, startOrOptions, endMark) { return Reflect.apply(measure, undefined, arguments); }

  now() { return now(); }

  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('maxSize');
    observe.setResourceTimingBufferSize(maxSize);
  }

  // Read at each access: a start from a startup snapshot sets it anew.
  get timeOrigin() { return perfUtils.timeOrigin; }

  get nodeTiming() { return nodeTiming; }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { inspect } = require('internal/util/inspect');
    return `Performance ${inspect(this.toJSON(), opts)}`;
  }
}
// Methods that tests and programs pull off `performance` unbound work without `this`.
Performance.prototype.eventLoopUtilization = eventLoopUtilization;
Performance.prototype.timerify = timerify;
Performance.prototype.markResourceTiming = markResourceTiming;
for (const key of ['eventLoopUtilization', 'timerify', 'markResourceTiming']) {
  Object.defineProperty(Performance.prototype, key, { enumerable: false });
}
toStringTag(Performance);

const performance = Object.create(Performance.prototype);
initEventTarget(performance);
observe.setPerformanceTarget(performance);

module.exports = {
  Performance,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceResourceTiming,
  performance,
};
