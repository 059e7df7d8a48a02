// Inputs of the zlib benchmarks: text files made once under $TMPDIR/eddy-zlib-bench (the first
// run, a warm-up, writes them), so each timed run only reads its file.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), 'eddy-zlib-bench');
const words = ['request', 'response', 'header', 'value', 'the', 'of', 'and', 'stream',
  'buffer', 'error', 'status', 'length', 'content', 'type', 'json', 'user', 'id', 'time'];

/** size bytes of log-like text, never repeating (so no window sees a period). */
function makeText(size) {
  const out = Buffer.allocUnsafe(size);
  let x = 2463534242;
  let off = 0;
  let line = 0;
  while (off < size) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const s = `${line++} ${words[x % 18]} ${words[(x >>> 5) % 18]}=${x % 100000} ` +
      `${words[(x >>> 10) % 18]} ${words[(x >>> 15) % 18]} ${(x >>> 20).toString(16)}\n`;
    off += out.write(s, off);
  }
  return out;
}

/** The path of an n-MiB text file. */
function textFile(mib) {
  const file = path.join(dir, `text${mib}.txt`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, makeText(mib * 1024 * 1024));
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

/** The path of the n-MiB text file gzipped (level 6). */
function gzFile(mib) {
  const file = path.join(dir, `text${mib}.txt.gz`);
  if (!fs.existsSync(file)) {
    const zlib = require('zlib');
    fs.writeFileSync(`${file}.tmp`, zlib.gzipSync(fs.readFileSync(textFile(mib))));
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

module.exports = { textFile, gzFile };
