// brotli of an 8 MiB text file: `zlib_brotli.js QUALITY [sync|async]` (default 4, async).
const fs = require('fs');
const zlib = require('zlib');
const { textFile } = require('./zlib_input');

const quality = Number(process.argv[2] ?? 4);
const mode = process.argv[3] ?? 'async';
const input = fs.readFileSync(textFile(8));
const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
                 [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length };
const check = (out) => {
  if (out.length < 1000 || out.length > input.length) throw new Error(`bad size ${out.length}`);
};
if (mode === 'sync') {
  check(zlib.brotliCompressSync(input, { params }));
} else {
  zlib.brotliCompress(input, { params }, (err, out) => {
    if (err) throw err;
    check(out);
  });
}
