'use strict';
// node:v8 — heap statistics from the isolate, the startup-snapshot API (Eddy never builds a
// snapshot, so isBuildingSnapshot() is false) and flag setting. The serializer API
// (serialize/deserialize, Serializer/Deserializer) is not available yet.

const { codes } = require('internal/errors');

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

module.exports = {
  cachedDataVersionTag: () => 0x5eddc0de,
  getHeapCodeStatistics: () => ({
    code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  }),
  getHeapSpaceStatistics: () => [],
  getHeapStatistics,
  setFlagsFromString,
  startupSnapshot,
};
