// gunzip of the 64 MiB text file gzipped at level 6: `zlib_gunzip.js [sync|async]`.
const fs = require('fs');
const zlib = require('zlib');
const { gzFile } = require('./zlib_input');

const mode = process.argv[2] ?? 'async';
const input = fs.readFileSync(gzFile(64));
const check = (out) => {
  if (out.length !== 64 * 1024 * 1024) throw new Error(`bad size ${out.length}`);
};
if (mode === 'sync') {
  check(zlib.gunzipSync(input));
} else {
  zlib.gunzip(input, (err, out) => {
    if (err) throw err;
    check(out);
  });
}
