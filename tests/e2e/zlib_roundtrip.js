'use strict';
// 10 MB of random bytes (and 1 MB of text) through every codec pair — sync, callback and a
// stream pipeline fed 64 KiB at a time — compared by CRC-32 and length, not printed.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');
const text = require('./zlib/text.js');

function random(n, seed) {
  const out = Buffer.allocUnsafe(n);
  let x = seed;
  for (let i = 0; i < n; i += 4) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out.writeInt32LE(x, i);
  }
  return out;
}

const { BROTLI_PARAM_QUALITY } = zlib.constants;
// Each encoder with the decoders that read its output.
const codecs = [
  ['deflate', ['inflate', 'unzip']], ['deflateRaw', ['inflateRaw']],
  ['gzip', ['gunzip', 'unzip']], ['brotliCompress', ['brotliDecompress']],
];
const inputs = [
  ['random', random(10 * 1024 * 1024, 88172645), { level: 1 }, { [BROTLI_PARAM_QUALITY]: 1 }],
  ['text', text(1024 * 1024), {}, { [BROTLI_PARAM_QUALITY]: 5 }],
];
const create = (name) => `create${name[0].toUpperCase()}${name.slice(1)}`;
const sum = (buf) => `${buf.length}/${zlib.crc32(buf)}`;

function streamed(input, enc, decoders, opts) {
  return Promise.all(decoders.map((dec) => new Promise((resolve, reject) => {
    let off = 0;
    const src = new Readable({
      read() {
        this.push(off < input.length ? input.subarray(off, off += 65536) : null);
      },
    });
    let crc = 0;
    let length = 0;
    const sink = new Writable({
      write(chunk, encoding, cb) {
        crc = zlib.crc32(chunk, crc);
        length += chunk.length;
        cb();
      },
    });
    pipeline(src, zlib[create(enc)](opts), zlib[create(dec)](), sink, (err) => {
      if (err) reject(err);
      else resolve(`${length}/${crc}`);
    });
  })));
}

const callback = (fn, input, opts) => new Promise((resolve, reject) => {
  fn(input, opts, (err, out) => (err ? reject(err) : resolve(out)));
});

(async () => {
  for (const [label, input, zopts, params] of inputs) {
    const want = sum(input);
    console.log(label, want);
    for (const [enc, decoders] of codecs) {
      const opts = enc.startsWith('brotli') ? { params } : zopts;
      const packed = zlib[`${enc}Sync`](input, opts);
      const packedAsync = await callback(zlib[enc], input, opts);
      const streams = await streamed(input, enc, decoders, opts);
      for (let i = 0; i < decoders.length; i++) {
        const dec = decoders[i];
        const sync = sum(zlib[`${dec}Sync`](packed));
        const async = sum(await callback(zlib[dec], packedAsync, {}));
        console.log(`  ${enc} -> ${dec}: sync ${sync === want}, callback ${async === want},` +
                    ` stream ${streams[i] === want}, smaller ${packed.length < input.length}`);
      }
    }
  }
})();
