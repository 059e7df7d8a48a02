'use strict';
// stream.compose, Duplex.from for each kind of input, duplexPair, addAbortSignal, and the event
// order on errors and destroy ('error' before 'close', finished() on a premature close).
const {
  Readable, Writable, Duplex, PassThrough, Transform, compose, finished, addAbortSignal, duplexPair,
} = require('stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));
function trace(name, stream) {
  for (const ev of ['error', 'end', 'finish', 'close']) {
    stream.on(ev, (err) => console.log(`  ${name} ${ev}${err ? ': ' + err.message : ''}`));
  }
  return stream;
}

async function main() {
  const upper = compose(
    async function* (source) { for await (const chunk of source) yield String(chunk).toUpperCase(); },
    new Transform({ objectMode: true, transform(chunk, enc, cb) { cb(null, `<${chunk}>`); } }));
  upper.write('a');
  upper.end('b');
  console.log('compose:', await upper.toArray());
  console.log('compose operator:', await Readable.from(['x', 'y']).compose(async function* (source) {
    for await (const chunk of source) yield chunk + chunk;
  }).toArray());
  try {
    compose(new Writable({ write() {} }), new PassThrough());
  } catch (err) {
    console.log('compose error:', err.code);
  }

  const lengths = Duplex.from(async function* (source) { for await (const chunk of source) yield chunk.length; });
  lengths.write('four');
  lengths.end('seven!!');
  console.log('from async generator:', await lengths.toArray());
  console.log('from iterable:', await Duplex.from(['i', 'j']).toArray());
  console.log('from promise:', await Duplex.from(Promise.resolve('resolved')).toArray());
  const consumed = [];
  const sink = Duplex.from(async (source) => { for await (const chunk of source) consumed.push(String(chunk)); });
  sink.end('to an async function');
  await new Promise((resolve) => finished(sink, resolve));
  console.log('from async function:', consumed);
  const pair = Duplex.from({
    readable: Readable.from(['from the readable half']),
    writable: new Writable({ write(chunk, enc, cb) { console.log('pair wrote:', String(chunk)); cb(); } }),
  });
  pair.end('to the writable half');
  console.log('from pair:', await pair.toArray());
  console.log('from Blob:', (await Duplex.from(new Blob(['blob'])).toArray()).map((ab) => Buffer.from(ab).toString()));
  try {
    Duplex.from(7);
  } catch (err) {
    console.log('from 7:', err.code);
  }

  const [left, right] = duplexPair();
  right.on('data', (chunk) => console.log('duplexPair right got:', String(chunk)));
  right.on('end', () => console.log('duplexPair right end'));
  left.end('ping');
  await tick();

  console.log('destroy with an error:');
  const r = trace('readable', new Readable({ read() {} }));
  finished(r, (err) => console.log('  finished:', err && err.message));
  r.destroy(new Error('boom'));
  await tick();
  console.log('premature close:');
  const d = trace('duplex', new Duplex({ read() {}, write(chunk, enc, cb) { cb(); } }));
  finished(d, (err) => console.log('  finished:', err && err.code));
  d.end('x');
  await tick();
  d.destroy();
  await tick();
  console.log('write error:');
  const w = trace('writable', new Writable({ write(chunk, enc, cb) { cb(new Error('disk full')); } }));
  w.write('x', (err) => console.log('  write callback:', err.message));
  await tick();
  console.log('abort signal:');
  const ac = new AbortController();
  const aborted = trace('aborted', addAbortSignal(ac.signal, new Readable({ read() {} })));
  ac.abort();
  await tick();
  console.log('  errored:', aborted.errored.name, aborted.destroyed);
}

main();
