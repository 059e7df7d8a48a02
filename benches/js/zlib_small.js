// 100k deflateSync calls on small (about 100-byte) JSON strings, as a cache or a log shipper does.
const zlib = require('zlib');

let total = 0;
for (let i = 0; i < 100000; i++) {
  const doc = `{"id":${i},"user":"user${i % 977}","tags":["a","b"],"ok":${i % 2 === 0},"n":${i * 7}}`;
  total += zlib.deflateSync(doc).length;
}
if (total < 100000) throw new Error('unreachable');
