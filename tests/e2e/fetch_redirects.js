// fetch redirects against a local server: 301/302/303/307/308 chains and what each does to
// the method and body (POST becomes GET on 301/302, anything but GET/HEAD on 303; 307/308
// resend the body), relative and fragment-less Locations, redirect: 'manual' and 'error',
// the limit of 20, a Location that does not parse, a non-HTTP target, a streamed body that
// cannot be resent, and headers dropped on a cross-origin hop.
const http = require('http');

const log = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const u = new URL(req.url, 'http://x');
    const body = Buffer.concat(chunks).toString();
    log.push(`${req.method} ${u.pathname}${u.search}${body ? ` body=${body}` : ''}` +
      `${req.headers['content-type'] ? ` type=${req.headers['content-type']}` : ''}` +
      `${req.headers.authorization ? ` auth=${req.headers.authorization}` : ''}`);
    const m = /^\/(\d{3})\/(.*)$/.exec(u.pathname);
    if (m) {
      // /CODE/rest -> redirect with CODE to /rest
      res.writeHead(Number(m[1]), { location: `/${m[2]}${u.search}`, 'content-type': 'text/plain' });
      res.end(`redirect body ${m[1]}`);
      return;
    }
    if (u.pathname === '/loop') {
      const n = Number(u.searchParams.get('n') ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` });
      res.end();
      return;
    }
    if (u.pathname === '/count') {
      const n = Number(u.searchParams.get('n'));
      res.writeHead(302, { location: n === 0 ? '/done' : `/count?n=${n - 1}` });
      res.end();
      return;
    }
    if (u.pathname === '/abs') {
      res.writeHead(301, { location: u.searchParams.get('to') });
      res.end();
      return;
    }
    if (u.pathname === '/nolocation') {
      res.writeHead(302);
      res.end('no location here');
      return;
    }
    res.setHeader('content-type', 'text/plain');
    res.end(`final ${req.method} ${u.pathname}${u.search} ${body}`);
  });
});

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = `http://127.0.0.1:${port}`;
  const other = `http://localhost:${port}`;
  const strip = (s) => s.split(base).join('BASE').split(other).join('OTHER');

  async function run(label, url, init) {
    log.length = 0;
    try {
      const r = await fetch(url, init);
      const text = await r.text();
      console.log(label, '->', r.status, r.redirected, strip(r.url), r.type, JSON.stringify(strip(text)), r.headers.get('location'));
    } catch (e) {
      console.log(label, '->', e.name, e.message, '|', e.cause?.name, strip(e.cause?.message ?? ''), e.cause?.code ?? '');
    }
    for (const line of log) console.log('   ', line.replace(/%3A\d+/g, '%3APORT'));
  }

  for (const code of [301, 302, 303, 307, 308]) {
    await run(`GET ${code}`, `${base}/${code}/target?x=1`);
    await run(`POST ${code}`, `${base}/${code}/target`, { method: 'POST', body: 'payload' });
    await run(`PUT ${code}`, `${base}/${code}/target`, { method: 'PUT', body: 'payload' });
    await run(`HEAD ${code}`, `${base}/${code}/target`, { method: 'HEAD' });
  }
  await run('chain', `${base}/301/302/303/307/308/end`, { method: 'POST', body: 'chained' });
  await run('chain 307 keeps body', `${base}/307/308/end`, { method: 'POST', body: 'kept' });
  await run('blob body resent', `${base}/307/end`, { method: 'POST', body: new Blob(['blob!'], { type: 'a/b' }) });
  const form = new FormData();
  form.append('k', 'v');
  log.length = 0;
  {
    const r = await fetch(`${base}/308/end`, { method: 'POST', body: form });
    const text = await r.text();
    console.log('form resent with its boundary', text.includes('name="k"') && text.includes('\r\nv\r\n'), log.length);
  }
  await run('fragment kept', `${base}/302/frag#hash`);
  await run('20 redirects', `${base}/count?n=19`);
  await run('21 redirects', `${base}/count?n=20`);
  await run('loop', `${base}/loop`);
  await run('manual', `${base}/301/target`, { redirect: 'manual' });
  await run('manual POST', `${base}/303/target`, { method: 'POST', body: 'x', redirect: 'manual' });
  await run('error', `${base}/302/target`, { redirect: 'error' });
  await run('error no redirect', `${base}/target`, { redirect: 'error' });
  await run('no location', `${base}/nolocation`);
  await run('bad location', `${base}/abs?to=${encodeURIComponent('http://[bad')}`);
  await run('to ftp', `${base}/abs?to=${encodeURIComponent('ftp://x/')}`);
  await run('to data', `${base}/abs?to=${encodeURIComponent('data:,hi')}`);
  await run('cross origin drops auth', `${base}/abs?to=${encodeURIComponent(`${other}/target`)}`, { headers: { authorization: 'secret' } });
  await run('same origin keeps auth', `${base}/301/target`, { headers: { authorization: 'secret' } });
  await run('streamed body 307', `${base}/307/target`, {
    method: 'POST',
    duplex: 'half',
    body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('streamed')); c.close(); } }),
  });
  await run('streamed body 303', `${base}/303/target`, {
    method: 'POST',
    duplex: 'half',
    body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('streamed')); c.close(); } }),
  });
  {
    const r = await fetch(`${base}/301/302/end`);
    const c = r.clone();
    console.log('clone keeps url and redirected', strip(c.url), c.redirected, await c.text() === await r.text());
  }
  server.close();
});
