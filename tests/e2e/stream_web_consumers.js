'use strict';
// Node streams <-> web streams (Readable/Writable/Duplex fromWeb and toWeb, finished() on a
// web stream) and stream/consumers over both kinds.
const { Readable, Writable, Duplex, PassThrough, finished } = require('stream');
const { arrayBuffer, blob, buffer, json, text } = require('stream/consumers');

async function main() {
  const chunks = [];
  for await (const chunk of Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('cd')], { objectMode: false }))) {
    chunks.push(chunk.constructor.name + ':' + Buffer.from(chunk).toString());
  }
  console.log('Readable.toWeb:', chunks);
  const objects = Readable.toWeb(Readable.from([{ n: 1 }, { n: 2 }]));
  const seen = [];
  for await (const object of objects) seen.push(object);
  console.log('Readable.toWeb objects:', seen);

  const web = new ReadableStream({ start(c) { c.enqueue('one'); c.enqueue('two'); c.close(); } });
  console.log('Readable.fromWeb:', await Readable.fromWeb(web, { objectMode: true }).toArray());

  const written = [];
  const sink = new WritableStream({ write(chunk) { written.push(Buffer.from(chunk).toString()); } });
  const w = Writable.fromWeb(sink);
  w.write('hello ');
  w.end('web');
  await new Promise((resolve) => finished(w, resolve));
  console.log('Writable.fromWeb:', written);

  const got = [];
  const nodeSink = new Writable({ write(chunk, enc, cb) { got.push(String(chunk)); cb(); } });
  const writer = Writable.toWeb(nodeSink).getWriter();
  await writer.write(new TextEncoder().encode('to node'));
  await writer.close();
  console.log('Writable.toWeb:', got, 'finished:', nodeSink.writableFinished);

  const shout = Duplex.fromWeb(new TransformStream({
    transform(chunk, controller) { controller.enqueue(String(chunk).toUpperCase() + '!'); },
  }), { objectMode: true });
  shout.write('hi');
  shout.end('there');
  console.log('Duplex.fromWeb:', await shout.toArray());
  const { readable, writable } = Duplex.toWeb(new PassThrough());
  const dw = writable.getWriter();
  dw.write(new TextEncoder().encode('round trip'));
  dw.close();
  console.log('Duplex.toWeb:', await text(readable));

  const closing = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  finished(closing, (err) => console.log('finished(web stream):', err));
  await closing.getReader().read();
  await new Promise((resolve) => setImmediate(resolve));

  console.log('text:', await text(Readable.from(['a', 'b', 'c'])));
  console.log('json:', await json(Readable.from(['{"ok":', 'true}'])));
  console.log('buffer:', await buffer(Readable.from([Buffer.from([1, 2]), Buffer.from([3])])));
  console.log('arrayBuffer:', (await arrayBuffer(Readable.from([Buffer.from('four')]))).byteLength);
  console.log('blob:', (await blob(Readable.from(['12345']))).size);
  const utf8 = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([0xe2, 0x82])); c.enqueue(new Uint8Array([0xac])); c.close(); } });
  console.log('text(web, split UTF-8):', await text(utf8));
  const locked = new ReadableStream();
  locked.getReader();
  await text(locked).catch((err) => console.log('locked:', err.code));
}

main();
