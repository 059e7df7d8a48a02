'use strict';
// node:v8 - heap statistics from the isolate, the startup-snapshot API, flag setting and the
// serializer API
// (internal/v8/serdes; Buffers and typed arrays travel as host objects, as in Node).

const { codes } = require('internal/errors');
const { Serializer, Deserializer } = require('internal/v8/serdes');

// The order fixes the type index written for each view (Node's, so the bytes match).
// Index 10 is Buffer (Uint8Array contents, read back as a Buffer).
const viewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView, Uint8Array, BigInt64Array,
  BigUint64Array];
const bufferIndex = 10;

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    let index;
    if (Buffer.isBuffer(view)) {
      index = bufferIndex;
    } else {
      index = viewTypes.findIndex((C, i) => i !== bufferIndex &&
        Object.prototype.toString.call(view) === Object.prototype.toString.call(new C(new ArrayBuffer(0))));
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const index = this.readUint32();
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    const bytes = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + offset, byteLength);
    if (index === bufferIndex) return Buffer.from(bytes);
    const C = viewTypes[index];
    if (C === undefined) throw new Error('Unable to deserialize cloned data.');
    // A copy: the view must not alias the serialized bytes, and needs its own alignment.
    const copy = bytes.slice().buffer;
    if (C === DataView) return new DataView(copy);
    return new C(copy, 0, byteLength / C.BYTES_PER_ELEMENT);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const des = new DefaultDeserializer(buffer);
  des.readHeader();
  return des.readValue();
}

function getHeapStatistics() {
  const n = binding.runtime.heapStatistics();
  return {
    total_heap_size: n[0],
    total_heap_size_executable: n[1],
    total_physical_size: n[2],
    total_available_size: n[3],
    used_heap_size: n[4],
    heap_size_limit: n[5],
    malloced_memory: n[6],
    peak_malloced_memory: n[7],
    does_zap_garbage: n[8],
    number_of_native_contexts: n[9],
    number_of_detached_contexts: n[10],
    total_global_handles_size: n[11],
    used_global_handles_size: n[12],
    external_memory: n[13],
  };
}

function getHeapCodeStatistics() {
  const n = binding.runtime.heapCodeStatistics();
  return {
    code_and_metadata_size: n[0],
    bytecode_and_metadata_size: n[1],
    external_script_source_size: n[2],
    cpu_profiler_metadata_size: n[3],
  };
}

function setFlagsFromString(flags) {
  if (typeof flags !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('flags', 'string', flags);
  binding.runtime.setFlagsFromString(flags);
}

// ===== GCProfiler =====
// The runtime records collections while any profiler runs (gcTrack); the records are taken
// (gcTake) whenever a profiler stops, and handed to every profiler that was running.

const kGCTypes = new Map([
  [1, 'Scavenge'], [2, 'MinorMarkSweep'], [4, 'MarkSweepCompact'], [8, 'IncrementalMarking'],
  [16, 'ProcessWeakCallbacks'], [31, 'All'],
]);
const kHeapKeys = [
  'totalHeapSize', 'totalHeapSizeExecutable', 'totalPhysicalSize', 'totalAvailableSize',
  'totalGlobalHandlesSize', 'usedGlobalHandlesSize', 'usedHeapSize', 'heapSizeLimit',
  'mallocedMemory', 'externalMemory', 'peakMallocedMemory',
];
const runningProfilers = new Set();

function gcPhase([numbers, spaces]) {
  const heapStatistics = {};
  for (let i = 0; i < kHeapKeys.length; i++) heapStatistics[kHeapKeys[i]] = numbers[i];
  return {
    heapStatistics,
    heapSpaceStatistics: spaces.map(([spaceName, spaceSize, spaceUsedSize, spaceAvailableSize,
      physicalSpaceSize]) => ({
      spaceName, spaceSize, spaceUsedSize, spaceAvailableSize, physicalSpaceSize,
    })),
  };
}

function collectGCRecords() {
  const records = binding.runtime.gcTake();
  if (records.length === 0) return;
  const statistics = records.map(([type, cost, before, after]) => ({
    gcType: kGCTypes.get(type) ?? 'Unknown',
    beforeGC: gcPhase(before),
    cost,
    afterGC: gcPhase(after),
  }));
  for (const profiler of runningProfilers) profiler.statistics.push(...statistics);
}

class GCProfiler {
  #run = null;

  start() {
    if (this.#run !== null) return;
    collectGCRecords();
    this.#run = { startTime: Date.now(), statistics: [] };
    runningProfilers.add(this.#run);
    binding.runtime.gcTrack(true);
  }

  stop() {
    const run = this.#run;
    if (run === null) return undefined;
    collectGCRecords();
    runningProfilers.delete(run);
    this.#run = null;
    if (runningProfilers.size === 0) binding.runtime.gcTrack(false);
    return { version: 1, startTime: run.startTime, statistics: run.statistics, endTime: Date.now() };
  }
}

// Building and starting from user-land startup snapshots (--build-snapshot, --snapshot-blob).
const startupSnapshot = require('internal/v8/startup_snapshot').api;

function getHeapSpaceStatistics() {
  return binding.runtime.heapSpaces().map(([name, size, used, available, physical]) => ({
    space_name: name,
    space_size: size,
    space_used_size: used,
    space_available_size: available,
    physical_space_size: physical,
  }));
}

function validateSnapshotOptions(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
}

/** A Readable of this isolate's heap snapshot (the JSON Chrome's DevTools read). */
function getHeapSnapshot(options) {
  validateSnapshotOptions(options);
  const { Readable } = require('stream');
  const text = binding.runtime.heapSnapshot();
  const stream = new Readable({ read() {} });
  stream.push(text);
  stream.push(null);
  return stream;
}

/** Writes the heap snapshot to `filename` (by default Node's Heap.<date>.<time>.<pid>.<thread>.<n> name). */
function writeHeapSnapshot(filename, options) {
  if (filename !== undefined && typeof filename !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', filename);
  }
  validateSnapshotOptions(options);
  if (filename === undefined) {
    filename = require('internal/util/diagnostic_filename').next('Heap', 'heapsnapshot');
  }
  require('fs').writeFileSync(filename, binding.runtime.heapSnapshot());
  return filename;
}

// v8.promiseHooks: callbacks for V8's promise events, shared with async_hooks' PROMISE
// resources (internal/async_hooks keeps the lists). Async functions are refused, as in Node:
// each call of one would make a promise and so run the hooks again.
function promiseHook(event, fn) {
  if (typeof fn !== 'function' || binding.types.isAsyncFunction(fn)) {
    throw new codes.ERR_INVALID_ARG_TYPE(`${event}Hook`, 'function', fn);
  }
  return require('internal/async_hooks').addPromiseHook(event, fn);
}

const promiseHooks = {
  createHook({ init, before, after, settled } = {}) {
    const stops = [];
    // All are checked before any is added: a bad one leaves no hook behind.
    for (const [event, fn] of [['init', init], ['before', before], ['after', after],
      ['settled', settled]]) {
      if (fn !== undefined && (typeof fn !== 'function' || binding.types.isAsyncFunction(fn))) {
        throw new codes.ERR_INVALID_ARG_TYPE(`${event}Hook`, 'function', fn);
      }
    }
    if (init !== undefined) stops.push(promiseHook('init', init));
    if (before !== undefined) stops.push(promiseHook('before', before));
    if (after !== undefined) stops.push(promiseHook('after', after));
    if (settled !== undefined) stops.push(promiseHook('settled', settled));
    return () => {
      for (const stop of stops) stop();
    };
  },
  onInit: (fn) => promiseHook('init', fn),
  onBefore: (fn) => promiseHook('before', fn),
  onAfter: (fn) => promiseHook('after', fn),
  onSettled: (fn) => promiseHook('settled', fn),
};

// Under NODE_V8_COVERAGE: write the coverage collected so far (and start counting afresh), or
// stop collecting. Without it both do nothing, as in Node.
function takeCoverage() {
  require('internal/inspector/coverage').take();
}

function stopCoverage() {
  require('internal/inspector/coverage').stop();
}

module.exports = {
  DefaultDeserializer,
  DefaultSerializer,
  Deserializer,
  Serializer,
  deserialize,
  serialize,
  cachedDataVersionTag: () => binding.runtime.cachedDataVersionTag(),
  GCProfiler,
  promiseHooks,
  getHeapCodeStatistics,
  getHeapSnapshot,
  getHeapSpaceStatistics,
  getHeapStatistics,
  setFlagsFromString,
  startupSnapshot,
  stopCoverage,
  takeCoverage,
  writeHeapSnapshot,
};
