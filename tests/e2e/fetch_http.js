// fetch over http: against a server this script starts on 127.0.0.1: the headers fetch sends
// (and their order), bodies of each kind with their Content-Type/Length, response fields and
// immutable headers, HEAD and null-body statuses, keep-alive reuse across sequential fetches,
// and the errors: ECONNREFUSED as the cause of "fetch failed", bad ports, unknown schemes.
const http = require('http');
const util = require('util');

let connections = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const u = new URL(req.url, 'http://x');
    const body = Buffer.concat(chunks).toString('latin1').replace(/undici-0\d+/g, 'undici-N');
    if (u.pathname === '/echo') {
      const raw = req.rawHeaders.map((v, i) => (i % 2 === 1 && /^127\.0\.0\.1:\d+$/.test(v) ? '127.0.0.1:PORT' : v));
      console.log('server:', req.method, req.url, raw.join('|').replace(/undici-0\d+/g, 'undici-N'), JSON.stringify(body));
      res.end('ok');
    } else if (u.pathname === '/status') {
      res.writeHead(Number(u.searchParams.get('code')), u.searchParams.get('text') ?? undefined, { 'X-Custom': 'v' });
      res.end(u.searchParams.get('body') ?? '');
    } else if (u.pathname === '/cookies') {
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2']);
      res.setHeader('X-Multi', ['one', 'two']);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('cookies');
    } else if (u.pathname === '/conn') {
      res.end(`connection ${req.socket.connNo}`);
    } else if (u.pathname === '/json') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ hello: 'world', n: [1, 2, 3] }));
    } else {
      res.end('default');
    }
  });
});
server.on('connection', (s) => { s.connNo = ++connections; });

function showError(label, e) {
  const cause = e.cause;
  const causeInfo = cause && {
    name: cause.name, message: cause.message.replace(/:\d+$/, ':PORT'), code: cause.code, errno: cause.errno,
    syscall: cause.syscall, address: cause.address, keys: Object.keys(cause),
  };
  console.log(label, e.name, JSON.stringify(e.message), e instanceof TypeError, util.inspect(causeInfo, { breakLength: 200 }));
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = `http://127.0.0.1:${port}`;

  console.log('--- request headers and bodies');
  await (await fetch(`${base}/echo`)).text();
  await (await fetch(`${base}/echo?q=1#frag`, { method: 'POST', body: 'hello' })).text();
  await (await fetch(`${base}/echo`, { method: 'PUT', body: new URLSearchParams({ a: '1 2', b: '\u00e9' }), headers: { 'X-A': 'b', 'User-Agent': 'me', accept: 'x' } })).text();
  await (await fetch(`${base}/echo`, { method: 'POST' })).text();
  await (await fetch(`${base}/echo`, { method: 'PUT' })).text();
  await (await fetch(`${base}/echo`, { method: 'DELETE' })).text();
  await (await fetch(`${base}/echo`, { method: 'DELETE', body: new Uint8Array([1, 2]) })).text();
  await (await fetch(`${base}/echo`, { method: 'POST', body: new Blob(['blob body'], { type: 'text/x' }) })).text();
  await (await fetch(`${base}/echo`, { method: 'POST', body: new ArrayBuffer(3) })).text();
  await (await fetch(`${base}/echo`, { method: 'POST', body: { toString() { return 'object body'; } } })).text();
  await (await fetch(`${base}/echo`, { headers: [['X-Dup', 'a'], ['x-dup', 'b']] })).text();
  await (await fetch(`${base}/echo`, { headers: { 'accept-encoding': 'identity', 'accept-language': 'fr', 'sec-fetch-mode': 'navigate' } })).text();
  await (await fetch(new Request(`${base}/echo`, { method: 'POST', body: 'from a Request', headers: { 'x-req': '1' } }))).text();
  await (await fetch(new Request(`${base}/echo`, { method: 'POST', body: 'overridden' }), { body: 'init wins' })).text();
  await (await fetch(new URL(`${base}/echo?from=url`))).text();

  console.log('--- responses');
  {
    const r = await fetch(`${base}/json`);
    console.log(r.status, r.statusText, r.ok, r.url === `${base}/json`, r.redirected, r.type, r.bodyUsed);
    console.log([...r.headers].map(([k, v]) => [k, k === 'date' ? 'DATE' : v]));
    console.log(await r.json(), r.bodyUsed);
    try { r.headers.set('x', 'y'); } catch (e) { console.log('immutable:', e.message); }
  }
  {
    const r = await fetch(`${base}/cookies`);
    console.log(r.headers.getSetCookie(), r.headers.get('set-cookie'), r.headers.get('x-multi'), r.headers.get('content-type'));
    console.log(await r.blob());
  }
  for (const q of ['code=201&text=Made', 'code=404&body=missing', 'code=500&text=Oops&body=bad', 'code=204', 'code=304', 'code=299&text=Fine']) {
    const r = await fetch(`${base}/status?${q}`);
    console.log(q, '->', r.status, JSON.stringify(r.statusText), r.ok, r.body === null, JSON.stringify(await r.text()), r.headers.get('x-custom'));
  }
  {
    const r = await fetch(`${base}/json`, { method: 'HEAD' });
    console.log('HEAD', r.status, r.body, JSON.stringify(await r.text()), r.headers.get('content-type'));
  }
  {
    const r = await fetch(`${base}/json`);
    const clone = r.clone();
    console.log('clone', await r.text() === await clone.text());
  }
  {
    const r = await fetch(`${base}/json`);
    console.log('arrayBuffer', (await r.arrayBuffer()).byteLength);
    const r2 = await fetch(`${base}/json`);
    console.log('bytes', (await r2.bytes()).constructor.name);
  }

  console.log('--- keep-alive');
  // Sequential fetches reuse pooled connections: no new ones after the first.
  await (await fetch(`${base}/conn`)).text();
  const before = connections;
  for (let i = 0; i < 5; i++) await (await fetch(`${base}/conn`)).text();
  console.log('new connections for 5 sequential fetches:', connections - before);
  const parallel = await Promise.all([1, 2, 3].map(() => fetch(`${base}/conn`).then((r) => r.text())));
  console.log('parallel fetches:', parallel.length);

  console.log('--- errors');
  const closed = http.createServer();
  await new Promise((r) => closed.listen(0, '127.0.0.1', r));
  const closedPort = closed.address().port;
  await new Promise((r) => closed.close(r));
  try {
    await fetch(`http://127.0.0.1:${closedPort}/`);
  } catch (e) {
    showError('refused', e);
    console.log('cause port matches', e.cause.port === closedPort, 'stack starts', e.stack.split('\n')[0]);
  }
  for (const url of ['http://127.0.0.1:1/', 'http://127.0.0.1:6000/', 'ftp://x/', 'about:blank', 'file:///etc/hostname', 'ws://x/', 'mailto:a@b.c']) {
    try {
      await fetch(url);
      console.log(url, 'resolved?');
    } catch (e) {
      showError(url, e);
    }
  }
  for (const url of ['http://[x/', '/relative', '']) {
    try {
      await fetch(url);
    } catch (e) {
      console.log(JSON.stringify(url), e.name, e.message, e.cause?.code);
    }
  }
  try {
    await fetch();
  } catch (e) {
    console.log('no args', e.name, e.message);
  }
  for (const headers of [{ 'keep-alive': 'timeout=5' }, { 'transfer-encoding': 'chunked' }, { upgrade: 'websocket' },
    { expect: '100-continue' }, { connection: 'upgrade' }]) {
    try {
      await fetch(`${base}/echo`, { method: 'POST', body: 'abc', headers });
    } catch (e) {
      console.log(JSON.stringify(headers), e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message);
    }
  }
  await (await fetch(`${base}/echo`, { headers: { connection: 'close', host: 'example.com' } })).text();
  const garbage = require('net').createServer((s) => s.once('data', () => s.end('NOT HTTP AT ALL\r\n\r\n')));
  await new Promise((r) => garbage.listen(0, '127.0.0.1', r));
  try {
    await fetch(`http://127.0.0.1:${garbage.address().port}/`);
  } catch (e) {
    console.log('not HTTP:', e.message, '| cause', e.cause?.name, e.cause?.code, e.cause?.message, JSON.stringify(e.cause?.data));
  }
  garbage.close();
  const p = fetch('http://[bad');
  console.log('returns a promise even for bad input', p instanceof Promise);
  await p.catch(() => {});
  server.close();
});
