'use strict';
// internal/fs/utils - what every form of node:fs shares (sync, callback, promises, streams):
// argument validation (paths, descriptors, flags, modes, offsets, positions, times), options
// and encodings, the classes built from the binding's raw arrays (Stats, StatFs, Dirent), and
// fs.constants. The binding (bindings/src/fs*.rs) trusts what it gets from here: it reads
// numbers with int32/uint32 conversions and takes null/undefined positions as "current offset".

const { codes, hideStackFrames, validateEncoding, validateInteger, validateInt32, validateUint32,
  validateObject, kValidateObjectAllowNullable } = require('internal/errors');

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
} = codes;

const kEmptyObject = Object.freeze({ __proto__: null });
// The most a single read or write moves (INT32_MAX, as libuv's).
const kIoMaxLength = 2 ** 31 - 1;

/** The binding's whole-file read refuses files past kIoMaxLength with EFBIG: Node's error. */
function tooLarge(err, path) {
  if (err === null || err === undefined || err.code !== 'EFBIG') return err;
  let size = kIoMaxLength + 1;
  try {
    size = binding.fs.statSync(path)[8];
  } catch {
    // the size in the message is all that is lost
  }
  return new (require('internal/errors').codes.ERR_FS_FILE_TOO_LARGE)(size);
}
const kMaxUserId = 2 ** 32 - 1;

// ===== constants (Linux values, as Node reports them there) =====

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

const constants = Object.freeze({
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR: 0o020000, S_IFBLK: 0o060000, S_IFIFO: 0o010000,
  S_IFLNK, S_IFSOCK: 0o140000,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o070, S_IRGRP: 0o040, S_IWGRP: 0o020, S_IXGRP: 0o010,
  S_IRWXO: 0o007, S_IROTH: 0o004, S_IWOTH: 0o002, S_IXOTH: 0o001,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = constants;

// open(2) flags for each of Node's flag strings ('s' = synchronous, 'x' = exclusive; the two
// letters may come in either order).
const flagTable = new Map();
for (const [names, bits] of [
  [['r'], O_RDONLY],
  [['rs', 'sr'], O_RDONLY | O_SYNC],
  [['r+'], O_RDWR],
  [['rs+', 'sr+'], O_RDWR | O_SYNC],
  [['w'], O_TRUNC | O_CREAT | O_WRONLY],
  [['wx', 'xw'], O_TRUNC | O_CREAT | O_WRONLY | O_EXCL],
  [['w+'], O_TRUNC | O_CREAT | O_RDWR],
  [['wx+', 'xw+'], O_TRUNC | O_CREAT | O_RDWR | O_EXCL],
  [['a'], O_APPEND | O_CREAT | O_WRONLY],
  [['ax', 'xa'], O_APPEND | O_CREAT | O_WRONLY | O_EXCL],
  [['as', 'sa'], O_APPEND | O_CREAT | O_WRONLY | O_SYNC],
  [['a+'], O_APPEND | O_CREAT | O_RDWR],
  [['ax+', 'xa+'], O_APPEND | O_CREAT | O_RDWR | O_EXCL],
  [['as+', 'sa+'], O_APPEND | O_CREAT | O_RDWR | O_SYNC],
]) {
  for (const name of names) flagTable.set(name, bits);
}

/** A flags argument (string, number, or nothing for 'r') as open(2) flags. */
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags === null || flags === undefined) return O_RDONLY;
  const bits = flagTable.get(flags);
  if (bits === undefined) throw new ERR_INVALID_ARG_VALUE(name, flags);
  return bits;
}

// ===== paths and descriptors =====

// Fatal: bytes that are not UTF-8 are told apart rather than replaced; a BOM is a path byte.
let pathDecoder;

/**
 * A path argument (string, Buffer/Uint8Array, or file: URL) without NUL bytes. A Unix path is
 * bytes: a Buffer whose bytes are UTF-8 becomes the string they spell (what the rest of fs works
 * with; the binding sends it back as the same bytes), any other stays a Buffer, whose bytes the
 * binding hands to the syscall as they are.
 */
const getValidatedPath = hideStackFrames((path, name = 'path') => {
  if (typeof path === 'string') {
    // checked for NUL below
  } else if (path instanceof Uint8Array) {
    if (path.includes(0)) {
      throw new ERR_INVALID_ARG_VALUE(name, path,
        'must be a string, Uint8Array, or URL without null bytes');
    }
    pathDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      return pathDecoder.decode(path);
    } catch {
      return Buffer.from(path.buffer, path.byteOffset, path.byteLength);
    }
  } else if (path !== null && typeof path === 'object' && typeof path.href === 'string' &&
             typeof path.protocol === 'string') {
    path = require('internal/url').fileURLToPath(path);
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
});

/** `name` (string or bytes) within directory `base` (string or bytes): bytes if either is. */
function joinPath(base, name) {
  if (typeof base === 'string' && typeof name === 'string') return require('path').join(base, name);
  const head = Buffer.from(base);
  const sep = head.length > 0 && head[head.length - 1] !== 0x2f ? [Buffer.from('/')] : [];
  return Buffer.concat([head, ...sep, Buffer.from(name)]);
}

/** A Map key for a path given as a string or as bytes: the same for the same bytes. */
const pathKey = (path) => Buffer.from(path).toString('latin1');

/** A descriptor: an int32 >= 0 (-0 counts as 0). */
const getValidatedFd = hideStackFrames((fd, name = 'fd') => {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
});

const octalPattern = /^[0-7]+$/;

/** A mode argument (number or octal string); `def` when it is null or undefined. */
const parseFileMode = hideStackFrames((value, name, def) => {
  if (value === null || value === undefined) value = def;
  if (typeof value === 'string') {
    if (!octalPattern.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value,
        'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
});

// ===== buffers, offsets and positions =====

const validateBuffer = hideStackFrames((buffer, name = 'buffer') => {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
});

const validateBufferArray = hideStackFrames((buffers, name = 'buffers') => {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
});

const validateStringAfterArrayBufferView = hideStackFrames((buffer, name) => {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
});

const validateOffsetLengthRead = hideStackFrames((offset, length, bufferLength) => {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
});

const validateOffsetLengthWrite = hideStackFrames((offset, length, byteLength) => {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
});

/** A file position: an integer >= -1 (number or bigint) such that a read of `length` fits. */
const validatePosition = hideStackFrames((position, name, length) => {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (position < -1n || position > max) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
});

/**
 * A validated position as the binding takes it: null for "the current offset", else a number,
 * or a bigint past 2^53 (the binding reads bigints exactly; as a number 2^63 - 5 would round
 * up to 2^63 and make the read fail with EINVAL).
 */
function bindingPosition(position) {
  if (position === null || position === undefined || position === -1 || position === -1n) {
    return null;
  }
  if (typeof position === 'bigint' && position <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return Number(position);
  }
  return position;
}

/**
 * The (buffer, offset, length, position) of a read, from any of read's signatures: positional
 * arguments, or an options object (`{ buffer, offset, length, position }`) when
 * `offsetOrOptions` is one. Returns null for a zero-length read (nothing to do).
 */
function readArgs(buffer, offsetOrOptions, length, position, useOptions) {
  let offset = offsetOrOptions;
  if (useOptions) {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    const opts = offsetOrOptions ?? kEmptyObject;
    offset = opts.offset === undefined ? 0 : opts.offset;
    length = opts.length === undefined ? buffer.byteLength - offset : opts.length;
    position = opts.position === undefined ? null : opts.position;
  }
  validateBuffer(buffer);
  if (offset === null || offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return null;
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position === null || position === undefined) position = -1;
  validatePosition(position, 'position', length);
  return { buffer, offset, length, position: bindingPosition(position) };
}

/**
 * The binding call for a write: buffer forms (buffer, offset, length, position or options) or
 * string forms (string, position, encoding). Returns [name, ...arguments].
 */
function writeArgs(fd, buffer, offset, length, position) {
  if (ArrayBuffer.isView(buffer)) {
    if (offset !== null && typeof offset === 'object') {
      const opts = offset;
      offset = opts.offset === undefined ? 0 : opts.offset;
      length = opts.length === undefined ? buffer.byteLength - offset : opts.length;
      position = opts.position === undefined ? null : opts.position;
    }
    if (offset === null || offset === undefined || typeof offset === 'function') offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return ['write', fd, buffer, offset, length, bindingPosition(position)];
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  const encoding = typeof length === 'string' ? length : 'utf8';
  validateEncoding(buffer, encoding);
  position = typeof offset === 'number' || typeof offset === 'bigint' ? bindingPosition(offset) : null;
  if (Buffer.isEncoding(encoding) && !/^utf-?8$/i.test(encoding)) {
    const bytes = Buffer.from(buffer, encoding);
    return ['write', fd, bytes, 0, bytes.byteLength, position];
  }
  return ['writeString', fd, buffer, position];
}

/** The (fd, buffers, position) of readv/writev. */
function vectorArgs(fd, buffers, position) {
  return [getValidatedFd(fd), validateBufferArray(buffers),
    typeof position === 'number' || typeof position === 'bigint' ? bindingPosition(position) : null];
}

// ===== times =====

/** A time argument (seconds, numeric string or Date) as fractional seconds since the epoch. */
const toUnixTimestamp = hideStackFrames((time, name = 'time') => {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
});

// ===== options and encodings =====

const assertEncoding = hideStackFrames((encoding) => {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
});

/** Options given as an encoding string, an object or nothing, merged over `defaults`. */
function getOptions(options, defaults = kEmptyObject) {
  if (options === null || options === undefined || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  } else {
    // Inherited options count, as Node reads them off the object; undefined ones keep defaults.
    const merged = { ...defaults };
    for (const key in options) {
      if (options[key] !== undefined) merged[key] = options[key];
    }
    options = merged;
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    const { validateAbortSignal } = require('internal/errors');
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

/** Bytes (a Uint8Array from the binding) as a Buffer, or decoded when an encoding is given. */
function bytesToResult(bytes, encoding) {
  const buf = bytes instanceof Buffer
    ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === null || encoding === undefined || encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

/**
 * Whether names asked for in `encoding` come from the binding as raw bytes: every encoding but
 * UTF-8 (the binding's strings) encodes the bytes themselves, as Node's do.
 */
function namesAsBytes(encoding) {
  return encoding !== undefined && encoding !== null && !/^utf-?8$/i.test(encoding);
}

/**
 * A path or name from the binding in the requested encoding: a string, or the raw bytes (a
 * Uint8Array) the binding gives when asked for 'buffer'.
 */
function stringToResult(text, encoding) {
  if (typeof text !== 'string') {
    const buf = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    return encoding === 'buffer' ? buf : buf.toString(encoding || 'utf8');
  }
  if (encoding === 'buffer') return Buffer.from(text);
  if (encoding === null || encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') {
    return text;
  }
  return Buffer.from(text).toString(encoding);
}

/** Data for a write: strings become Buffers in `encoding`; views are seen as bytes. */
function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (data instanceof Buffer) return data;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

// ===== Stats, StatFs, Dirent =====

function dateFromMs(ms) {
  return new Date(Math.round(ms));
}

// A Stats or BigIntStats from the binding's 14-number array (dev, mode, nlink, uid, gid, rdev,
// blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs).
function fileType(stats) {
  return Number(stats.mode) & S_IFMT;
}

class StatsBase {
  isFile() { return fileType(this) === S_IFREG; }
  isDirectory() { return fileType(this) === S_IFDIR; }
  isSymbolicLink() { return fileType(this) === S_IFLNK; }
  isFIFO() { return fileType(this) === constants.S_IFIFO; }
  isSocket() { return fileType(this) === constants.S_IFSOCK; }
  isCharacterDevice() { return fileType(this) === constants.S_IFCHR; }
  isBlockDevice() { return fileType(this) === constants.S_IFBLK; }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  // Made oldest first (birth <= mtime <= ctime, usually): V8's time-zone cache then extends one
  // range forward over all four; newest first left a one-instant range per time, probed anew
  // on every Date.
  const birthtime = dateFromMs(birthtimeMs);
  const mtime = dateFromMs(mtimeMs);
  const ctime = dateFromMs(ctimeMs);
  this.atime = dateFromMs(atimeMs);
  this.mtime = mtime;
  this.ctime = ctime;
  this.birthtime = birthtime;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(Number(this.atimeMs));
  this.mtime = dateFromMs(Number(this.mtimeMs));
  this.ctime = dateFromMs(Number(this.ctimeMs));
  this.birthtime = dateFromMs(Number(this.birthtimeMs));
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);

/**
 * Stats from the binding's 14 numbers, or BigIntStats (`bigint`) from its exact form (the
 * `...BigInt` stat operations): 10 counts, then seconds and nanoseconds of each of the 4 times.
 */
function getStatsFromBinding(f, bigint = false) {
  if (!bigint) {
    return new Stats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
      f[12], f[13]);
  }
  const ns = [];
  for (let i = 10; i < 18; i += 2) ns.push(f[i] * 1000000000n + f[i + 1]);
  return Reflect.construct(BigIntStats, [...f.slice(0, 10), ...ns]);
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(f, bigint = false) {
  return Reflect.construct(StatFs, bigint ? f.map((n) => BigInt(n)) : f);
}

const kType = Symbol('type');

class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
}

// ===== warnings =====

const warned = new Set();
function deprecate(code, message) {
  if (warned.has(code)) return;
  warned.add(code);
  process.emitWarning(message, 'DeprecationWarning', code);
}

/**
 * node:fs's own functions, as fs.js defined them: a caller that finds one of them in place (not
 * patched over by a user) may do its work directly.
 */
const originals = { __proto__: null };

module.exports = {
  originals,
  assertEncoding,
  bindingPosition,
  BigIntStats,
  bytesToResult,
  constants,
  deprecate,
  Dirent,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  joinPath,
  namesAsBytes,
  pathKey,
  kEmptyObject,
  kIoMaxLength,
  tooLarge,
  kMaxUserId,
  parseFileMode,
  readArgs,
  StatFs,
  Stats,
  stringToFlags,
  stringToResult,
  toBytes,
  toUnixTimestamp,
  validateBuffer,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateStringAfterArrayBufferView,
  vectorArgs,
  writeArgs,
};
