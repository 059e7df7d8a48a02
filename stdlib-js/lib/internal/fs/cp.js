'use strict';
// internal/fs/cp - fs.cp, fs.cpSync and fs.promises.cp: copying files, links and (recursively)
// directories. The walk is written once, as a generator that yields each file-system step it
// needs (['lstat', path], ['copyFile', src, dest, mode], ['filter', src, dest], ...), which
// internal/fs/steps runs here and now or on the worker pool. Loaded by fs.js on first use.

const path = require('path');
const { codes, validateBoolean, validateFunction, validateObject } = require('internal/errors');
const { getValidatedPath } = require('internal/fs/utils');
const { driveAsync, driveSync } = require('internal/fs/steps');

// errno values as Node reports them in these errors' `info`.
const EISDIR = 21;
const ENOTDIR = 20;
const EEXIST = 17;
const EINVAL = 22;

// ===== options and errors =====

const defaults = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...defaults, mode: 0 };
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  for (const name of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive',
    'verbatimSymlinks']) {
    validateBoolean(options[name], `options.${name}`);
  }
  options.mode = validMode(options.mode);
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function validMode(mode) {
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

const prefixes = {
  ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
  ERR_FS_CP_EEXIST: 'Target already exists',
  ERR_FS_CP_EINVAL: 'Invalid src or dest',
  ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
  ERR_FS_EISDIR: 'Path is a directory',
};

/** Node's SystemError: `code`, an `info` object, and errno/syscall/path reading from it. */
function systemError(key, message, where, errno, code) {
  const info = { message, path: where, syscall: 'cp', errno, code };
  const err = new Error(`${prefixes[key]}: cp returned ${code} (${message}) ${where}`);
  err.name = 'SystemError';
  Object.defineProperty(err, 'code', { value: key, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(err, 'info', { value: info, enumerable: true, configurable: true });
  for (const prop of ['errno', 'syscall', 'path']) {
    Object.defineProperty(err, prop, {
      get() { return info[prop]; },
      set(value) { info[prop] = value; },
      enumerable: true,
      configurable: true,
    });
  }
  Error.captureStackTrace(err, systemError);
  return err;
}

// ===== the walk (a generator of steps) =====

/** Whether `dest` is `src` or lies below it, by the path strings alone. */
function isSrcSubdir(src, dest) {
  const srcParts = path.resolve(src).split(path.sep).filter(Boolean);
  const destParts = path.resolve(dest).split(path.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

function areIdentical(a, b) {
  return b.ino && b.dev && b.ino === a.ino && b.dev === a.dev;
}

function* statOrNull(name, file) {
  try {
    return yield [name, file, { bigint: true }];
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

/** The filter's verdict, then the stats of both ends, and the checks that need them. */
function* checkPaths(src, dest, opts) {
  if (opts.filter && !(yield ['filter', src, dest])) return { skipped: true };
  const statName = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield [statName, src, { bigint: true }];
  const destStat = yield* statOrNull(statName, dest);
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw systemError('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw systemError('ERR_FS_CP_DIR_TO_NON_DIR',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw systemError('ERR_FS_CP_NON_DIR_TO_DIR',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw systemError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`,
      dest, EINVAL, 'EINVAL');
  }
  return { srcStat, destStat, skipped: false };
}

/** No parent of dest (up to src's parent or the root) may be src itself. */
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = path.resolve(path.dirname(src));
  const destParent = path.resolve(path.dirname(dest));
  if (destParent === srcParent || destParent === path.parse(destParent).root) return;
  const destStat = yield* statOrNull('stat', destParent);
  if (destStat === null) return;
  if (areIdentical(srcStat, destStat)) {
    throw systemError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`,
      dest, EINVAL, 'EINVAL');
  }
  yield* checkParentPaths(src, srcStat, destParent);
}

function* copyEntry(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) {
    if (!destStat) {
      yield ['mkdir', dest];
      yield* copyDir(src, dest, opts);
      yield ['chmod', dest, srcStat.mode];
    } else {
      yield* copyDir(src, dest, opts);
    }
  } else if (srcStat.isDirectory()) {
    throw systemError('ERR_FS_EISDIR', `${src} is a directory (not copied)`, src, EINVAL, 'EISDIR');
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat) {
      if (!opts.force) {
        if (opts.errorOnExist) {
          throw systemError('ERR_FS_CP_EEXIST', `${dest} already exists`, dest, EEXIST, 'EEXIST');
        }
        return;
      }
      yield ['unlink', dest];
    }
    yield* copyFile(srcStat, src, dest, opts);
  } else if (srcStat.isSymbolicLink()) {
    yield* copyLink(destStat, src, dest, opts);
  } else if (srcStat.isSocket()) {
    throw systemError('ERR_FS_CP_SOCKET', `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  } else if (srcStat.isFIFO()) {
    throw systemError('ERR_FS_CP_FIFO_PIPE', `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  } else {
    throw systemError('ERR_FS_CP_UNKNOWN', `cannot copy an unknown file type: ${dest}`, dest,
      EINVAL, 'EINVAL');
  }
}

function* copyFile(srcStat, src, dest, opts) {
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // utimes needs a writable file; the mode is set back right after.
    if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
    // The source's atime changed as it was read: stat it again.
    const updated = yield ['stat', src];
    yield ['utimes', dest, updated.atime, updated.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* copyDir(src, dest, opts) {
  const names = yield ['readdir', src];
  for (const name of names) {
    const srcItem = path.join(src, name);
    const destItem = path.join(dest, name);
    const { destStat, skipped } = yield* checkPaths(srcItem, destItem, opts);
    if (!skipped) yield* copyEntry(destStat, srcItem, destItem, opts);
  }
}

function* copyLink(destStat, src, dest, opts) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) {
    resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  }
  if (!destStat) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // dest is a file or directory: symlink() reports EEXIST.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw systemError('ERR_FS_CP_EINVAL',
      `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, 'EINVAL');
  }
  // Replacing dest would delete what src points into, leaving a broken link.
  const srcStat = yield ['stat', src];
  if (srcStat.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw systemError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

function* copy(src, dest, opts) {
  const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts);
  if (skipped) return;
  yield* checkParentPaths(src, srcStat, dest);
  const destParent = path.dirname(dest);
  if ((yield* statOrNull('stat', destParent)) === null) {
    yield ['mkdir', destParent, { recursive: true }];
  }
  yield* copyEntry(destStat, src, dest, opts);
}

// ===== drivers =====

/** The filter's verdict: a value here and now, or (async) whatever its promise gives. */
function filterStep(opts, sync) {
  return {
    filter(src, dest) {
      const value = opts.filter(src, dest);
      if (sync && value !== null && typeof value === 'object' && typeof value.then === 'function') {
        throw new codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', value);
      }
      return value;
    },
  };
}

function cpSyncFn(src, dest, opts) {
  driveSync(copy(src, dest, opts), filterStep(opts, true));
}

function cpAsyncFn(src, dest, opts, done) {
  driveAsync(copy(src, dest, opts), filterStep(opts, false), (err) => done(err));
}

// ===== the public forms =====

function paths(src, dest) {
  return [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest')];
}

function cpSync(src, dest, options) {
  options = validateCpOptions(options);
  [src, dest] = paths(src, dest);
  cpSyncFn(src, dest, options);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  options = validateCpOptions(options);
  [src, dest] = paths(src, dest);
  cpAsyncFn(src, dest, options, (err) => callback(err || null));
}

async function cpPromise(src, dest, options) {
  options = validateCpOptions(options);
  [src, dest] = paths(src, dest);
  return new Promise((resolve, reject) => {
    cpAsyncFn(src, dest, options, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = { cp, cpPromise, cpSync };
