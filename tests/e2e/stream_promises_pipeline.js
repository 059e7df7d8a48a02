// stream/promises: pipeline() through an async generator stage, and finished().
const { Readable, Writable } = require('stream');
const { pipeline, finished } = require('stream/promises');
(async () => {
  const out = [];
  await pipeline(
    Readable.from(['p', 'q']),
    async function* double(source) { for await (const c of source) yield c + c; },
    new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }),
  );
  console.log('pipeline done', out);
  const r = Readable.from(['x']);
  r.resume();
  await finished(r);
  console.log('finished', r.readableEnded, r.destroyed);
  try {
    await pipeline(Readable.from(['a']), new Writable({ write(c, e, cb) { cb(new Error('sink failed')); } }));
  } catch (e) {
    console.log('pipeline error', e.message);
  }
})();
