// Compressed fetch responses, made by node:zlib in the server half of this script: gzip,
// x-gzip, deflate (zlib-wrapped and raw), br, two codings stacked, an unknown coding (left as
// is), identity, a large gzip body streamed in pieces, HEAD and 204 with a coding, a gzip body
// cut short (still decoded as far as it goes) and one that is not gzip at all ('terminated').
const http = require('http');
const zlib = require('zlib');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(50);
const big = Buffer.alloc(2 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) & 0xff;

const bodies = {
  gzip: () => [zlib.gzipSync(text), 'gzip'],
  'x-gzip': () => [zlib.gzipSync(text), 'x-gzip'],
  'GZIP-upper': () => [zlib.gzipSync(text), 'GZIP'],
  deflate: () => [zlib.deflateSync(text), 'deflate'],
  'deflate-raw': () => [zlib.deflateRawSync(text), 'deflate'],
  br: () => [zlib.brotliCompressSync(text), 'br'],
  'gzip-then-br': () => [zlib.brotliCompressSync(zlib.gzipSync(text)), 'gzip, br'],
  'deflate-then-gzip': () => [zlib.gzipSync(zlib.deflateSync(text)), 'deflate,gzip'],
  unknown: () => [Buffer.from('raw bytes'), 'foo'],
  'gzip-and-unknown': () => [zlib.gzipSync(text), 'gzip, foo'],
  identity: () => [Buffer.from(text), 'identity'],
  truncated: () => { const z = zlib.gzipSync(text); return [z.subarray(0, z.length - 30), 'gzip']; },
  'not-gzip': () => [Buffer.from('this is not gzip data'), 'gzip'],
  'bad-br': () => [Buffer.from('nope nope nope'), 'br'],
};

const server = http.createServer((req, res) => {
  const name = req.url.slice(1);
  if (name === 'big') {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    const gz = zlib.createGzip();
    gz.pipe(res);
    for (let off = 0; off < big.length; off += 100000) gz.write(big.subarray(off, off + 100000));
    gz.end();
    return;
  }
  if (name === 'nocontent') {
    res.writeHead(204, { 'content-encoding': 'gzip' });
    res.end();
    return;
  }
  const [body, coding] = bodies[name]();
  res.writeHead(200, { 'content-encoding': coding, 'content-length': body.length, 'content-type': 'text/plain' });
  res.end(body);
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const name of Object.keys(bodies)) {
    try {
      const r = await fetch(`${base}/${name}`);
      const got = await r.text();
      // (How far a cut gzip body decodes, and the bytes of a gzip body left alone, depend on
      // the compressor: only their kind is printed.)
      let what;
      if (got === text) what = 'decoded the whole text';
      else if (got.startsWith('\u001f\ufffd\b')) what = 'the gzip bytes, not decoded';
      else if (got.length > 0 && got.length < text.length && text.startsWith(got)) what = 'a part of the text';
      else what = `got ${JSON.stringify(got.slice(0, 40))}`;
      console.log(name, r.status, r.headers.get('content-encoding'), r.headers.get('content-length') !== null, what);
    } catch (e) {
      console.log(name, e.name, e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message);
    }
  }
  {
    const r = await fetch(`${base}/big`);
    let total = 0;
    let reads = 0;
    const hash = require('crypto').createHash('sha256');
    for await (const chunk of r.body) {
      total += chunk.length;
      reads++;
      hash.update(chunk);
    }
    const expected = require('crypto').createHash('sha256').update(big).digest('hex');
    console.log('big gzip streamed:', total, reads > 1, hash.digest('hex') === expected);
  }
  {
    const r = await fetch(`${base}/gzip`, { method: 'HEAD' });
    console.log('HEAD', r.status, r.body, JSON.stringify(await r.text()));
    const r2 = await fetch(`${base}/nocontent`);
    console.log('204', r2.status, r2.body, JSON.stringify(await r2.text()));
  }
  {
    const r = await fetch(`${base}/gzip`, { headers: { 'accept-encoding': 'br' } });
    console.log('own accept-encoding still decodes', (await r.text()) === text);
  }
  {
    const r = await fetch(`${base}/br`);
    const c = r.clone();
    console.log('clone of a decoded body', (await c.text()) === text, (await r.arrayBuffer()).byteLength);
  }
  server.close();
});
