// Brotli decoder parameters as Node's decoder takes them: large-window streams are refused
// unless BROTLI_DECODER_PARAM_LARGE_WINDOW allows them; reset() goes back to the defaults
// (for the encoder too: its `params` are dropped).
'use strict';
const zlib = require('zlib');
const {
  BROTLI_PARAM_LARGE_WINDOW, BROTLI_PARAM_LGWIN, BROTLI_PARAM_QUALITY,
  BROTLI_DECODER_PARAM_LARGE_WINDOW, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION,
} = zlib.constants;

const input = Buffer.from(Array.from({ length: 20000 }, (_, i) => `w${(i * 7919) % 1000}`).join(' '));
const large = zlib.brotliCompressSync(input, {
  params: { [BROTLI_PARAM_LARGE_WINDOW]: 1, [BROTLI_PARAM_LGWIN]: 25 },
});
const normal = zlib.brotliCompressSync(input);
const largeWindow = { params: { [BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 } };

function show(tag, f) {
  try {
    console.log(tag, f().equals(input));
  } catch (e) {
    console.log(tag, e.code, e.errno, e.message);
  }
}

function stream(tag, make, data, before) {
  return new Promise((resolve) => {
    const s = make();
    if (before) before(s);
    const out = [];
    s.on('data', (c) => out.push(c));
    s.on('error', (e) => { console.log(tag, 'error', e.code, e.errno, e.message); resolve(); });
    s.on('end', () => { resolve(Buffer.concat(out)); });
    s.end(data);
  });
}

(async () => {
  show('large window, no param:', () => zlib.brotliDecompressSync(large));
  show('large window, param:', () => zlib.brotliDecompressSync(large, largeWindow));
  show('normal, large-window param:', () => zlib.brotliDecompressSync(normal, largeWindow));
  show('normal, no ring buffer reallocation:', () => zlib.brotliDecompressSync(normal, {
    params: { [BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION]: 1 },
  }));
  show('both params:', () => zlib.brotliDecompressSync(large, {
    params: { [BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION]: 1,
              [BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 },
  }));
  show('unknown decoder param:', () => zlib.brotliDecompressSync(normal, { params: { 7: 1 } }));
  await new Promise((resolve) => zlib.brotliDecompress(large, (e, r) => {
    console.log('async, no param:', e ? e.code : r.equals(input));
    resolve();
  }));
  await new Promise((resolve) => zlib.brotliDecompress(large, largeWindow, (e, r) => {
    console.log('async, param:', e ? e.code : r.equals(input));
    resolve();
  }));
  let r = await stream('stream, param', () => zlib.createBrotliDecompress(largeWindow), large);
  if (r) console.log('stream, param:', r.equals(input));
  r = await stream('stream, param, reset', () => zlib.createBrotliDecompress(largeWindow), large,
                   (s) => s.reset());
  if (r) console.log('stream, param, reset:', r.equals(input));
  r = await stream('stream, no param', () => zlib.createBrotliDecompress(), large);
  if (r) console.log('stream, no param:', r.equals(input));
  // The encoder: quality 0 gives a larger result than the default 11; after reset() it is 11.
  const q0 = { params: { [BROTLI_PARAM_QUALITY]: 0 } };
  const plain = await stream('encode', () => zlib.createBrotliCompress(q0), input);
  const reset = await stream('encode, reset', () => zlib.createBrotliCompress(q0), input,
                             (s) => s.reset());
  const q11 = zlib.brotliCompressSync(input);
  console.log('quality 0 larger than 11:', plain.length > q11.length);
  console.log('after reset, same size as quality 11:', reset.length === q11.length);
  console.log('both decode:', zlib.brotliDecompressSync(plain).equals(input),
              zlib.brotliDecompressSync(reset).equals(input));
})();
