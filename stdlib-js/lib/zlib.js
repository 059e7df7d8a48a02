'use strict';
// node:zlib - gzip, deflate and brotli: the stream classes and create* factories
// (internal/zlib/streams), the whole-buffer forms (deflate(buf, cb) / deflateSync(buf) & co.,
// internal/zlib/engine), zlib.constants and codes, and crc32. The engines are
// bindings/src/zlib.rs; their work runs on the worker pool, or on this thread for the sync forms.
//
// The whole-buffer forms drive an engine directly rather than through a stream (same results
// and errors as Node's stream-based ones, in fewer, larger writes); with `info: true` they go
// through the stream class, since the stream is what `{ buffer, engine }` hands back.

const { Buffer } = require('buffer');
const {
  codes: { ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE }, validateUint32,
} = require('internal/errors');
const { constants, codes } = require('internal/zlib/constants');
const {
  asyncInput, maxFlush, parseOptions, processBufferAsync, processBufferSync, syncInput,
  validateFunction, zb,
} = require('internal/zlib/engine');
const streams = require('internal/zlib/streams');

const {
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
} = constants;
const {
  BrotliCompress, BrotliDecompress, Deflate, DeflateRaw, Gunzip, Gzip, Inflate, InflateRaw,
  Unzip, processChunkSync,
} = streams;

const isAnyArrayBuffer = binding.types.isAnyArrayBuffer;

// ===== whole-buffer forms =====

/** name(buffer[, options]) -> the output Buffer (or { buffer, engine } with options.info). */
function syncForm(name, mode, Class) {
  return {
    [name]: function(buffer, opts) {
      const config = parseOptions(opts, mode);
      if (config.info) {
        const engine = new Class(opts);
        const result = processChunkSync(engine, syncInput(buffer), engine._finishFlushFlag);
        return { buffer: result, engine };
      }
      return processBufferSync(config, syncInput(buffer));
    },
  }[name];
}

/** name(buffer[, options], callback): the same on the worker pool. */
function asyncForm(name, mode, Class) {
  return {
    [name]: function(buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      const config = parseOptions(opts, mode);
      validateFunction(callback, 'callback');
      if (config.info) {
        streamBuffer(new Class(opts), buffer, callback);
        return;
      }
      const input = asyncInput(buffer);
      // As a stream's last chunk: its own flush kind or the finishing one, whichever does more.
      processBufferAsync(config, input, maxFlush(config.flush, config.finishFlush), callback);
    },
  }[name];
}

/** The whole buffer through a stream (info: true), collecting what comes out. */
function streamBuffer(engine, buffer, callback) {
  if (ArrayBuffer.isView(buffer) && !(buffer instanceof Uint8Array)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  const chunks = [];
  let nread = 0;
  engine.on('data', (chunk) => {
    chunks.push(chunk);
    nread += chunk.length;
    if (nread > engine._maxOutputLength) {
      engine.close();
      engine.removeAllListeners('end');
      callback(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
    }
  });
  engine.on('error', (err) => {
    engine.removeAllListeners('end');
    callback(err);
  });
  engine.on('end', () => {
    let result;
    if (nread === 0) result = Buffer.alloc(0);
    else result = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, nread);
    engine.close();
    callback(null, { buffer: result, engine });
  });
  engine.end(buffer);
}

// ===== crc32 =====

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return zb.crc32(data, value);
}

// ===== the module =====

const forms = [
  ['deflate', DEFLATE, Deflate], ['gzip', GZIP, Gzip], ['deflateRaw', DEFLATERAW, DeflateRaw],
  ['unzip', UNZIP, Unzip], ['inflate', INFLATE, Inflate], ['gunzip', GUNZIP, Gunzip],
  ['inflateRaw', INFLATERAW, InflateRaw], ['brotliCompress', BROTLI_ENCODE, BrotliCompress],
  ['brotliDecompress', BROTLI_DECODE, BrotliDecompress],
];

module.exports = {
  crc32,
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,
};
for (const [name, mode, Class] of forms) {
  module.exports[name] = asyncForm(name, mode, Class);
  module.exports[`${name}Sync`] = syncForm(`${name}Sync`, mode, Class);
}
for (const Class of [Deflate, Inflate, DeflateRaw, InflateRaw, Gzip, Gunzip, Unzip,
  BrotliCompress, BrotliDecompress]) {
  const name = `create${Class.name}`;
  module.exports[name] = { [name]: (options) => new Class(options) }[name];
}
Object.defineProperties(module.exports, {
  constants: { value: constants, writable: false, enumerable: true, configurable: false },
  codes: { value: codes, writable: false, enumerable: true, configurable: false },
});
// The old top-level names of the zlib constants (not brotli's), hidden from enumeration.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    value: constants[key], writable: false, enumerable: false, configurable: false,
  });
}

// --trace-sync-io reports the synchronous calls made after the main script has run.
require('internal/process/warning').traceSyncCalls(module.exports,
  Object.keys(module.exports).filter((name) => name.endsWith('Sync')));
