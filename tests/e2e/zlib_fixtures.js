'use strict';
// Fixtures compressed by node (zlib/make_fixtures.js), decoded by the sync, callback and
// stream forms — the stream fed one byte at a time for the small ones.
const fs = require('fs');
const zlib = require('zlib');
const text = require('./zlib/text.js')(64 * 1024);

const fixture = (name) => fs.readFileSync(`${__dirname}/zlib/${name}`);
const describe = (out) => (out.equals(text) ? 'the text' :
  `${out.length} bytes ${JSON.stringify(out.toString().slice(0, 60))}`);

const cases = [
  ['text.gz', 'gunzip'], ['text.gz', 'unzip'], ['text-1.gz', 'gunzip'],
  ['text-9-filtered.gz', 'gunzip'], ['text.zz', 'inflate'], ['text.zz', 'unzip'],
  ['text-w9.zz', 'inflate'], ['text.raw', 'inflateRaw'], ['text-rle.raw', 'inflateRaw'],
  ['text-stored.zz', 'inflate'], ['text-fixed.zz', 'inflate'], ['text.br', 'brotliDecompress'],
  ['text-q4-text.br', 'brotliDecompress'], ['members.gz', 'gunzip'], ['members.gz', 'unzip'],
  ['padded.gz', 'gunzip'], ['empty.gz', 'gunzip'], ['empty.br', 'brotliDecompress'],
  ['flushed.gz', 'gunzip'], ['headers.gz', 'gunzip'], ['headers.gz', 'unzip'],
];
const dict = { dictionary: Buffer.from('line of some') };

function viaStream(method, data, opts, step) {
  const create = `create${method[0].toUpperCase()}${method.slice(1)}`;
  return new Promise((resolve, reject) => {
    const s = zlib[create](opts);
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.on('error', reject);
    s.on('end', () => resolve(Buffer.concat(parts)));
    for (let i = 0; i < data.length; i += step) s.write(data.subarray(i, i + step));
    s.end();
  });
}

(async () => {
  for (const [name, method] of cases) {
    const data = fixture(name);
    const sync = zlib[`${method}Sync`](data);
    const async = await new Promise((resolve, reject) => {
      zlib[method](data, (err, out) => (err ? reject(err) : resolve(out)));
    });
    const streamed = await viaStream(method, data, undefined, data.length < 200 ? 1 : 4093);
    console.log(`${name} ${method}: ${describe(sync)}; callback ${async.equals(sync)};` +
                ` stream ${streamed.equals(sync)}`);
  }
  console.log('dict.zz', describe(zlib.inflateSync(fixture('dict.zz'), dict)));
  console.log('dict.raw', describe(zlib.inflateRawSync(fixture('dict.raw'), dict)));
  const streamedDict = await viaStream('inflate', fixture('dict.zz'), dict, 100);
  console.log('dict.zz stream', describe(streamedDict));
  try {
    zlib.inflateSync(fixture('dict.zz'));
  } catch (e) {
    console.log('dict.zz without it:', e.code, e.errno, e.message);
  }
  // Windows and levels the data was not made with still decode it.
  console.log('text.zz windowBits 15', describe(zlib.inflateSync(fixture('text.zz'),
                                                                  { windowBits: 15 })));
  try {
    zlib.inflateSync(fixture('text.zz'), { windowBits: 9 });
  } catch (e) {
    console.log('text.zz windowBits 9:', e.code, e.message);
  }
  // Partial data, decoded as far as it goes.
  const half = fixture('text.gz').subarray(0, 9000);
  const partial = zlib.gunzipSync(half, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  console.log('half of text.gz', partial.length > 0, text.subarray(0, partial.length).equals(partial));
  const halfBr = fixture('text.br').subarray(0, 8000);
  const partialBr = zlib.brotliDecompressSync(halfBr,
    { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  console.log('half of text.br', partialBr.length > 0,
              text.subarray(0, partialBr.length).equals(partialBr));
})();
