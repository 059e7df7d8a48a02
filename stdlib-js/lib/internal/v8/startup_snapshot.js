'use strict';
// v8.startupSnapshot, and the JS half of building and starting from a user-land startup
// snapshot (runtime/src/snapshot.rs makes the real V8 snapshot). While `eddy --build-snapshot
// entry.js` runs, isBuildingSnapshot() is true and the entry may register callbacks: serialize
// callbacks run after its event loop is empty, just before the heap is written; deserialize
// callbacks and the main function run in the process that starts from the snapshot.

const { codes } = require('internal/errors');

let building = binding.config.buildingSnapshot === true;
const serializeCallbacks = [];
const deserializeCallbacks = [];
// The runtime's own work at those moments (stdio, native setups), before the user's.
const internalSerialize = [];
const internalDeserialize = [];
let mainFunction;
let mainData;

function notBuildingError() {
  const err = new Error('Operation cannot be invoked when not building startup snapshot');
  err.code = 'ERR_NOT_BUILDING_SNAPSHOT';
  return err;
}

function check(callback) {
  if (!building) throw notBuildingError();
  if (typeof callback !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

const api = {
  isBuildingSnapshot() {
    return building;
  },
  addSerializeCallback(callback, data) {
    check(callback);
    serializeCallbacks.push([callback, data]);
  },
  addDeserializeCallback(callback, data) {
    check(callback);
    deserializeCallbacks.push([callback, data]);
  },
  setDeserializeMainFunction(callback, data) {
    check(callback);
    if (mainFunction !== undefined) {
      const err = new Error('Deserialize main function is already configured.');
      err.code = 'ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION';
      throw err;
    }
    mainFunction = callback;
    mainData = data;
  },
};

/** `Error: <what> is not supported in startup snapshot` (code ERR_NOT_SUPPORTED_IN_SNAPSHOT). */
function notSupported(what) {
  const err = new Error(`${what} is not supported in startup snapshot`);
  err.code = 'ERR_NOT_SUPPORTED_IN_SNAPSHOT';
  return err;
}

/** Throws when a snapshot is being built: for what cannot be carried into one (workers). */
function throwIfBuilding(what) {
  if (building) throw notSupported(what);
}

// The builtins whose run-time state is known to survive; others still load, with a warning.
// Node 20's list (crypto and dns included, worker_threads not); Eddy's crypto and dns work after
// a start from a snapshot (hashes, keys, the pool, lookups).
const supported = new Set(['_stream_duplex', '_stream_passthrough', '_stream_readable',
  '_stream_transform', '_stream_writable', 'assert', 'assert/strict', 'buffer', 'console',
  'constants', 'crypto', 'diagnostics_channel', 'dns', 'events', 'fs', 'fs/promises', 'net',
  'os', 'path', 'path/posix', 'path/win32', 'process', 'punycode', 'querystring', 'stream',
  'stream/promises', 'string_decoder', 'sys', 'timers', 'timers/promises', 'url', 'util',
  'util/types', 'v8', 'zlib']);
const warned = new Set();

/**
 * The entry script's `require`: builtins only (a file's module state could not be carried
 * into the snapshot's module cache), as in Node.
 */
function makeRequire(requireBuiltin, canBeRequired) {
  return function require(id) {
    if (typeof id !== 'string' || !canBeRequired(id)) {
      const err = new Error(`Cannot find module '${id}'. `);
      err.code = 'MODULE_NOT_FOUND';
      throw err;
    }
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (!supported.has(name) && !warned.has(name)) {
      warned.add(name);
      process.emitWarning(`It's not yet fully verified whether built-in module "${name}" ` +
        'works in user snapshot builder scripts.\nIt may still work in some cases, but in ' +
        'other cases certain run-time states may be out-of-sync after snapshot deserialization.');
    }
    return requireBuiltin(name);
  };
}

/**
 * Run the entry script at `file` as Node does while building: a function of
 * `(require, __filename, __dirname)` (no `module` or `exports`, so a UMD bundle takes its
 * global branch).
 */
function runEntry(file, requireBuiltin, canBeRequired) {
  const path = requireBuiltin('path');
  const filename = path.resolve(file);
  let source = binding.fs.readFileUtf8(filename);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  if (source.startsWith('#!')) source = source.replace(/^#!.*/, '');
  const fn = binding.runtime.compileFunction(source, filename,
    ['require', '__filename', '__dirname']);
  return fn.call(globalThis, makeRequire(requireBuiltin, canBeRequired), filename,
    path.dirname(filename));
}

function runAll(list) {
  for (let i = 0; i < list.length; i++) {
    const [callback, data] = list[i];
    callback(data);
  }
}

/** Just before the heap is written: the user's serialize callbacks, then the runtime's. */
function serialize() {
  runAll(serializeCallbacks);
  for (const fn of internalSerialize) fn();
}

/** In the process started from the snapshot: the runtime's setups, then the user's callbacks. */
function deserialize() {
  building = false;
  for (const fn of internalDeserialize) fn();
  runAll(deserializeCallbacks);
  return mainFunction !== undefined;
}

function runMain() {
  return mainFunction(mainData);
}

module.exports = {
  api,
  deserialize,
  isBuilding: () => building,
  onDeserialize(fn) { internalDeserialize.push(fn); },
  onSerialize(fn) { internalSerialize.push(fn); },
  runEntry,
  runMain,
  serialize,
  throwIfBuilding,
};
