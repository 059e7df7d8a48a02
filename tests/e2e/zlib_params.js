// deflate.params(level, strategy, cb) mid-stream: the callback runs, the stream carries on with
// the new settings, and the output round-trips (the compressed bytes themselves may differ
// from Node's zlib, so only decoded results are printed).
'use strict';
const zlib = require('zlib');
const { Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_DEFAULT_STRATEGY } = zlib.constants;

const text = Buffer.from('the quick brown fox jumps over the lazy dog. '.repeat(3000));

function run(name, Class, inflate, steps) {
  return new Promise((resolve) => {
    const stream = new Class({ level: 1 });
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', (e) => console.log(name, 'error', e.code));
    stream.on('end', () => {
      const out = inflate(Buffer.concat(chunks));
      console.log(name, 'round-trips:', out.equals(text), 'length', out.length);
      resolve();
    });
    let offset = 0;
    const piece = Math.ceil(text.length / (steps.length + 1));
    const next = (i) => {
      stream.write(text.subarray(offset, offset + piece));
      offset += piece;
      if (i === steps.length) {
        stream.end(text.subarray(offset));
        return;
      }
      const [level, strategy] = steps[i];
      stream.params(level, strategy, (...args) => {
        console.log(name, 'params', level, strategy, 'callback args', args.length);
        next(i + 1);
      });
    };
    next(0);
  });
}

(async () => {
  const steps = [[9, Z_FILTERED], [0, Z_DEFAULT_STRATEGY], [5, Z_HUFFMAN_ONLY], [5, Z_HUFFMAN_ONLY],
                 [3, Z_RLE]];
  await run('deflate', zlib.Deflate, zlib.inflateSync, steps);
  await run('deflateRaw', zlib.DeflateRaw, zlib.inflateRawSync, steps);
  await run('gzip', zlib.Gzip, zlib.gunzipSync, steps);
  // Unchanged settings: the callback still runs, asynchronously.
  const d = zlib.createDeflate({ level: 6 });
  let sync = true;
  d.params(6, Z_DEFAULT_STRATEGY, () => console.log('same settings callback, sync:', sync));
  sync = false;
  d.end();
  d.resume();
  // Bad arguments throw Node's range errors before anything happens.
  for (const [level, strategy] of [[10, 0], [-2, 0], [6, 5], ['6', 0]]) {
    try {
      zlib.createDeflate().params(level, strategy, () => {});
      console.log('no throw', level, strategy);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
})();
