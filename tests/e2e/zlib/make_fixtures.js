'use strict';
// Writes the compressed fixtures of tests/e2e/zlib_fixtures.js. Run once with `node` (the
// point is that Node made them); the outputs are committed:  node tests/e2e/zlib/make_fixtures.js
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dir = __dirname;
const text = require('./text.js')(64 * 1024);
const put = (name, data) => fs.writeFileSync(path.join(dir, name), data);
const { constants: c } = zlib;

put('text.gz', zlib.gzipSync(text));
put('text-1.gz', zlib.gzipSync(text, { level: 1 }));
put('text-9-filtered.gz', zlib.gzipSync(text, { level: 9, strategy: c.Z_FILTERED, memLevel: 9 }));
put('text.zz', zlib.deflateSync(text));
put('text-w9.zz', zlib.deflateSync(text, { windowBits: 9, level: 4 }));
put('text.raw', zlib.deflateRawSync(text, { strategy: c.Z_HUFFMAN_ONLY }));
put('text-rle.raw', zlib.deflateRawSync(text, { strategy: c.Z_RLE }));
put('text-stored.zz', zlib.deflateSync(text, { level: 0 }));
put('text-fixed.zz', zlib.deflateSync(text, { strategy: c.Z_FIXED }));
put('text.br', zlib.brotliCompressSync(text));
put('text-q4-text.br', zlib.brotliCompressSync(text, {
  params: { [c.BROTLI_PARAM_QUALITY]: 4, [c.BROTLI_PARAM_MODE]: c.BROTLI_MODE_TEXT,
            [c.BROTLI_PARAM_LGWIN]: 16 },
}));
put('dict.zz', zlib.deflateSync(text.subarray(0, 4096), { dictionary: Buffer.from('line of some') }));
put('dict.raw', zlib.deflateRawSync(text.subarray(0, 4096), { dictionary: Buffer.from('line of some') }));
put('members.gz', Buffer.concat([zlib.gzipSync('first member\n'), zlib.gzipSync(''),
                                 zlib.gzipSync('third member\n')]));
put('padded.gz', Buffer.concat([zlib.gzipSync('padded member\n'), Buffer.alloc(16)]));
put('empty.gz', zlib.gzipSync(Buffer.alloc(0)));
put('empty.br', zlib.brotliCompressSync(Buffer.alloc(0)));
// Streamed with flushes in between, as a server sending events would.
{
  const gz = zlib.createGzip();
  const parts = [];
  gz.on('data', (d) => parts.push(d));
  gz.write('event one\n');
  gz.flush(c.Z_SYNC_FLUSH, () => {
    gz.write('event two\n');
    gz.flush(c.Z_FULL_FLUSH, () => {
      gz.end('last event\n');
    });
  });
  gz.on('end', () => put('flushed.gz', Buffer.concat(parts)));
}
// Every optional gzip header field (FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT), assembled by hand.
{
  const body = Buffer.from('gzip header fields\n');
  const extra = Buffer.from([0x41, 0x42, 4, 0, 1, 2, 3, 4]);
  const head = Buffer.concat([
    Buffer.from([0x1f, 0x8b, 8, 0x1f, 0x78, 0x56, 0x34, 0x12, 0, 3, extra.length, 0]),
    extra, Buffer.from('file.txt\0'), Buffer.from('a comment\0'),
  ]);
  const hcrc = Buffer.alloc(2);
  hcrc.writeUInt16LE(zlib.crc32(head) & 0xffff);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(body));
  trailer.writeUInt32LE(body.length, 4);
  put('headers.gz', Buffer.concat([head, hcrc, zlib.deflateRawSync(body), trailer]));
}
