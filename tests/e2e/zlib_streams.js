'use strict';
// node:zlib streams: event order, chunk sizes, backpressure through createGzip -> createGunzip
// (8 MB through a slow consumer), flush kinds, params and reset, destroy and errors, async
// iteration and stream/promises, trailing data after the end of a stream.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');

const text = require('./zlib/text.js');

async function events() {
  const gz = zlib.createGzip();
  const log = [];
  for (const ev of ['finish', 'end', 'close', 'prefinish']) gz.on(ev, () => log.push(ev));
  const sizes = [];
  gz.on('data', (d) => sizes.push(d.length));
  gz.write(text(100000));
  gz.end(text(50000), () => log.push('end-cb'));
  await new Promise((r) => gz.on('close', r));
  console.log('events', log.join(','), sizes.length > 0, sizes.every((s) => s <= 16384), gz.bytesWritten);
}

async function chunkSizes() {
  const inf = zlib.createInflate({ chunkSize: 1024 });
  const sizes = [];
  inf.on('data', (d) => sizes.push(d.length));
  inf.end(zlib.deflateSync(text(10000)));
  await new Promise((r) => inf.on('end', r));
  console.log('inflate chunk sizes', sizes.join(' '));
}

async function backpressure() {
  const input = text(8 * 1024 * 1024);
  let maxBuffered = 0;
  let total = 0;
  const gz = zlib.createGzip({ level: 1 });
  const gun = zlib.createGunzip();
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk, enc, cb) {
      total += chunk.length;
      maxBuffered = Math.max(maxBuffered, gun.readableLength, gz.readableLength);
      setImmediate(cb);
    },
  });
  let i = 0;
  const src = new Readable({
    read() {
      if (i >= input.length) { this.push(null); return; }
      this.push(input.subarray(i, i + 65536));
      i += 65536;
    },
  });
  await new Promise((resolve, reject) => pipeline(src, gz, gun, sink, (e) => (e ? reject(e) : resolve())));
  console.log('backpressure', total === input.length, maxBuffered <= 64 * 1024, zlib.crc32(input));
}

async function flushes() {
  const def = zlib.createDeflate();
  const inf = zlib.createInflate();
  const got = [];
  inf.on('data', (d) => got.push(d.toString()));
  def.on('data', (d) => inf.write(d));
  for (const [word, kind] of [['alpha', zlib.constants.Z_SYNC_FLUSH], ['beta', zlib.constants.Z_FULL_FLUSH], ['gamma', zlib.constants.Z_PARTIAL_FLUSH], ['delta', undefined]]) {
    def.write(word);
    await new Promise((r) => (kind === undefined ? def.flush(r) : def.flush(kind, r)));
    await new Promise((r) => setImmediate(r));
    console.log('after flush', word, JSON.stringify(got.join('')));
  }
  const br = zlib.createBrotliCompress();
  const unbr = zlib.createBrotliDecompress();
  const got2 = [];
  unbr.on('data', (d) => got2.push(d.toString()));
  br.on('data', (d) => unbr.write(d));
  br.write('brotli flushed');
  await new Promise((r) => br.flush(r));
  await new Promise((r) => setImmediate(r));
  console.log('brotli after flush', got2.join(''));
  def.end(); br.end();
}

async function resetAndParams() {
  const def = zlib.createDeflateRaw({ level: 9 });
  const a = [];
  def.on('data', (d) => a.push(d));
  def.write('first part');
  await new Promise((r) => def.flush(r));
  def.reset();
  def.end('second part');
  await new Promise((r) => def.on('end', r));
  console.log('reset produced', a.length > 0);
  const p = zlib.createGzip({ level: 1 });
  const out = [];
  p.on('data', (d) => out.push(d));
  p.write(text(20000));
  await new Promise((r) => p.params(9, zlib.constants.Z_FILTERED, r));
  console.log('params set', p._level, p._strategy);
  p.end(text(20000));
  await new Promise((r) => p.on('end', r));
  console.log('params roundtrip', zlib.gunzipSync(Buffer.concat(out)).equals(Buffer.concat([text(20000), text(20000)])));
  try { p.params('x'); } catch (e) { console.log(e.code, e.message); }
  try { p.params(1, 99); } catch (e) { console.log(e.code, e.message); }
}

async function destroyAndErrors() {
  const g = zlib.createGunzip();
  const log = [];
  g.on('error', (e) => log.push(`error:${e.code}:${e.message}:${g._closed}`));
  g.on('close', () => log.push('close'));
  g.write('not gzip');
  await new Promise((r) => g.on('close', r));
  console.log('error events', log.join(' | '), g.destroyed);
  const t = zlib.createDeflate();
  t.destroy();
  console.log('destroyed handle', t._handle, t._closed);
  t.write('x', (e) => console.log('write after destroy', e && e.code));
  await new Promise((r) => setImmediate(r));
  const c = zlib.createInflate();
  c.close(() => console.log('close cb'));
  await new Promise((r) => setImmediate(r));
}

async function asyncIter() {
  const chunks = [];
  for await (const c of Readable.from([zlib.gzipSync('iterated ')]).pipe(zlib.createGunzip())) chunks.push(c);
  console.log('iter', Buffer.concat(chunks).toString());
  const { pipeline: pp } = require('stream/promises');
  const out = [];
  await pp(Readable.from([Buffer.from('promise pipeline')]), zlib.createDeflate(), zlib.createInflate(), async function* (src) { for await (const c of src) out.push(c); });
  console.log('pp', Buffer.concat(out).toString());
}

async function trailing() {
  const inf = zlib.createInflate();
  const out = [];
  inf.on('data', (d) => out.push(d));
  const packed = zlib.deflateSync('payload');
  inf.write(Buffer.concat([packed, Buffer.from('trailing bytes')]));
  inf.end(Buffer.from('more'));
  await new Promise((r) => inf.on('end', r));
  console.log('trailing', Buffer.concat(out).toString(), inf.bytesWritten === packed.length);
  const sync = new zlib.Gzip()._processChunk(Buffer.from('sync chunk'), zlib.constants.Z_FINISH);
  console.log('_processChunk', zlib.gunzipSync(sync).toString());
}

(async () => {
  await trailing();
  await events();
  await chunkSizes();
  await backpressure();
  await flushes();
  await resetAndParams();
  await destroyAndErrors();
  await asyncIter();
})();
