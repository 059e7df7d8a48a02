'use strict';
// Eddy's compressed output, decoded by node. Two steps, in two runtimes:
//   eddy cross_check.js write DIR   # compresses inputs every way, into DIR (+ manifest.json)
//   node cross_check.js check DIR   # decodes each file with node's zlib; exit 1 on a mismatch
// (tests/e2e.rs runs both when `node` is on PATH.)
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const text = require('./text.js');

const { constants: c } = zlib;
const [mode, dir] = process.argv.slice(2);

function random(n) {
  const out = Buffer.allocUnsafe(n);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i += 4) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out.writeInt32LE(x, i);
  }
  return out;
}

const inputs = { text: text(300 * 1024), random: random(256 * 1024), empty: Buffer.alloc(0) };
const dictionary = Buffer.from('fairly repetitive text with numbers');
// [name, method, options, decode method, decode options]
const variants = [
  ['deflate', 'deflateSync', {}, 'inflateSync'],
  ['deflate-l0', 'deflateSync', { level: 0 }, 'inflateSync'],
  ['deflate-l1', 'deflateSync', { level: 1 }, 'inflateSync'],
  ['deflate-l9-w9', 'deflateSync', { level: 9, windowBits: 9, memLevel: 1 }, 'inflateSync'],
  ['deflate-filtered', 'deflateSync', { strategy: c.Z_FILTERED }, 'inflateSync'],
  ['deflate-huffman', 'deflateSync', { strategy: c.Z_HUFFMAN_ONLY }, 'inflateSync'],
  ['deflate-rle', 'deflateSync', { strategy: c.Z_RLE }, 'inflateSync'],
  ['deflate-fixed', 'deflateSync', { strategy: c.Z_FIXED }, 'inflateSync'],
  ['deflate-dict', 'deflateSync', { dictionary }, 'inflateSync', { dictionary }],
  ['raw', 'deflateRawSync', {}, 'inflateRawSync'],
  ['raw-w8', 'deflateRawSync', { windowBits: 8 }, 'inflateRawSync', { windowBits: 9 }],
  ['raw-dict', 'deflateRawSync', { dictionary }, 'inflateRawSync', { dictionary }],
  ['gzip', 'gzipSync', {}, 'gunzipSync'],
  ['gzip-l9', 'gzipSync', { level: 9 }, 'gunzipSync'],
  ['brotli', 'brotliCompressSync', {}, 'brotliDecompressSync'],
  ['brotli-q1', 'brotliCompressSync', { params: { [c.BROTLI_PARAM_QUALITY]: 1 } },
   'brotliDecompressSync'],
  ['brotli-q5-text', 'brotliCompressSync', {
    params: { [c.BROTLI_PARAM_QUALITY]: 5, [c.BROTLI_PARAM_MODE]: c.BROTLI_MODE_TEXT,
              [c.BROTLI_PARAM_LGWIN]: 18, [c.BROTLI_PARAM_SIZE_HINT]: 300 * 1024 },
  }, 'brotliDecompressSync'],
];
// Streams with flushes between the pieces: the output must still be one valid stream.
const streamed = [
  ['gzip-stream', 'createGzip', c.Z_SYNC_FLUSH, 'gunzipSync'],
  ['deflate-stream', 'createDeflate', c.Z_FULL_FLUSH, 'inflateSync'],
  ['raw-stream', 'createDeflateRaw', c.Z_PARTIAL_FLUSH, 'inflateRawSync'],
  ['brotli-stream', 'createBrotliCompress', c.BROTLI_OPERATION_FLUSH, 'brotliDecompressSync'],
];

async function write() {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = [];
  const add = (file, input, decode, options) => {
    manifest.push({ file, decode, options, length: input.length, crc: zlib.crc32(input) });
  };
  for (const [inputName, input] of Object.entries(inputs)) {
    for (const [name, method, options, decode, decodeOptions] of variants) {
      const file = `${inputName}.${name}`;
      fs.writeFileSync(path.join(dir, file), zlib[method](input, options));
      add(file, input, decode, decodeOptions);
    }
    for (const [name, create, flush, decode] of streamed) {
      const stream = zlib[create]();
      const parts = [];
      stream.on('data', (d) => parts.push(d));
      const step = Math.max(1, Math.ceil(input.length / 5));
      for (let i = 0; i < input.length; i += step) {
        stream.write(input.subarray(i, i + step));
        await new Promise((resolve) => stream.flush(flush, resolve));
      }
      await new Promise((resolve) => stream.end(resolve));
      await new Promise((resolve) => (stream.readableEnded ? resolve() : stream.on('end', resolve)));
      const file = `${inputName}.${name}`;
      fs.writeFileSync(path.join(dir, file), Buffer.concat(parts));
      add(file, input, decode);
    }
  }
  // Concatenated gzip members from Eddy, as one stream.
  const members = Buffer.concat([zlib.gzipSync(inputs.text), zlib.gzipSync(inputs.random)]);
  fs.writeFileSync(path.join(dir, 'members.gz'), members);
  add('members.gz', Buffer.concat([inputs.text, inputs.random]), 'gunzipSync');
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  console.log(`wrote ${manifest.length} files`);
}

function revive(options) {
  if (!options) return options;
  const out = { ...options };
  if (out.dictionary) out.dictionary = Buffer.from(out.dictionary.data);
  return out;
}

function check() {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const failed = [];
  for (const { file, decode, options, length, crc } of manifest) {
    try {
      const out = zlib[decode](fs.readFileSync(path.join(dir, file)), revive(options));
      if (out.length !== length || zlib.crc32(out) !== crc) failed.push(`${file}: wrong output`);
    } catch (e) {
      failed.push(`${file}: ${e.message}`);
    }
  }
  for (const f of failed) console.log(`FAIL ${f}`);
  console.log(`${manifest.length - failed.length} of ${manifest.length} decoded by ${process.release.name}`);
  process.exitCode = failed.length ? 1 : 0;
}

if (mode === 'write') write();
else if (mode === 'check') check();
else console.log('usage: cross_check.js write|check DIR');
