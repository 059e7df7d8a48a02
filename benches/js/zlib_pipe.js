// A 256 MiB text file through fs.createReadStream().pipe(zlib.createGzip()), output discarded.
const fs = require('fs');
const zlib = require('zlib');
const { Writable } = require('stream');
const { textFile } = require('./zlib_input');

let bytes = 0;
fs.createReadStream(textFile(256))
  .pipe(zlib.createGzip())
  .pipe(new Writable({
    write(chunk, encoding, cb) {
      bytes += chunk.length;
      cb();
    },
  }))
  .on('finish', () => {
    if (bytes < 1000) throw new Error('unreachable');
  });
