// Streaming fetch bodies against a local server, in lock step so the order is fixed: a
// download read chunk by chunk while the server writes the next only after the client saw the
// previous one, an upload from a ReadableStream (duplex: 'half') whose next chunk is made only
// after the server got the last, async-iterable uploads, a large body both ways with
// backpressure, cancelling a response body, and connections cut mid-body ('terminated').
const http = require('http');

let step; // resolves the server's wait for the client
const nextStep = () => new Promise((resolve) => { step = resolve; });
let serverGot; // resolves the client's wait for the server
const serverStep = () => new Promise((resolve) => { serverGot = resolve; });
const closes = [];
let endlessClosed; // resolves when the server sees /endless close
const endlessGone = new Promise((resolve) => { endlessClosed = resolve; });

const server = http.createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  res.on('close', () => closes.push(`${u.pathname} closed, finished=${res.writableFinished}`));
  if (u.pathname === '/download') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 1; i <= 3; i++) {
      const wait = nextStep();
      res.write(`chunk${i}`);
      console.log('server wrote chunk', i);
      await wait;
    }
    res.end();
  } else if (u.pathname === '/upload') {
    req.on('data', (c) => {
      console.log('server received', JSON.stringify(c.toString()));
      serverGot();
    });
    req.on('end', () => {
      console.log('server upload ended');
      res.end('upload done');
    });
  } else if (u.pathname === '/count') {
    let n = 0;
    req.on('data', (c) => { n += c.length; });
    req.on('end', () => res.end(`${req.headers['transfer-encoding']} ${n}`));
  } else if (u.pathname === '/big') {
    const size = Number(u.searchParams.get('size'));
    res.writeHead(200, { 'content-length': size });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  } else if (u.pathname === '/endless') {
    res.writeHead(200);
    const timer = setInterval(() => res.write('tick'), 5);
    res.on('close', () => {
      clearInterval(timer);
      setImmediate(endlessClosed);
    });
    res.write('first');
  } else if (u.pathname === '/cut') {
    res.writeHead(200, { 'content-length': '100' });
    res.write('partial');
    step = () => res.socket.destroy();
  } else if (u.pathname === '/cut-before') {
    req.socket.destroy();
  } else {
    res.end('ok');
  }
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  console.log('--- download, chunk by chunk');
  {
    const r = await fetch(`${base}/download`);
    const reader = r.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      console.log('client read', JSON.stringify(dec.decode(value)), value.constructor.name);
      step();
    }
    console.log('download done, bodyUsed', r.bodyUsed);
  }

  console.log('--- download with for await');
  {
    const r = await fetch(`${base}/download`);
    for await (const value of r.body) {
      console.log('client iterated', JSON.stringify(dec.decode(value)));
      step();
    }
  }

  console.log('--- upload from a ReadableStream');
  {
    let i = 0;
    const body = new ReadableStream({
      async pull(controller) {
        if (i > 0) await serverGot.promise;
        i++;
        if (i > 3) {
          console.log('client closes the upload');
          controller.close();
          return;
        }
        const wait = serverStep();
        serverGot.promise = wait;
        console.log('client sends part', i);
        controller.enqueue(enc.encode(`part${i}`));
      },
    });
    const r = await fetch(`${base}/upload`, { method: 'POST', body, duplex: 'half' });
    console.log('response:', await r.text());
  }

  console.log('--- async iterable uploads');
  {
    async function* gen() {
      yield 'from ';
      yield enc.encode('a ');
      yield Buffer.from('generator');
    }
    let r = await fetch(`${base}/count`, { method: 'POST', body: gen(), duplex: 'half' });
    console.log('generator:', await r.text());
    const { Readable } = require('stream');
    r = await fetch(`${base}/count`, { method: 'POST', body: Readable.from([Buffer.from('node '), Buffer.from('readable')]), duplex: 'half' });
    console.log('node Readable:', await r.text());
  }

  console.log('--- large bodies');
  {
    const size = 3 * 1024 * 1024 + 123;
    const r = await fetch(`${base}/big?size=${size}`);
    let total = 0;
    let reads = 0;
    for await (const chunk of r.body) {
      total += chunk.length;
      reads++;
    }
    console.log('streamed download bytes', total === size, 'in several reads', reads > 1);
    const r2 = await fetch(`${base}/big?size=${size}`);
    console.log('arrayBuffer bytes', (await r2.arrayBuffer()).byteLength === size);
    const part = new Uint8Array(256 * 1024).fill(121);
    let sent = 0;
    const upload = new ReadableStream({
      pull(c) {
        if (sent >= 12) return c.close();
        sent++;
        c.enqueue(part.slice());
      },
    });
    const r3 = await fetch(`${base}/count`, { method: 'POST', body: upload, duplex: 'half' });
    console.log('streamed upload:', await r3.text());
    const r4 = await fetch(`${base}/count`, { method: 'POST', body: new Uint8Array(5 * 1024 * 1024) });
    console.log('buffer upload:', await r4.text());
  }

  console.log('--- cancel a body');
  {
    const r = await fetch(`${base}/endless`);
    const reader = r.body.getReader();
    const first = await reader.read();
    console.log('first read starts with', JSON.stringify(dec.decode(first.value).slice(0, 5)));
    await reader.cancel('enough');
    console.log('after cancel', await reader.read(), r.bodyUsed);
    await endlessGone;
    console.log(closes.filter((c) => c.startsWith('/endless')));
  }

  console.log('--- connection cut mid-body');
  {
    const r = await fetch(`${base}/cut`);
    console.log('status', r.status, r.headers.get('content-length'));
    const reader = r.body.getReader();
    console.log('read', JSON.stringify(dec.decode((await reader.read()).value)));
    step();
    try {
      await reader.read();
    } catch (e) {
      console.log('reader:', e.name, e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message);
    }
    const r2 = await fetch(`${base}/cut`);
    const text = r2.text();
    step();
    try {
      await text;
    } catch (e) {
      console.log('text():', e.name, e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message);
    }
  }
  try {
    await fetch(`${base}/cut-before`);
  } catch (e) {
    console.log('cut before response:', e.name, e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message);
  }
  server.close();
});
