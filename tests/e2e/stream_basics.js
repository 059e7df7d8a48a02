// node:stream: Readable (flowing, 'readable'), Writable backpressure/drain/end callbacks, Transform
// with flush in pipeline(), async iteration, errors, setEncoding, finished(), Duplex.
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = require('stream');
const log = (...a) => console.log(...a);
// 1. Readable with push in read, data events, end
{
  let i = 0;
  const r = new Readable({ read() { i++; this.push(i <= 3 ? `c${i}` : null); } });
  const got = [];
  r.on('data', (d) => got.push(d.toString()));
  r.on('end', () => log('1 end', got));
  r.on('close', () => log('1 close'));
}
// 2. readable event + read()
{
  const r = new Readable({ read() {} });
  r.push('ab'); r.push('cd'); r.push(null);
  r.on('readable', () => { let c; while ((c = r.read()) !== null) log('2 read', c.toString()); });
  r.on('end', () => log('2 end'));
}
// 3. Writable with backpressure and drain
{
  const chunks = [];
  const w = new Writable({ highWaterMark: 4, write(chunk, enc, cb) { chunks.push(chunk.toString()); setImmediate(cb); } });
  log('3 write1', w.write('abc'), w.write('def'), w.writableLength, w.writableNeedDrain);
  w.on('drain', () => { log('3 drain', chunks); w.end('end!', () => log('3 end cb')); });
  w.on('finish', () => log('3 finish', chunks));
  w.on('close', () => log('3 close'));
}
// 4. Transform + pipeline
{
  const upper = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); }, flush(cb) { this.push('!'); cb(); } });
  const out = [];
  const sink = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
  pipeline(Readable.from(['a', 'b', 'c']), upper, sink, (err) => log('4 pipeline', err, out.join('')));
}
// 5. objectMode + async iterator
(async () => {
  const r = Readable.from([1, 2, 3]);
  const got = [];
  for await (const v of r) got.push(v);
  log('5 iter', got, r.destroyed);
  log('5 toArray', await Readable.from(['x', 'y']).toArray());
  log('5 map', await Readable.from([1, 2]).map((x) => x * 10).toArray());
})();
// 6. errors
{
  const r = new Readable({ read() { this.destroy(new Error('boom')); } });
  r.on('error', (e) => log('6 error', e.message, r.destroyed));
  r.on('close', () => log('6 close'));
  r.resume();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.write('late', (err) => log('6 write after end cb', err && err.code));
  w.on('error', (e) => log('6 w error', e.code));
}
// 7. PassThrough pipe + setEncoding
{
  const p = new PassThrough();
  p.setEncoding('utf8');
  let s = '';
  p.on('data', (d) => { s += d; });
  p.on('end', () => log('7 passthrough', JSON.stringify(s), typeof s));
  p.write(Buffer.from([0xe2, 0x82]));
  p.write(Buffer.from([0xac]));
  p.end('!');
}
// 8. finished
{
  const r = new Readable({ read() { this.push(null); } });
  finished(r, (err) => log('8 finished', err));
  r.resume();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  finished(w, (err) => log('8 finished premature', err && err.code));
  w.destroy();
}
// 9. Duplex allowHalfOpen
{
  const d = new Duplex({ read() { this.push('x'); this.push(null); }, write(c, e, cb) { log('9 wrote', c.toString()); cb(); } });
  d.on('data', (c) => log('9 data', c.toString()));
  d.on('end', () => log('9 end'));
  d.on('finish', () => log('9 finish'));
  d.end('y');
}
log('sync end', typeof require('stream'), require('stream').Readable === Readable, new PassThrough() instanceof Writable);
