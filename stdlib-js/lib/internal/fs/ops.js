'use strict';
// internal/fs/ops - the table of node:fs operations that take plain arguments and give one
// result, and the three forms built from each entry: sync (`xSync`), callback (`x`) and promise
// (`fs.promises.x`). An entry says how the user's arguments become the binding's (validating
// them), what the raw result becomes and, for the callback form, how many trailing arguments
// may be left out before the callback. The body of every operation is one Rust function
// (bindings/src/fs_ops.rs, fs_fd.rs): `binding.fs.op(name, ...)` runs it here and now,
// `binding.fs.opAsync(name, ..., cb)` on the worker pool.

const { codes, validateInteger, validateInt32 } = require('internal/errors');
const { bindToCurrent } = require('internal/async_context');
const hooks = require('internal/async_hooks');
const { endRequest, startRequest } = require('internal/process/handles');
const {
  deprecate, Dirent, getOptions, getStatFsFromBinding, getStatsFromBinding, getValidatedFd,
  getValidatedPath, joinPath, kMaxUserId, namesAsBytes, parseFileMode, pathKey, stringToFlags, stringToResult,
  toUnixTimestamp, constants,
} = require('internal/fs/utils');

const native = binding.fs;

// ===== results that need more than a conversion =====

/** Node's SystemError for rm() of a directory without `recursive`. */
function eisdirError(err) {
  const info = { code: 'EISDIR', message: 'is a directory', path: err.path, syscall: 'rm', errno: 21 };
  const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${err.path}`);
  e.name = 'SystemError';
  Object.defineProperties(e, {
    code: { value: 'ERR_FS_EISDIR', enumerable: true, writable: true, configurable: true },
    info: { value: info, enumerable: true, configurable: true },
    errno: { value: 21, enumerable: true, writable: true, configurable: true },
    syscall: { value: 'rm', enumerable: true, writable: true, configurable: true },
    path: { value: err.path, enumerable: true, writable: true, configurable: true },
  });
  Error.captureStackTrace(e, eisdirError);
  return e;
}

const kSurrogateOrAbove = /[\uD800-\uFFFF]/;

/** Code point order (which is UTF-8 byte order): UTF-16 unit order but for surrogates. */
function byCodePoint(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xD800 && y >= 0xD800) {
      // Surrogates (U+10000 and up) come after U+E000..U+FFFF.
      x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

const byUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const toBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The binding's operation `name`, giving raw names for an `encoding` other than UTF-8. */
const namesOp = (name, encoding) => (namesAsBytes(encoding) ? `${name}Buffer` : name);
const readdirOp = (opts) => namesOp('readdir', opts.encoding);

/**
 * The names of the binding's [name, type, ...] list in the order Node lists them (libuv's
 * scandir sorts by the bytes of the names), and their types: a Map by name, or null when the
 * list was in order already (each name's type follows it in the list).
 */
function sortedNames(list) {
  // Raw names (encoding 'buffer') come in the binding's byte order already.
  if (list.length > 0 && typeof list[0] !== 'string') {
    const names = new Array(list.length >> 1);
    for (let i = 0; i < names.length; i++) names[i] = toBuffer(list[i * 2]);
    return [names, null];
  }
  const names = new Array(list.length >> 1);
  let wide = false;
  for (let i = 0; i < names.length; i++) {
    names[i] = list[i * 2];
    if (!wide && kSurrogateOrAbove.test(names[i])) wide = true;
  }
  const compare = wide ? byCodePoint : byUnit;
  let inOrder = true;
  for (let i = 1; i < names.length && inOrder; i++) inOrder = compare(names[i - 1], names[i]) < 0;
  if (inOrder) return [names, null];
  const types = new Map();
  for (let i = 0; i < list.length; i += 2) types.set(list[i], list[i + 1]);
  // Without a comparator, sort() orders by UTF-16 units: the byte order but for surrogates.
  if (wide) names.sort(byCodePoint);
  else names.sort();
  return [names, types];
}

/** Whether `path` is a directory once symlinks are followed (a recursive listing enters it). */
function isDirFollowing(path) {
  try {
    return (native.statSync(path)[1] & constants.S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

const entersDirectory = (type) => type === constants.UV_DIRENT_DIR;
// Listing names, a recursion also enters what a symlink (or an entry of unknown type) is, when
// that is a directory; listing Dirents, it goes by the entries' own types.
const followsLink = (type, opts) => !opts.withFileTypes &&
  (type === constants.UV_DIRENT_LINK || type === constants.UV_DIRENT_UNKNOWN);

/**
 * The listings of every directory under `dir` a recursive readdir enters, each read on the
 * worker pool: `done(err, Map(path -> raw list))`.
 */
function listTreeAsync(dir, raw, opts, done) {
  const lists = new Map();
  let pending = 0;
  let failed = false;
  const settle = () => {
    if (pending === 0 && !failed) done(null, lists);
  };
  const enter = (full) => {
    pending++;
    native.opAsync(readdirOp(opts), full, (err, list) => {
      pending--;
      if (failed) return;
      if (err) {
        failed = true;
        done(err);
        return;
      }
      lists.set(pathKey(full), list);
      visit(full, list);
      settle();
    });
  };
  const visit = (base, list) => {
    for (let i = 0; i < list.length; i += 2) {
      const type = list[i + 1];
      const full = joinPath(base, list[i]);
      if (entersDirectory(type)) {
        enter(full);
      } else if (followsLink(type, opts)) {
        pending++;
        native.stat(full, (err, fields) => {
          pending--;
          if (failed) return;
          if (!err && (fields[1] & constants.S_IFMT) === constants.S_IFDIR) enter(full);
          else settle();
        });
      }
    }
  };
  visit(dir, raw);
  settle();
}

/**
 * readdir's raw [name, type, ...] list as names or Dirents, each directory's names sorted,
 * recursing when asked, in Node's order: the sync and callback forms list level after level
 * (a queue of directories); fs.promises lists the directories last found first (a stack).
 * Listing names, a recursion enters symlinks to directories too; listing Dirents, it does not.
 */
function readdirResult(dir, raw, opts, stack = false, lists = null) {
  const out = [];
  const pending = [[dir, '', raw]];
  let next = 0;
  while (stack ? pending.length > 0 : next < pending.length) {
    const [base, rel, list] = stack ? pending.pop() : pending[next++];
    const [names, types] = sortedNames(list);
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      const type = types === null ? list[n * 2 + 1] : types.get(name);
      const relName = rel === '' ? name
        : typeof name === 'string' ? `${rel}/${name}` : joinPath(rel, name);
      out.push(opts.withFileTypes ? new Dirent(name, type, base) : relName);
      if (!opts.recursive) continue;
      const full = joinPath(base, name);
      if (lists !== null) {
        // The async forms listed every directory beforehand (see listTreeAsync).
        const key = pathKey(full);
        if (lists.has(key)) pending.push([full, relName, lists.get(key)]);
      } else if (entersDirectory(type) || (followsLink(type, opts) && isDirFollowing(full))) {
        pending.push([full, relName, native.op(readdirOp(opts), full)]);
      }
    }
  }
  const { encoding } = opts;
  if (!namesAsBytes(encoding) || encoding === 'buffer') return out;
  return out.map((entry) => {
    if (!(entry instanceof Dirent)) return stringToResult(entry, encoding);
    entry.name = stringToResult(entry.name, encoding);
    return entry;
  });
}

function bigintOption(options) {
  return !!(options && typeof options === 'object' && options.bigint);
}

/** access()/copyFile() modes: 0 to 7 (Node checks these natively, hence the wording). */
function getValidMode(mode) {
  if (mode === undefined || mode === null) return 0;
  if (typeof mode !== 'number') {
    const err = new TypeError('mode must be int32 or null/undefined');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (!(mode >= 0 && mode <= 7)) {
    const err = new RangeError('mode is out of range: >= 0 && <= 7');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return mode | 0;
}

const validateId = (id, name) => validateInteger(id, name, -1, kMaxUserId);

/** A file length: an integer, negative ones counting as 0. */
function validateLen(len) {
  if (len === undefined) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

// ===== the table =====
// args(...user) -> binding arguments; `this` is a scratch object that result() gets too.
// optional: trailing arguments the callback form lets callers leave out (the callback moves up);
// callbackAt(args): where the callback form finds its callback, when that rule is not Node's.
// cbFirst: the callback form checks its callback before the other arguments (Node's order).
// binding(): the binding operation to run when it is not `name` (`this` is the scratch object);
// sync/async: natives of its own instead of binding.fs.op/opAsync.

const ops = {
  access: {
    optional: 1,
    cbFirst: true,
    args: (path, mode) => [getValidatedPath(path), getValidMode(mode)],
  },
  copyFile: {
    optional: 1,
    cbFirst: true,
    args: (src, dest, mode) =>
      [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), getValidMode(mode)],
  },
  lstat: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.bigint = bigintOption(options);
      return [getValidatedPath(path)];
    },
    result(fields) { return getStatsFromBinding(fields, this.bigint); },
    binding() { return this.bigint ? 'lstatBigInt' : 'lstat'; },
  },
  stat: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.bigint = bigintOption(options);
      return [getValidatedPath(path)];
    },
    result(fields) { return getStatsFromBinding(fields, this.bigint); },
    // stat has natives of its own (the module loader's fast path) besides the exact one.
    sync(path) { return this.bigint ? native.op('statBigInt', path) : native.statSync(path); },
    async(path, cb) {
      if (this.bigint) native.opAsync('statBigInt', path, cb);
      else native.stat(path, cb);
    },
  },
  mkdir: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      let recursive = false;
      let mode = 0o777;
      if (typeof options === 'number' || typeof options === 'string') {
        mode = parseFileMode(options, 'mode', 0o777);
      } else if (options !== null && options !== undefined) {
        if (typeof options !== 'object') {
          throw new codes.ERR_INVALID_ARG_TYPE('options', ['Object', 'number', 'string'], options);
        }
        recursive = options.recursive === undefined ? false : options.recursive;
        if (typeof recursive !== 'boolean') {
          throw new codes.ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', recursive);
        }
        mode = parseFileMode(options.mode, 'mode', 0o777);
      }
      return [getValidatedPath(path), recursive, mode];
    },
  },
  mkdtemp: {
    optional: 1,
    cbFirst: true,
    args(prefix, options) {
      this.encoding = getOptions(options).encoding;
      // A string, Buffer or file: URL (Node 20.6 and up).
      return [getValidatedPath(prefix, 'prefix')];
    },
    result(path) { return stringToResult(path, this.encoding); },
    binding() { return namesOp('mkdtemp', this.encoding); },
  },
  readdir: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.opts = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
      const validated = getValidatedPath(path);
      // Dirents name the directory as given: a Buffer stays one.
      this.path = path instanceof Uint8Array ? path : validated;
      return [validated];
    },
    binding() { return readdirOp(this.opts); },
    async(path, cb) {
      native.opAsync(readdirOp(this.opts), path, (err, raw) => {
        if (err || !this.opts.recursive) {
          cb(err, raw);
          return;
        }
        listTreeAsync(path, raw, this.opts, (treeErr, lists) => {
          this.lists = lists;
          cb(treeErr, raw);
        });
      });
    },
    result(raw) { return readdirResult(this.path, raw, this.opts, false, this.lists ?? null); },
  },
  // fs.promises.readdir: the same, but a recursive listing goes depth first.
  readdirStack: {
    optional: 1,
    args(path, options) { return ops.readdir.args.call(this, path, options); },
    binding() { return readdirOp(this.opts); },
    async(path, cb) { ops.readdir.async.call(this, path, cb); },
    result(raw) { return readdirResult(this.path, raw, this.opts, true, this.lists ?? null); },
  },
  realpath: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.encoding = getOptions(options).encoding;
      return [getValidatedPath(path)];
    },
    result(path) { return stringToResult(path, this.encoding); },
    binding() { return namesOp('realpath', this.encoding); },
  },
  rename: {
    cbFirst: true,
    args: (from, to) => [getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath')],
  },
  rm: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      if (options === undefined) options = {};
      if (options === null || typeof options !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      return [getValidatedPath(path), !!options.recursive, !!options.force];
    },
    error: (err) => (err.code === 'EISDIR' && err.syscall === 'rm' ? eisdirError(err) : err),
  },
  rmdir: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      const recursive = !!(options && options.recursive);
      if (recursive) {
        deprecate('DEP0147', 'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead');
      }
      return [getValidatedPath(path), recursive];
    },
  },
  unlink: { cbFirst: true, args: (path) => [getValidatedPath(path)] },

  // ----- descriptors -----
  open: {
    optional: 2,
    // Node's open() takes its second argument as the callback when given fewer than three.
    callbackAt: (args) => (args.length < 3 ? 1 : typeof args[2] === 'function' ? 2 : 3),
    args(path, flags, mode) {
      path = getValidatedPath(path);
      flags = stringToFlags(flags);
      validateInt32(flags, 'flags');
      return [path, flags, parseFileMode(mode, 'mode', 0o666)];
    },
  },
  close: { args: (fd) => [getValidatedFd(fd)] },
  fstat: {
    optional: 1,
    args(fd, options) {
      this.bigint = bigintOption(options);
      return [getValidatedFd(fd)];
    },
    result(fields) { return getStatsFromBinding(fields, this.bigint); },
    binding() { return this.bigint ? 'fstatBigInt' : 'fstat'; },
  },
  ftruncate: { optional: 1, args: (fd, len) => [getValidatedFd(fd), validateLen(len)] },
  fsync: { args: (fd) => [getValidatedFd(fd)] },
  fdatasync: { args: (fd) => [getValidatedFd(fd)] },
  fchmod: { args: (fd, mode) => [getValidatedFd(fd), parseFileMode(mode, 'mode')] },
  fchown: {
    args(fd, uid, gid) {
      fd = getValidatedFd(fd);
      validateId(uid, 'uid');
      validateId(gid, 'gid');
      return [fd, uid, gid];
    },
  },
  futimes: {
    args: (fd, atime, mtime) =>
      [getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')],
  },

  // ----- paths: permissions, times, links -----
  truncate: { optional: 1, args: (path, len) => [getValidatedPath(path), validateLen(len)] },
  chmod: { args: (path, mode) => [getValidatedPath(path), parseFileMode(mode, 'mode')] },
  chown: {
    args(path, uid, gid) {
      path = getValidatedPath(path);
      validateId(uid, 'uid');
      validateId(gid, 'gid');
      return [path, uid, gid];
    },
  },
  utimes: {
    // Node names both times 'time' here (and 'atime'/'mtime' for futimes).
    args: (path, atime, mtime) =>
      [getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)],
  },
  symlink: {
    optional: 1,
    cbFirst: true,
    // symlink() takes its last argument as the callback, whatever the count.
    callbackAt: (args) => Math.max(args.length - 1, 0),
    args(target, path, type) {
      if (type !== undefined && type !== null && type !== 'dir' && type !== 'file' &&
          type !== 'junction') {
        throw new codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
      }
      return [getValidatedPath(target, 'target'), getValidatedPath(path)];
    },
  },
  readlink: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.encoding = getOptions(options).encoding;
      return [getValidatedPath(path, 'oldPath')];
    },
    result(path) { return stringToResult(path, this.encoding); },
    binding() { return namesOp('readlink', this.encoding); },
  },
  link: {
    cbFirst: true,
    args: (existingPath, newPath) =>
      [getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath')],
  },
  statfs: {
    optional: 1,
    cbFirst: true,
    args(path, options) {
      this.bigint = bigintOption(options);
      return [getValidatedPath(path)];
    },
    result(fields) { return getStatFsFromBinding(fields, this.bigint); },
  },
};
ops.lchown = { ...ops.chown };
ops.lutimes = { ...ops.utimes };

// ===== the three forms =====

/** `done` counted as an FSReqCallback in process._getActiveRequests() until it is called. */
function trackRequest(done) {
  const request = startRequest('FSReqCallback');
  return function (...args) {
    endRequest(request);
    return Reflect.apply(done, this, args);
  };
}

function validateCallback(cb) {
  if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  return cb;
}

/** Validates user arguments: the binding's arguments, and the scratch state result() sees. */
function prepare(op, args) {
  const state = {};
  return [state, Reflect.apply(op.args, state, args)];
}

/** Runs operation `name` now with user arguments `args`; returns its result or throws. */
function runSync(name, args) {
  const op = ops[name];
  const [state, nativeArgs] = prepare(op, args);
  let raw;
  try {
    raw = op.sync ? Reflect.apply(op.sync, state, nativeArgs)
      : native.op(op.binding ? Reflect.apply(op.binding, state, []) : name, ...nativeArgs);
  } catch (err) {
    const e = op.error ? op.error(err) : err;
    // The trace starts at the public function (fs.readdirSync...), as Node's native throws do.
    if (e !== null && typeof e === 'object') Error.captureStackTrace(e, runSync);
    throw e;
  }
  return op.result ? Reflect.apply(op.result, state, [raw]) : raw;
}

/** Starts a prepared operation on the worker pool; `done(err, value)` runs on the loop. */
function start(name, op, state, nativeArgs, done) {
  const cb = (err, raw) => {
    if (err) {
      done(op.error ? op.error(err) : err);
      return;
    }
    let value;
    try {
      value = op.result ? Reflect.apply(op.result, state, [raw]) : raw;
    } catch (e) {
      done(e);
      return;
    }
    done(null, value);
  };
  if (op.async) Reflect.apply(op.async, state, [...nativeArgs, cb]);
  else native.opAsync(op.binding ? Reflect.apply(op.binding, state, []) : name, ...nativeArgs, cb);
}

/** Operation `name` on the worker pool; argument errors are thrown to the caller. */
function runAsync(name, args, done) {
  const op = ops[name];
  const [state, nativeArgs] = prepare(op, args);
  start(name, op, state, nativeArgs, done);
}

function syncForm(name) {
  const fn = { [`${name}Sync`]: (...args) => runSync(name, args) }[`${name}Sync`];
  return fn;
}

function callbackForm(name) {
  const op = ops[name];
  const arity = op.args.length;
  const optional = op.optional || 0;
  const fn = {
    [name](...args) {
      // The callback is the first function among the optional trailing arguments, else the
      // argument after them all.
      let at = arity;
      if (op.callbackAt) {
        at = op.callbackAt(args);
      } else {
        for (let i = arity - optional; i < arity; i++) {
          if (typeof args[i] === 'function') {
            at = i;
            break;
          }
        }
      }
      const callback = args[at];
      args.length = at;
      if (op.cbFirst) validateCallback(callback);
      const [state, nativeArgs] = prepare(op, args);
      validateCallback(callback);
      start(name, op, state, nativeArgs, trackRequest(bindToCurrent(callback, 'FSREQCALLBACK')));
    },
  }[name];
  return fn;
}

/** Whether an enabled async_hooks hook would see the requests of fs.promises. */
function requestsObserved() {
  return hooks.hasHooks('init') || hooks.hasHooks('before') || hooks.hasHooks('after') ||
    hooks.hasHooks('destroy');
}

/**
 * The `(err, value)` callback that settles a promise with `resolve`/`reject`. While an
 * async_hooks hook is enabled the request is an async resource of `type` (Node's FSREQPROMISE for
 * fs.promises): init now; before, the settlement, after and destroy when the callback runs (the
 * promise's reactions run after `after`, from the microtask queue). Without hooks it costs nothing.
 */
function settler(resolve, reject, type = 'FSREQPROMISE') {
  if (!requestsObserved()) return (err, value) => (err ? reject(err) : resolve(value));
  const asyncId = hooks.newAsyncId();
  const trigger = hooks.executionAsyncId();
  const resource = {};
  hooks.emitInit(asyncId, type, trigger, resource);
  return (err, value) => {
    hooks.emitBefore(asyncId, trigger, resource);
    try {
      if (err) reject(err);
      else resolve(value);
    } finally {
      hooks.emitDestroy(asyncId);
    }
    hooks.emitAfter(asyncId);
  };
}

/**
 * Operation `name` on the worker pool as a promise of its result (`map`ped, when given, before
 * the request settles). Argument errors are thrown before any request exists.
 */
function runPromise(name, args, map) {
  const op = ops[name];
  const [state, nativeArgs] = prepare(op, args);
  return new Promise((resolve, reject) => {
    const done = settler(resolve, reject);
    start(name, op, state, nativeArgs,
      map === undefined ? done : (err, value) => (err ? done(err) : done(null, map(value))));
  });
}

/** The promise form of operation `opName`, named `name`. */
function promiseForm(name, opName = name) {
  const fn = {
    async [name](...args) {
      return runPromise(opName, args);
    },
  }[name];
  return fn;
}

module.exports = {
  callbackForm, ops, promiseForm, requestsObserved, runAsync, runPromise, runSync, settler,
  syncForm, trackRequest, validateCallback,
};
