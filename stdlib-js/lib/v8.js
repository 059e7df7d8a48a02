'use strict';
// node:v8 — heap statistics from the isolate, the startup-snapshot API (Eddy never builds a
// snapshot, so isBuildingSnapshot() is false), flag setting and the serializer API
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
  const { heapTotal, heapUsed, external } = process.memoryUsage();
  return {
    total_heap_size: heapTotal,
    total_heap_size_executable: 0,
    total_physical_size: heapTotal,
    total_available_size: Math.max(0, 4345298944 - heapUsed),
    used_heap_size: heapUsed,
    heap_size_limit: 4345298944,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: external,
  };
}

function setFlagsFromString(flags) {
  if (typeof flags !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('flags', 'string', flags);
}

function notBuilding() {
  const err = new Error('Operation cannot be invoked when not building startup snapshot');
  err.code = 'ERR_NOT_BUILDING_SNAPSHOT';
  throw err;
}

const startupSnapshot = {
  isBuildingSnapshot: () => false,
  addSerializeCallback: notBuilding,
  addDeserializeCallback: notBuilding,
  setDeserializeMainFunction: notBuilding,
};

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

let snapshotCount = 0;

/** Writes the heap snapshot to `filename` (by default Node's Heap.<date>.<time>.<pid>.<thread>.<n> name). */
function writeHeapSnapshot(filename, options) {
  if (filename !== undefined && typeof filename !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', filename);
  }
  validateSnapshotOptions(options);
  if (filename === undefined) {
    const now = new Date();
    const pad = (n, w = 2) => String(n).padStart(w, '0');
    const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
    const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
    const { threadId } = require('internal/worker/state');
    filename = `Heap.${date}.${time}.${process.pid}.${threadId}.${pad(++snapshotCount, 3)}.heapsnapshot`;
  }
  require('fs').writeFileSync(filename, binding.runtime.heapSnapshot());
  return filename;
}

module.exports = {
  DefaultDeserializer,
  DefaultSerializer,
  Deserializer,
  Serializer,
  deserialize,
  serialize,
  cachedDataVersionTag: () => 0x5eddc0de,
  getHeapCodeStatistics: () => ({
    code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  }),
  getHeapSnapshot,
  getHeapSpaceStatistics,
  getHeapStatistics,
  setFlagsFromString,
  startupSnapshot,
  writeHeapSnapshot,
};
