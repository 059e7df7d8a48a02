'use strict';
// The text the zlib fixtures and tests compress: n bytes of varied, compressible lines.
module.exports = function text(n) {
  const words = ['line', 'of', 'some', 'fairly', 'repetitive', 'text', 'with', 'numbers',
                 'zlib', 'deflate', 'brotli', 'window', 'huffman', 'match', 'literal'];
  let x = 2463534242;
  const parts = [];
  let len = 0;
  let i = 0;
  while (len < n) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const line = `${i++}: ${words[x % words.length]} ${words[(x >>> 8) % words.length]} ` +
      `${x % 1000}\n`;
    parts.push(line);
    len += line.length;
  }
  return Buffer.from(parts.join('').slice(0, n));
};
