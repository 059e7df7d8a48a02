'use strict';
// node:fs — readFile/writeFile/appendFile, stat/lstat, mkdir/mkdtemp, readdir, rm/rmdir/unlink,
// rename, copyFile, access, realpath and exists, each in callback, sync and promise forms. The
// blocking work happens in Rust (bindings/src/fs.rs, fs_ops.rs): sync calls block the caller,
// callback and promise calls run on the worker pool.

const { codes } = require('internal/errors');

const { bindToCurrent } = require('internal/async_context');
const native = binding.fs;

// ===== argument handling =====

function getValidatedPath(path, name = 'path') {
  if (typeof path === 'string') {
    // fall through to the null-byte check
  } else if (path instanceof Uint8Array) {
    path = new TextDecoder().decode(path);
  } else if (path !== null && typeof path === 'object' && typeof path.href === 'string' &&
             typeof path.protocol === 'string') {
    if (path.protocol !== 'file:') {
      const err = new TypeError('The URL must be of scheme file');
      err.code = 'ERR_INVALID_URL_SCHEME';
      throw err;
    }
    path = decodeURIComponent(path.pathname);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  if (path.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, path,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function validateCallback(cb) {
  if (typeof cb !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  }
}

function getOptions(options, defaults) {
  if (options === null || options === undefined || typeof options === 'function') {
    return defaults;
  }
  if (typeof options === 'string') {
    return { ...defaults, encoding: options };
  }
  if (typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  const merged = { ...defaults, ...options };
  if (merged.encoding !== null && merged.encoding !== undefined && merged.encoding !== 'buffer') {
    normalizeEncoding(merged.encoding);
  }
  return merged;
}

const encodings = new Map([
  ['utf8', 'utf8'], ['utf-8', 'utf8'], ['latin1', 'latin1'], ['binary', 'latin1'],
  ['ascii', 'ascii'], ['hex', 'hex'], ['base64', 'base64'], ['base64url', 'base64url'],
  ['ucs2', 'utf16le'], ['ucs-2', 'utf16le'], ['utf16le', 'utf16le'], ['utf-16le', 'utf16le'],
]);

function normalizeEncoding(enc) {
  const found = encodings.get(`${enc}`.toLowerCase());
  if (found === undefined) {
    const err = new TypeError(`The argument 'encoding' is invalid encoding. Received '${enc}'`);
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
  return found;
}

function decode(bytes, encoding) {
  if (encoding === null || encoding === undefined || encoding === 'buffer') return bytes;
  switch (normalizeEncoding(encoding)) {
    case 'utf8': return new TextDecoder().decode(bytes);
    case 'utf16le': return new TextDecoder('utf-16le').decode(bytes);
    case 'latin1': return latin1(bytes, 0xff);
    case 'ascii': return latin1(bytes, 0x7f);
    case 'hex': return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'base64': return btoa(latin1(bytes, 0xff));
    case 'base64url':
      return btoa(latin1(bytes, 0xff)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    default: return bytes;
  }
}

function latin1(bytes, mask) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode.apply(null, mask === 0xff ? chunk : chunk.map((b) => b & mask));
  }
  return out;
}

function encode(data, encoding) {
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (typeof data !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  switch (normalizeEncoding(encoding || 'utf8')) {
    case 'latin1':
    case 'ascii':
      return Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff);
    case 'hex': {
      const n = data.length >> 1;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const byte = parseInt(data.substr(i * 2, 2), 16);
        if (Number.isNaN(byte)) return out.subarray(0, i);
        out[i] = byte;
      }
      return out;
    }
    case 'base64':
    case 'base64url': {
      const s = atob(data.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, ''));
      return Uint8Array.from(s, (c) => c.charCodeAt(0));
    }
    case 'utf16le': {
      const out = new Uint8Array(data.length * 2);
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        out[i * 2] = c & 0xff;
        out[i * 2 + 1] = c >> 8;
      }
      return out;
    }
    default:
      return data; // UTF-8: the binding encodes strings itself
  }
}

function parseMode(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  return mode >>> 0;
}

// ===== Stats =====

const S_IFMT = 0o170000;

class Stats {
  constructor(f) {
    this.dev = f[0];
    this.mode = f[1];
    this.nlink = f[2];
    this.uid = f[3];
    this.gid = f[4];
    this.rdev = f[5];
    this.blksize = f[6];
    this.ino = f[7];
    this.size = f[8];
    this.blocks = f[9];
    this.atimeMs = f[10];
    this.mtimeMs = f[11];
    this.ctimeMs = f[12];
    this.birthtimeMs = f[13];
    this.atime = new Date(f[10]);
    this.mtime = new Date(f[11]);
    this.ctime = new Date(f[12]);
    this.birthtime = new Date(f[13]);
  }
  isFile() { return (this.mode & S_IFMT) === 0o100000; }
  isDirectory() { return (this.mode & S_IFMT) === 0o040000; }
  isSymbolicLink() { return (this.mode & S_IFMT) === 0o120000; }
  isFIFO() { return (this.mode & S_IFMT) === 0o010000; }
  isSocket() { return (this.mode & S_IFMT) === 0o140000; }
  isCharacterDevice() { return (this.mode & S_IFMT) === 0o020000; }
  isBlockDevice() { return (this.mode & S_IFMT) === 0o060000; }
}

// ===== readFile =====

function readFile(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateCallback(callback);
  const opts = getOptions(options, { flag: 'r' });
  path = getValidatedPath(path);
  native.readFile(path, bindToCurrent((err, bytes) => {
    if (err) return callback(err);
    let result;
    try {
      result = decode(bytes, opts.encoding);
    } catch (e) {
      return callback(e);
    }
    callback(null, result);
  }));
}

function readFileSync(path, options) {
  const opts = getOptions(options, { flag: 'r' });
  path = getValidatedPath(path);
  return decode(native.readFileSync(path), opts.encoding);
}

// ===== writeFile =====

function writeFile(path, data, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateCallback(callback);
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  path = getValidatedPath(path, 'path');
  const bytes = encode(data, opts.encoding);
  native.writeFile(path, bytes, `${opts.flag || 'w'}`, parseMode(opts.mode, 0o666),
    bindToCurrent((err) => callback(err || null)));
}

function writeFileSync(path, data, options) {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  path = getValidatedPath(path, 'path');
  native.writeFileSync(path, encode(data, opts.encoding), `${opts.flag || 'w'}`,
    parseMode(opts.mode, 0o666));
}

function appendFile(path, data, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFile(path, data, { ...opts, flag: opts.flag || 'a' }, callback);
}

function appendFileSync(path, data, options) {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFileSync(path, data, { ...opts, flag: opts.flag || 'a' });
}

// ===== stat =====

function stat(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateCallback(callback);
  path = getValidatedPath(path);
  native.stat(path, bindToCurrent((err, fields) => {
    if (err) return callback(err);
    callback(null, new Stats(fields));
  }));
}

function statSync(path, options) {
  path = getValidatedPath(path);
  try {
    return new Stats(native.statSync(path));
  } catch (err) {
    if (options && options.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return native.internalModuleStat(path) >= 0;
}

// ===== directories, links and the rest (binding.fs.op / opAsync) =====

const kType = Symbol('type');
const UV_DIRENT = { FILE: 1, DIR: 2, LINK: 3, FIFO: 4, SOCKET: 5, CHAR: 6, BLOCK: 7 };

class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
  isFile() { return this[kType] === UV_DIRENT.FILE; }
  isDirectory() { return this[kType] === UV_DIRENT.DIR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT.LINK; }
  isFIFO() { return this[kType] === UV_DIRENT.FIFO; }
  isSocket() { return this[kType] === UV_DIRENT.SOCKET; }
  isCharacterDevice() { return this[kType] === UV_DIRENT.CHAR; }
  isBlockDevice() { return this[kType] === UV_DIRENT.BLOCK; }
}

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

// Each operation: how its arguments are read, and what its raw result becomes.
const ops = {
  mkdir: {
    args(path, options) {
      let recursive = false;
      let mode = 0o777;
      if (typeof options === 'number' || typeof options === 'string') {
        mode = parseMode(options, 0o777);
      } else if (options !== null && options !== undefined) {
        if (typeof options !== 'object') {
          throw new codes.ERR_INVALID_ARG_TYPE('options', ['Object', 'number', 'string'], options);
        }
        recursive = options.recursive === undefined ? false : options.recursive;
        if (typeof recursive !== 'boolean') {
          throw new codes.ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', recursive);
        }
        mode = parseMode(options.mode, 0o777);
      }
      return [getValidatedPath(path), recursive, mode];
    },
  },
  rm: {
    args(path, options = {}) {
      if (options === null || typeof options !== 'object') {
        throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      return [getValidatedPath(path), !!options.recursive, !!options.force];
    },
    error: (err) => (err.code === 'EISDIR' && err.syscall === 'rm' ? eisdirError(err) : err),
  },
  rmdir: {
    args(path, options) {
      const recursive = !!(options && options.recursive);
      if (recursive) {
        deprecate('DEP0147', 'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead');
      }
      return [getValidatedPath(path), recursive];
    },
  },
  readdir: {
    args(path, options) {
      const opts = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
      this.opts = opts;
      return [getValidatedPath(path)];
    },
  },
  unlink: { args: (path) => [getValidatedPath(path)] },
  rename: { args: (from, to) => [getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath')] },
  lstat: { args: (path) => [getValidatedPath(path)], result: (fields) => new Stats(fields) },
  access: {
    args(path, mode = 0) {
      if (typeof mode !== 'number' || mode < 0 || mode > 7 || !Number.isInteger(mode)) {
        if (typeof mode !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('mode', 'integer', mode);
        // Node's wording for this one differs from the usual ERR_OUT_OF_RANGE text.
        const err = new RangeError('mode is out of range: >= 0 && <= 7');
        err.code = 'ERR_OUT_OF_RANGE';
        throw err;
      }
      return [getValidatedPath(path), mode];
    },
  },
  copyFile: {
    args: (src, dest, mode = 0) => [getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), mode],
  },
  mkdtemp: {
    args(prefix) {
      if (typeof prefix !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('prefix', 'string', prefix);
      return [getValidatedPath(prefix, 'prefix')];
    },
  },
  realpath: { args: (path) => [getValidatedPath(path)] },
};

const warnedCodes = new Set();
function deprecate(code, message) {
  if (warnedCodes.has(code)) return;
  warnedCodes.add(code);
  process.emitWarning(message, 'DeprecationWarning', code);
}

/** readdir's raw [name, type, ...] list as names or Dirents, recursing when asked. */
function readdirResult(dir, raw, opts, recurse) {
  const out = [];
  const walk = (base, rel, list) => {
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      const type = list[i + 1];
      const relName = rel === '' ? name : `${rel}/${name}`;
      out.push(opts.withFileTypes ? new Dirent(name, type, base) : relName);
      if (opts.recursive && type === UV_DIRENT.DIR) {
        walk(`${base}/${name}`, relName, recurse(`${base}/${name}`));
      }
    }
  };
  walk(dir, '', raw);
  if (opts.encoding === 'buffer' && !opts.withFileTypes) return out.map((n) => Buffer.from(n));
  return out;
}

function syncOp(name) {
  const op = ops[name];
  return function (...args) {
    const state = {};
    const nativeArgs = Reflect.apply(op.args, state, args);
    let raw;
    try {
      raw = native.op(name, ...nativeArgs);
    } catch (err) {
      throw op.error ? op.error(err) : err;
    }
    if (name === 'readdir') {
      return readdirResult(nativeArgs[0], raw, state.opts, (dir) => native.op('readdir', dir));
    }
    return op.result ? op.result(raw) : raw;
  };
}

function asyncOp(name) {
  const op = ops[name];
  return function (...args) {
    const callback = args.pop();
    validateCallback(callback);
    const state = {};
    const nativeArgs = Reflect.apply(op.args, state, args);
    const done = bindToCurrent(callback, 'FSREQCALLBACK');
    native.opAsync(name, ...nativeArgs, (err, raw) => {
      if (err) {
        done(op.error ? op.error(err) : err);
        return;
      }
      let value;
      try {
        value = name === 'readdir'
          ? readdirResult(nativeArgs[0], raw, state.opts, (dir) => native.op('readdir', dir))
          : op.result ? op.result(raw) : raw;
      } catch (e) {
        done(e);
        return;
      }
      done(null, value);
    });
  };
}

const mkdirSync = syncOp('mkdir');
const rmSync = syncOp('rm');
const rmdirSync = syncOp('rmdir');
const readdirSync = syncOp('readdir');
const unlinkSync = syncOp('unlink');
const renameSync = syncOp('rename');
const lstatSync = syncOp('lstat');
const accessSync = syncOp('access');
const copyFileSync = syncOp('copyFile');
const mkdtempSync = syncOp('mkdtemp');
const realpathSync = syncOp('realpath');
realpathSync.native = realpathSync;

const mkdir = asyncOp('mkdir');
const rm = asyncOp('rm');
const rmdir = asyncOp('rmdir');
const readdir = asyncOp('readdir');
const unlink = asyncOp('unlink');
const rename = asyncOp('rename');
const lstat = asyncOp('lstat');
const access = asyncOp('access');
const copyFile = asyncOp('copyFile');
const mkdtemp = asyncOp('mkdtemp');
const realpath = asyncOp('realpath');
realpath.native = realpath;

function exists(path, callback) {
  validateCallback(callback);
  let valid = true;
  try {
    path = getValidatedPath(path);
  } catch {
    valid = false;
  }
  const found = valid && native.internalModuleStat(path) >= 0;
  process.nextTick(callback, found);
}

// ===== promises =====

function promisified(fn) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

const promises = {
  access: promisified(access),
  appendFile: promisified(appendFile),
  copyFile: promisified(copyFile),
  lstat: promisified(lstat),
  mkdir: promisified(mkdir),
  mkdtemp: promisified(mkdtemp),
  readdir: promisified(readdir),
  readFile: promisified(readFile),
  realpath: promisified(realpath),
  rename: promisified(rename),
  rm: promisified(rm),
  rmdir: promisified(rmdir),
  stat: promisified(stat),
  unlink: promisified(unlink),
  writeFile: promisified(writeFile),
};

const constants = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE_FORCE: 4,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024,
  // The rest of Linux's open(2) flags and mode bits, with the values Node reports there.
  O_NOCTTY: 256, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672,
  O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IFMT, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK: 0o120000, S_IFCHR: 0o020000,
  S_IFBLK: 0o060000, S_IFIFO: 0o010000, S_IFSOCK: 0o140000,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o070, S_IRGRP: 0o040, S_IWGRP: 0o020, S_IXGRP: 0o010,
  S_IRWXO: 0o007, S_IROTH: 0o004, S_IWOTH: 0o002, S_IXOTH: 0o001,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, UV_FS_COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4, UV_FS_O_FILEMAP: 0,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
};

module.exports = {
  access,
  accessSync,
  appendFile,
  appendFileSync,
  constants,
  copyFile,
  copyFileSync,
  Dirent,
  exists,
  existsSync,
  lstat,
  lstatSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  promises,
  readdir,
  readdirSync,
  readFile,
  readFileSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmdir,
  rmdirSync,
  rmSync,
  stat,
  statSync,
  Stats,
  unlink,
  unlinkSync,
  writeFile,
  writeFileSync,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
};
