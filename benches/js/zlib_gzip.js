// gzip of a 64 MiB text file: `zlib_gzip.js LEVEL [sync|async]` (default 6, async).
const fs = require('fs');
const zlib = require('zlib');
const { textFile } = require('./zlib_input');

const level = Number(process.argv[2] ?? 6);
const mode = process.argv[3] ?? 'async';
const input = fs.readFileSync(textFile(64));
const check = (out) => {
  if (out.length < 1000 || out.length > input.length) throw new Error(`bad size ${out.length}`);
};
if (mode === 'sync') {
  check(zlib.gzipSync(input, { level }));
} else {
  zlib.gzip(input, { level }, (err, out) => {
    if (err) throw err;
    check(out);
  });
}
