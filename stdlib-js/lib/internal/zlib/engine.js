'use strict';
// internal/zlib/engine: the JS side of `binding.zlib` (bindings/src/zlib.rs) for node:zlib -
// option validation with Node's errors, the engine handle (create/init/close, freed by GC when a
// stream is dropped unclosed), the binding's error objects turned into Node's zlib errors, and
// the whole-buffer jobs behind deflateSync/deflate(cb) & co.
//
// The binding contract: `create(mode)` -> id; `init(id, ...)` -> 0 or a failure code;
// `writeSync(id, flush, in, inOff, inLen, out, outOff, outLen)` -> [availOutAfter, availInAfter]
// or { message, errno, code }; `write(...same, cb)` runs on the worker pool and calls
// cb(error | null, availOutAfter, availInAfter) - the buffers are the engine's until then.
// An engine makes output until its output space is full (availOutAfter 0: call again with the
// rest of the input) or it wants more input; input left with output space to spare means the
// compressed stream ended before the input did.

const { Buffer } = require('buffer');
const {
  codes: errorCodes, E, validateFunction,
} = require('internal/errors');
const { constants } = require('internal/zlib/constants');

const zb = binding.zlib;

if (errorCodes.ERR_ZLIB_INITIALIZATION_FAILED === undefined) {
  E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
}
const {
  ERR_BROTLI_INVALID_PARAM, ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
  ERR_ZLIB_INITIALIZATION_FAILED,
} = errorCodes;

const {
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL,
  Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY,
  Z_FIXED, Z_MIN_CHUNK, Z_DEFAULT_CHUNK, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

// Read once, when zlib loads (tests shrink buffer.kMaxLength around the require).
const kMaxLength = require('buffer').kMaxLength;

// The highest BROTLI_PARAM_* / BROTLI_DECODER_PARAM_* key.
const kMaxBrotliParam = 8;
// The decoder's parameters (DISABLE_RING_BUFFER_REALLOCATION, LARGE_WINDOW); others fail init.
const kBrotliDecoderParams = [0, 1];

const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;
const isArrayBufferView = ArrayBuffer.isView;

// ===== errors =====

/** The binding's `{ message, errno, code }` as the Error node:zlib reports. */
function zlibError(info) {
  const error = new Error(info.message);
  error.errno = info.errno;
  error.code = info.code;
  return error;
}

// ===== options =====

/** Node's rule: undefined and NaN mean "use the default"; Infinity and non-numbers throw. */
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  if (typeof number !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', number);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

const isBrotli = (mode) => mode === BROTLI_DECODE || mode === BROTLI_ENCODE;

/**
 * Everything a zlib or brotli engine is made from, validated as Node validates it (zlib's own
 * options or brotli's params first, then the shared ones). `opts` may be anything: only an
 * object's fields count.
 */
function parseOptions(opts, mode) {
  const config = {
    mode,
    windowBits: 0, level: 0, memLevel: 0, strategy: 0, dictionary: undefined,
    params: null,
    chunkSize: Z_DEFAULT_CHUNK,
    flush: 0, finishFlush: 0, fullFlush: 0,
    maxOutputLength: kMaxLength,
    info: opts ? opts.info : undefined,
  };
  if (isBrotli(mode)) {
    config.params = brotliParams(opts);
    config.flush = BROTLI_OPERATION_PROCESS;
    config.finishFlush = BROTLI_OPERATION_FINISH;
    config.fullFlush = BROTLI_OPERATION_FLUSH;
  } else {
    zlibOptions(config, opts, mode);
    config.flush = Z_NO_FLUSH;
    config.finishFlush = Z_FINISH;
    config.fullFlush = Z_FULL_FLUSH;
  }
  if (opts) {
    const chunkSize = opts.chunkSize;
    if (checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      if (chunkSize < Z_MIN_CHUNK) {
        throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
      }
      config.chunkSize = chunkSize;
    }
    const maxFlushValue = isBrotli(mode) ? BROTLI_OPERATION_EMIT_METADATA : Z_BLOCK;
    config.flush = checkRangesOrGetDefault(opts.flush, 'options.flush', 0, maxFlushValue,
                                           config.flush);
    config.finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', 0,
                                                 maxFlushValue, config.finishFlush);
    config.maxOutputLength = checkRangesOrGetDefault(
      opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
  }
  return config;
}

function zlibOptions(config, opts, mode) {
  config.windowBits = Z_DEFAULT_WINDOWBITS;
  config.level = Z_DEFAULT_COMPRESSION;
  config.memLevel = Z_DEFAULT_MEMLEVEL;
  config.strategy = Z_DEFAULT_STRATEGY;
  if (!opts) {
    // Decompressors default to the window size the stream's header names.
    if (mode === INFLATE || mode === GUNZIP || mode === UNZIP) config.windowBits = 0;
    return;
  }
  let windowBits = opts.windowBits;
  // Raw deflate cannot use a 256-byte window; zlib's wrapped formats quietly use 512 for it.
  if (mode === DEFLATERAW && windowBits === 8) windowBits = 9;
  if ((windowBits == null || windowBits === 0) &&
      (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
    config.windowBits = 0;
  } else {
    const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
    config.windowBits = checkRangesOrGetDefault(windowBits, 'options.windowBits', min,
                                                Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
  }
  config.level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
                                         Z_DEFAULT_COMPRESSION);
  config.memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
                                            Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
  config.strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy',
                                            Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
  let dictionary = opts.dictionary;
  if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
    if (!isAnyArrayBuffer(dictionary)) {
      throw new ERR_INVALID_ARG_TYPE('options.dictionary',
                                     ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                     dictionary);
    }
    dictionary = Buffer.from(dictionary);
  }
  config.dictionary = dictionary;
}

/** `options.params` as the [key, value, ...] list `init` takes (values as uint32, like Node). */
function brotliParams(opts) {
  const pairs = [];
  const params = opts ? opts.params : undefined;
  if (!params) return pairs;
  const seen = new Set();
  for (const origKey of Object.keys(params)) {
    const key = +origKey;
    if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || seen.has(key)) {
      throw new ERR_BROTLI_INVALID_PARAM(origKey);
    }
    seen.add(key);
    const value = params[origKey];
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
    }
    const word = +value >>> 0;
    // All ones is Node's "not set" marker.
    if (word !== 0xffffffff) pairs.push(key, word);
  }
  return pairs;
}

// ===== the engine handle =====

// An engine whose stream was dropped without close() is freed when the handle is collected.
const registry = new FinalizationRegistry((id) => zb.close(id));

/**
 * One engine. Also carries the state of the write in flight for the stream that owns it (the
 * chunk, where in it the engine is, the write callback), as Node's handle does.
 */
class ZlibHandle {
  constructor(mode, tracked) {
    this.mode = mode;
    this.id = zb.create(mode);
    this.tracked = tracked;
    // Unzip: how much of the gzip magic the input began with (2: a gzip stream, whose
    // members may follow one another; -1: not gzip, or not Unzip).
    this.gzipMagic = mode === UNZIP ? 0 : -1;
    this.owner = null;
    this.buffer = null;
    this.cb = null;
    this.onWrite = null;
    this.inOff = 0;
    this.availInBefore = 0;
    this.availOutBefore = 0;
    this.flushFlag = 0;
    if (tracked) registry.register(this, this.id, this);
  }

  /** Sets the engine up from parseOptions' config; throws Node's error when the engine refuses. */
  init(config) {
    let result;
    if (this.mode === BROTLI_ENCODE) {
      result = zb.init(this.id, config.params);
    } else if (this.mode === BROTLI_DECODE) {
      const params = config.params;
      result = 0;
      for (let i = 0; i < params.length; i += 2) {
        if (!kBrotliDecoderParams.includes(params[i])) result = -1;
      }
      if (result === 0) result = zb.init(this.id, params);
    } else {
      result = zb.init(this.id, config.windowBits, config.level, config.memLevel,
                       config.strategy, config.dictionary);
    }
    if (result !== 0) {
      this.close();
      throw new ERR_ZLIB_INITIALIZATION_FAILED();
    }
  }

  close() {
    if (this.id === 0) return;
    if (this.tracked) registry.unregister(this);
    zb.close(this.id);
    this.id = 0;
  }

  reset() {
    if (this.mode === UNZIP) this.gzipMagic = 0;
    return zb.reset(this.id);
  }

  /** New level and strategy; Node changes them for deflate and raw deflate only (not gzip). */
  params(level, strategy) {
    if (this.mode !== DEFLATE && this.mode !== DEFLATERAW) return 0;
    return zb.params(this.id, level, strategy);
  }

  /** Unzip: notes the first bytes of the input (the gzip magic 1f 8b, or not). */
  noteInput(buf, off, len) {
    while (this.gzipMagic === 0 || this.gzipMagic === 1) {
      if (len === 0) return;
      if (buf[off] !== (this.gzipMagic === 0 ? 0x1f : 0x8b)) {
        this.gzipMagic = -1;
        return;
      }
      this.gzipMagic++;
      off++;
      len--;
    }
  }

  /**
   * Unzip of gzip data whose member ended with input left: another member follows, as Gunzip
   * handles in the engine itself - unless the rest starts with a zero byte (padding).
   */
  nextMember(buf, off) {
    if (this.gzipMagic !== 2 || buf[off] === 0) return false;
    zb.reset(this.id);
    return true;
  }
}

/** A new engine for `config`, or Node's initialization error. */
function createHandle(config, tracked) {
  const handle = new ZlibHandle(config.mode, tracked);
  handle.init(config);
  return handle;
}

// ===== whole-buffer jobs (the convenience forms) =====

// Sync jobs make their first output in this scratch space and copy the result out, so a small
// deflateSync allocates nothing but its result. Nothing else runs while a sync job does.
const kScratchSize = 64 * 1024;
let scratch = null;
// The largest output slab a job asks for at once.
const kMaxSlab = 64 * 1024 * 1024;

/** How much output space the first write gets: enough for all of it when compressing. */
function firstOutputSize(mode, inputLength) {
  if (mode === DEFLATE || mode === GZIP || mode === DEFLATERAW || mode === BROTLI_ENCODE) {
    return Math.min(inputLength + (inputLength >>> 10) + 64, kMaxSlab);
  }
  return Math.min(Math.max(inputLength * 4, 1024), kMaxSlab);
}

/** One input buffer through an engine to the end, collecting the output. */
class BufferJob {
  constructor(handle, input, flush, maxOutputLength, sync) {
    this.handle = handle;
    this.input = input;
    this.flush = flush;
    this.max = maxOutputLength;
    this.inOff = 0;
    this.availIn = input.byteLength;
    this.chunks = [];
    this.total = 0;
    this.nextSize = firstOutputSize(handle.mode, input.byteLength);
    this.out = null;
    this.outSize = 0;
    this.sync = sync;
    this.firstSize = 0;
    if (handle.gzipMagic === 0) handle.noteInput(input, 0, input.byteLength);
  }

  /** The output space for the next write. */
  prepare() {
    let size = Math.min(this.nextSize, this.max - this.total + 1);
    if (size < 1) size = 1;
    if (this.sync && this.chunks.length === 0 && size <= kScratchSize) {
      scratch ??= Buffer.allocUnsafeSlow(kScratchSize);
      this.out = scratch;
      size = Math.min(kScratchSize, this.max - this.total + 1);
    } else {
      this.out = Buffer.allocUnsafe(size);
    }
    this.outSize = size;
    this.nextSize = Math.min(Math.max(size, this.nextSize) * 2, kMaxSlab);
  }

  /**
   * Takes one write's result: true when the engine needs another write. Throws
   * ERR_BUFFER_TOO_LARGE once the output passes maxOutputLength.
   */
  advance(availOutAfter, availInAfter) {
    const have = this.outSize - availOutAfter;
    this.inOff += this.availIn - availInAfter;
    this.availIn = availInAfter;
    if (have > 0) {
      if (this.chunks.length === 0) this.firstSize = this.outSize;
      this.chunks.push(have === this.out.length ? this.out : this.out.subarray(0, have));
      this.total += have;
      if (this.total > this.max) throw new ERR_BUFFER_TOO_LARGE(this.max);
    }
    if (availOutAfter === 0) return true;
    return availInAfter > 0 && this.handle.nextMember(this.input, this.inOff);
  }

  result() {
    const { chunks, total } = this;
    if (total === 0) return Buffer.alloc(0);
    // A lone chunk is kept when it fills most of its slab (or the slab is small); copied out
    // of scratch or of a slab it would pin for nothing.
    if (chunks.length === 1 && chunks[0].buffer !== scratch?.buffer &&
        (total * 2 >= this.firstSize || this.firstSize <= 4096)) {
      return chunks[0];
    }
    return Buffer.concat(chunks, total);
  }
}

// Compressors the sync forms keep between calls, by settings: a deflateReset is much cheaper
// than setting up an engine (its tables are allocated, faulted in and zeroed). Only plain
// compressors: a decompressor adopts the window size of the data it last read.
const kMaxIdle = 4;
const idle = new Map();

function idleKey(config) {
  const mode = config.mode;
  if ((mode !== DEFLATE && mode !== GZIP && mode !== DEFLATERAW) ||
      config.dictionary !== undefined) {
    return undefined;
  }
  return `${mode}/${config.windowBits}/${config.level}/${config.memLevel}/${config.strategy}`;
}

function takeEngine(config, key) {
  if (key !== undefined) {
    const handle = idle.get(key);
    if (handle !== undefined) {
      idle.delete(key);
      return handle;
    }
  }
  return createHandle(config, false);
}

/** Back to the idle set once reset, or closed. */
function releaseEngine(handle, key, ok) {
  if (!ok || key === undefined || idle.has(key) || handle.reset() !== 0) {
    handle.close();
    return;
  }
  if (idle.size >= kMaxIdle) {
    const [oldest, old] = idle.entries().next().value;
    idle.delete(oldest);
    old.close();
  }
  idle.set(key, handle);
}

/** `input` through an engine for `config`, all on this thread; returns the output. */
function processBufferSync(config, input) {
  const key = idleKey(config);
  const handle = takeEngine(config, key);
  const job = new BufferJob(handle, input, config.finishFlush, config.maxOutputLength, true);
  const id = handle.id;
  let ok = false;
  try {
    for (;;) {
      job.prepare();
      const r = zb.writeSync(id, job.flush, input, job.inOff, job.availIn, job.out, 0,
                             job.outSize);
      if (!Array.isArray(r)) throw zlibError(r);
      if (!job.advance(r[0], r[1])) break;
    }
    ok = true;
  } finally {
    releaseEngine(handle, key, ok);
  }
  return job.result();
}

/** The same on the worker pool, one write at a time; then callback(error, output). */
function processBufferAsync(config, input, flush, callback) {
  const handle = createHandle(config, false);
  const job = new BufferJob(handle, input, flush, config.maxOutputLength, false);
  const id = handle.id;
  const next = () => {
    job.prepare();
    zb.write(id, job.flush, input, job.inOff, job.availIn, job.out, 0, job.outSize, done);
  };
  const done = (error, availOutAfter, availInAfter) => {
    let more;
    try {
      if (error !== null) throw zlibError(error);
      more = job.advance(availOutAfter, availInAfter);
    } catch (err) {
      handle.close();
      callback(err);
      return;
    }
    if (more) {
      next();
    } else {
      handle.close();
      callback(null, job.result());
    }
  };
  next();
}

// ===== inputs of the convenience forms =====

/** The sync forms' input: a string, any view or an ArrayBuffer. */
function syncInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (isArrayBufferView(buffer)) return buffer;
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new ERR_INVALID_ARG_TYPE('buffer',
                                 ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
                                 buffer);
}

/** The callback forms' input: what a stream's end() takes (null/undefined: no data). */
function asyncInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (isArrayBufferView(buffer)) {
    if (buffer instanceof Uint8Array) return buffer;
    return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  if (buffer === null || buffer === undefined) return Buffer.alloc(0);
  throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
}

// ===== flush kinds =====

// Node's order of "how much a flush does", used to pick the flush of a stream's last chunk:
// Z_NO_FLUSH < Z_BLOCK < Z_PARTIAL_FLUSH < Z_SYNC_FLUSH < Z_FULL_FLUSH < Z_FINISH.
const flushRank = [];
[Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH]
  .forEach((flag, i) => { flushRank[flag] = i; });

function maxFlush(a, b) {
  return flushRank[a] > flushRank[b] ? a : b;
}

module.exports = {
  ZlibHandle,
  asyncInput,
  checkRangesOrGetDefault,
  createHandle,
  isBrotli,
  maxFlush,
  parseOptions,
  processBufferAsync,
  processBufferSync,
  syncInput,
  validateFunction,
  zlibError,
  zb,
};
