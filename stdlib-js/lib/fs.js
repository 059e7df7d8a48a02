'use strict';
// node:fs - every function in sync and callback form; fs.promises (internal/fs/promises) and the
// file streams (internal/fs/streams) load on first use. The operations with plain arguments come
// from one table (internal/fs/ops); the ones with several signatures (read, write, readv,
// writev, readFile, writeFile, close, truncate) are here. Validation, flags, Stats and constants
// live in internal/fs/utils. The blocking work happens in Rust (bindings/src/fs*.rs): sync calls
// block the caller, callback and promise calls run on the worker pool.

const { validateFunction, validateObject, validateString, kValidateObjectAllowNullable } =
  require('internal/errors');
const { bindToCurrent } = require('internal/async_context');
const {
  bytesToResult, constants, deprecate, getOptions, getValidatedFd, getValidatedPath, kEmptyObject,
  parseFileMode, readArgs, stringToFlags, toUnixTimestamp, validateBuffer, vectorArgs, writeArgs,
  validateStringAfterArrayBufferView, Dirent, Stats, getStatsFromBinding, originals,
} = require('internal/fs/utils');
const { callbackForm, runSync, syncForm, trackRequest, validateCallback } = require('internal/fs/ops');
const {
  abortedError, appendOptions, isFd, readFdAsync, readFdSync, vectorAsync, vectorSync, withFile,
  writeData, writeFdAsync, writeFdSync, writeOptions,
} = require('internal/fs/whole_file');

const native = binding.fs;
const { state: permission } = require('internal/process/permission');
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');

/** The callback of one async call, counted in process._getActiveRequests() until it runs. */
function wrapCallback(callback) {
  return trackRequest(bindToCurrent(callback, 'FSREQCALLBACK'));
}

// ===== readFile =====

function readFile(path, options, callback) {
  callback = callback || options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const done = wrapCallback(callback);
  const { signal, encoding } = options;
  const deliver = (err, bytes) => {
    if (err) return done(err);
    let value;
    try {
      value = bytesToResult(bytes, encoding);
    } catch (e) {
      return done(e);
    }
    done(null, value);
  };
  if (signal && signal.aborted) {
    process.nextTick(done, abortedError(signal));
    return;
  }
  if (isFd(path)) {
    readFdAsync(path, signal, deliver);
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  if (flags === constants.O_RDONLY && !signal && native.traced !== true) {
    native.readFile(path, (err, bytes) => deliver(require('internal/fs/utils').tooLarge(err, path), bytes));
    return;
  }
  withFile(path, flags, 0o666, (fd, finish) => readFdAsync(fd, signal, finish), deliver);
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  let bytes;
  if (isFd(path)) {
    bytes = readFdSync(path);
  } else {
    path = getValidatedPath(path);
    const flags = stringToFlags(options.flag);
    // While node.fs.sync is traced, the file is read one operation at a time (each is an
    // event), as Node reads it.
    if (flags === constants.O_RDONLY && native.traced !== true) {
      try {
        bytes = native.readFileSync(path);
      } catch (err) {
        throw require('internal/fs/utils').tooLarge(err, path);
      }
    } else {
      const fd = native.op('open', path, flags, 0o666);
      try {
        bytes = readFdSync(fd);
      } finally {
        native.op('close', fd);
      }
    }
  }
  return bytesToResult(bytes, options.encoding);
}

// ===== writeFile / appendFile =====

// Flags the binding's whole-file write handles by itself (it reads 'a' and 'x' out of them).
const simpleWriteFlags = new Set(['w', 'wx', 'xw', 'a', 'ax', 'xa']);

function writeFile(path, data, options, callback) {
  callback = callback || options;
  validateFunction(callback, 'cb');
  options = writeOptions(options, 'w');
  const bytes = writeData(data, options.encoding);
  const done = wrapCallback(callback);
  const { signal, flush } = options;
  if (signal && signal.aborted) {
    process.nextTick(done, abortedError(signal));
    return;
  }
  const work = (fd, finish) => writeFdAsync(fd, bytes, null, signal, (err) => {
    if (err || !flush) return finish(err);
    // Through the module, as Node's: callers may watch (or replace) fs.fsync.
    module.exports.fsync(fd, finish);
  });
  if (isFd(path)) {
    work(path, (err) => done(err || null));
    return;
  }
  path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (typeof options.flag === 'string' && simpleWriteFlags.has(options.flag) && !flush && !signal &&
      native.traced !== true) {
    native.writeFile(path, bytes, options.flag, mode, (err) => done(err || null));
    return;
  }
  withFile(path, stringToFlags(options.flag), mode, work, (err) => done(err || null));
}

function writeFileSync(path, data, options) {
  options = writeOptions(options, 'w');
  const bytes = writeData(data, options.encoding);
  const write = (fd) => {
    writeFdSync(fd, bytes, null);
    if (options.flush) module.exports.fsyncSync(fd);
  };
  if (isFd(path)) {
    write(path);
    return;
  }
  path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (typeof options.flag === 'string' && simpleWriteFlags.has(options.flag) && !options.flush &&
      native.traced !== true) {
    native.writeFileSync(path, bytes, options.flag, mode);
    return;
  }
  const fd = native.op('open', path, stringToFlags(options.flag), mode);
  try {
    write(fd);
  } finally {
    native.op('close', fd);
  }
}

function appendFile(path, data, options, callback) {
  callback = callback || options;
  validateFunction(callback, 'cb');
  writeFile(path, data, appendOptions(options), callback);
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendOptions(options));
}

// ===== read / write =====

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let useOptions = false;
  let options = offsetOrOptions;
  const argc = arguments.length;
  if (argc <= 4) {
    useOptions = true;
    if (argc === 4) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
    } else if (argc === 3) {
      callback = offsetOrOptions;
      options = undefined;
      if (!ArrayBuffer.isView(buffer)) {
        options = buffer;
        buffer = (options && options.buffer) || Buffer.alloc(16384);
        validateObject(options, 'options', kValidateObjectAllowNullable);
      }
    } else {
      callback = buffer;
      options = undefined;
      buffer = Buffer.alloc(16384);
    }
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  const args = readArgs(buffer, options, length, position, useOptions);
  const done = wrapCallback(callback);
  if (args === null) {
    process.nextTick(done, null, 0, buffer);
    return;
  }
  native.opAsync('read', fd, buffer, args.offset, args.length, args.position,
    (err, n) => done(err, n || 0, buffer));
}
Object.defineProperty(read, kCustomPromisifyArgs, { value: ['bytesRead', 'buffer'] });
originals.read = read;

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  const useOptions = arguments.length <= 3 || typeof offsetOrOptions === 'object';
  const args = readArgs(buffer, offsetOrOptions, length, position, useOptions);
  if (args === null) return 0;
  return native.op('read', fd, buffer, args.offset, args.length, args.position);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let args;
  if (ArrayBuffer.isView(buffer)) {
    callback = callback || position || length || offsetOrOptions;
    validateFunction(callback, 'cb');
    args = writeArgs(fd, buffer, offsetOrOptions, length, position);
  } else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    // write(fd, string[, position[, encoding]], callback)
    if (typeof position !== 'function') {
      if (typeof offsetOrOptions === 'function') {
        position = offsetOrOptions;
        offsetOrOptions = null;
      } else {
        position = length;
      }
      length = 'utf8';
    }
    callback = position;
    validateFunction(callback, 'cb');
    args = writeArgs(fd, buffer, offsetOrOptions, length, null);
  }
  const done = wrapCallback(callback);
  native.opAsync(...args, (err, n) => done(err, n || 0, buffer));
}
Object.defineProperty(write, kCustomPromisifyArgs, { value: ['bytesWritten', 'buffer'] });

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  // Not spread: a program may delete Array.prototype[Symbol.iterator] (Node's writeSync still works).
  return Reflect.apply(native.op, native, writeArgs(fd, buffer, offsetOrOptions, length, position));
}

function vectorForm(name) {
  const fn = function (fd, buffers, position, callback) {
    const args = vectorArgs(fd, buffers, position);
    callback = callback || position;
    validateFunction(callback, 'cb');
    const done = wrapCallback(callback);
    if (args[1].length === 0) {
      process.nextTick(done, null, 0, buffers);
      return;
    }
    vectorAsync(name, ...args, (err, n) => done(err, n || 0, buffers));
  };
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(fn, kCustomPromisifyArgs,
    { value: [name === 'readv' ? 'bytesRead' : 'bytesWritten', 'buffers'] });
  return fn;
}

function vectorSyncForm(name) {
  return {
    [`${name}Sync`](fd, buffers, position) {
      const args = vectorArgs(fd, buffers, position);
      return args[1].length === 0 ? 0 : vectorSync(name, ...args);
    },
  }[`${name}Sync`];
}

const readv = vectorForm('readv');
const writev = vectorForm('writev');
const readvSync = vectorSyncForm('readv');
const writevSync = vectorSyncForm('writev');

// ===== close, truncate, exists =====

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) validateCallback(callback);
  const done = wrapCallback(callback);
  native.opAsync('close', fd, (err) => done(err || null));
}

function closeSync(fd) {
  native.op('close', getValidatedFd(fd));
}

const ftruncate = callbackForm('ftruncate');
const ftruncateSync = syncForm('ftruncate');
const truncateOp = callbackForm('truncate');

function showTruncateDeprecation() {
  deprecate('DEP0081', 'Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.');
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return ftruncate(path, len, callback);
  }
  if (typeof len === 'function') return truncateOp(path, undefined, len);
  return truncateOp(path, len, callback);
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return ftruncateSync(path, len);
  }
  return runSync('truncate', [path, len]);
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  // The permission model denies a look at a path it does not grant: Node 20 throws here.
  if (permission.enabled) require('internal/process/permission').checkRead(path, existsSync);
  return native.internalModuleStat(path) >= 0;
}

function exists(path, callback) {
  validateCallback(callback);
  let found;
  try {
    found = existsSync(path);
  } catch {
    // Node's exists() reports a path the permission model denies as missing.
    found = false;
  }
  process.nextTick(wrapCallback(callback), found);
}
Object.defineProperty(exists, kCustomPromisify, {
  value: { exists: (path) => new Promise((resolve) => exists(path, resolve)) }.exists,
});

const statValues = new Float64Array(14);

function statSync(path, options) {
  // The common call, without the generic operation's argument and state objects; the binding
  // writes the fields into statValues.
  if (options === undefined) {
    native.statSync(getValidatedPath(path), statValues);
    return getStatsFromBinding(statValues);
  }
  try {
    return runSync('stat', [path, options]);
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function lstatSync(path, options) {
  try {
    return runSync('lstat', [path, options]);
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

// ===== the table's operations =====

const plain = ['access', 'chmod', 'chown', 'copyFile', 'fchmod', 'fchown', 'fdatasync', 'fstat',
  'fsync', 'futimes', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open', 'readdir',
  'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'unlink', 'utimes'];

const generated = {};
for (const name of plain) {
  generated[name] = callbackForm(name);
  generated[`${name}Sync`] = syncForm(name);
}
generated.statSync = statSync;
generated.lstatSync = lstatSync;
// realpath/realpathSync walk the path in JS as Node's do; realpath(3) is their .native.
const realpathNative = generated.realpath;
const realpathSyncNative = generated.realpathSync;
generated.realpath = function realpath(p, options, callback) {
  return require('internal/fs/realpath').realpath(p, options, callback);
};
generated.realpathSync = function realpathSync(p, options) {
  return require('internal/fs/realpath').realpathSync(p, options);
};
generated.realpath.native = realpathNative;
generated.realpathSync.native = realpathSyncNative;

// ===== streams and promises, loaded on first use =====

let streams;
function lazyStreams() {
  streams = streams || require('internal/fs/streams');
  return streams;
}

function createReadStream(path, options) {
  return new (lazyStreams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (lazyStreams().WriteStream)(path, options);
}

/**
 * A Blob backed by the file: read when the blob is, and unreadable (NotReadableError) once
 * the file has changed, as in Node.
 */
function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  if (permission.enabled) require('internal/process/permission').checkRead(path, openAsBlob);
  const absolute = require('path').resolve(`${path}`);
  // The file is looked at now (a file that cannot be opened throws now), as in Node.
  let stats;
  try {
    closeSync(generated.openSync(absolute, 'r'));
    stats = statSync(absolute);
  } catch {
    const err = new TypeError('Unable to open file as blob');
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  return Promise.resolve(require('internal/buffer/blob').fileBlob(absolute, stats, type));
}

// fs.cp and cpSync (internal/fs/cp), loaded on first call.
function cp(src, dest, options, callback) {
  return require('internal/fs/cp').cp(src, dest, options, callback);
}

function cpSync(src, dest, options) {
  return require('internal/fs/cp').cpSync(src, dest, options);
}

// fs.opendir and opendirSync (internal/fs/dir), loaded on first call.
function opendir(path, options, callback) {
  return require('internal/fs/dir').opendir(path, options, callback);
}

function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}

// fs.watch, watchFile, unwatchFile (internal/fs/watchers), loaded on first call.
function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
}

module.exports = {
  appendFile,
  appendFileSync,
  ...generated,
  close,
  closeSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  ftruncate,
  ftruncateSync,
  lchmod: undefined,
  openAsBlob,
  opendir,
  opendirSync,
  lchmodSync: undefined,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  truncate,
  truncateSync,
  unwatchFile,
  watch,
  watchFile,
  write,
  writeSync,
  writev,
  writevSync,
  writeFile,
  writeFileSync,
  Dirent,
  Stats,
  _toUnixTimestamp: toUnixTimestamp,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  constants,
};

for (const [name, key] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'],
  ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']]) {
  let override;
  Object.defineProperty(module.exports, name, {
    enumerable: true,
    configurable: true,
    get: { [name]() { return override || lazyStreams()[key]; } }[name],
    set: { [name](value) { override = value; } }[name],
  });
}

Object.defineProperty(module.exports, 'Dir', {
  enumerable: true,
  configurable: true,
  get() { return require('internal/fs/dir').Dir; },
});

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('internal/fs/promises').exports; },
});

// --trace-sync-io reports the synchronous calls made after the main script has run.
require('internal/process/warning').traceSyncCalls(module.exports,
  Object.keys(module.exports).filter((name) => name.endsWith('Sync')));
