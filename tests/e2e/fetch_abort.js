// Aborting fetch with an AbortSignal against a local server: before the request, while it
// waits for the response head (the server sees the connection close), in the middle of the
// body (text() and a reader both reject), after the body is complete (no effect), with a custom
// reason, a Request's own signal, and AbortSignal.timeout's TimeoutError.
const http = require('http');

let received; // resolves when the server has a request
const nextRequest = () => new Promise((resolve) => { received = resolve; });
const events = [];
let closed; // resolves when the server sees a request's connection close
const nextClose = () => new Promise((resolve) => { closed = resolve; });

const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  req.on('close', () => {
    events.push(`server: ${u.pathname} request closed`);
    if (u.pathname !== '/done') closed?.();
  });
  if (u.pathname === '/hang') {
    received();
    return;
  }
  if (u.pathname === '/partial') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('part');
    received();
    return;
  }
  res.end('complete body');
});

function show(label, e) {
  console.log(label, Object.prototype.toString.call(e), e?.name, JSON.stringify(e?.message ?? e), e?.code,
    e instanceof DOMException, e instanceof Error);
}

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  {
    const ac = new AbortController();
    ac.abort();
    try { await fetch(`${base}/`, { signal: ac.signal }); } catch (e) { show('pre-aborted', e); console.log('same reason', e === ac.signal.reason); }
  }
  {
    const ac = new AbortController();
    ac.abort(new Error('my reason'));
    try { await fetch(`${base}/`, { signal: ac.signal }); } catch (e) { show('pre-aborted with reason', e); }
  }
  {
    const ac = new AbortController();
    ac.abort('a string');
    try { await fetch(`${base}/`, { signal: ac.signal }); } catch (e) { show('pre-aborted with a string', e); }
  }
  {
    try { await fetch(`${base}/`, { signal: AbortSignal.abort() }); } catch (e) { show('AbortSignal.abort()', e); }
  }
  {
    const ac = new AbortController();
    const wait = nextRequest();
    const gone = nextClose();
    const p = fetch(`${base}/hang`, { signal: ac.signal });
    await wait;
    ac.abort();
    try { await p; } catch (e) { show('while waiting for the head', e); }
    await gone;
    console.log(events.splice(0));
  }
  {
    const ac = new AbortController();
    const wait = nextRequest();
    const gone = nextClose();
    const r = await fetch(`${base}/partial`, { signal: ac.signal });
    await wait;
    console.log('got head', r.status);
    const text = r.text();
    ac.abort();
    try { await text; } catch (e) { show('text() mid-body', e); }
    console.log('bodyUsed', r.bodyUsed);
    await gone;
    console.log(events.splice(0));
  }
  {
    const ac = new AbortController();
    const wait = nextRequest();
    const gone = nextClose();
    const r = await fetch(`${base}/partial`, { signal: ac.signal });
    await wait;
    const reader = r.body.getReader();
    const first = await reader.read();
    console.log('first chunk', new TextDecoder().decode(first.value));
    ac.abort(new RangeError('custom mid-body'));
    try { await reader.read(); } catch (e) { show('reader mid-body', e); }
    try { await reader.closed; } catch (e) { show('reader.closed', e); }
    await gone;
    console.log(events.splice(0));
  }
  {
    const ac = new AbortController();
    const r = await fetch(`${base}/done`, { signal: ac.signal });
    const text = await r.text();
    ac.abort();
    console.log('abort after the body:', text, r.bodyUsed);
  }
  {
    const ac = new AbortController();
    const r = await fetch(`${base}/done`, { signal: ac.signal });
    ac.abort();
    try { console.log('abort before reading a complete body:', await r.text()); } catch (e) { show('abort before reading a complete body', e); }
  }
  {
    const ac = new AbortController();
    const r = await fetch(`${base}/done`, { signal: ac.signal });
    await settle();
    ac.abort(new Error('R'));
    console.log('body after abort', r.bodyUsed, r.body);
    try { await r.body.getReader().read(); } catch (e) { show('reading it', e); }
    const ac2 = new AbortController();
    const r2 = await fetch(`${base}/done`, { signal: ac2.signal });
    await settle();
    ac2.abort(new Error('R2'));
    try { await r2.arrayBuffer(); } catch (e) { show('arrayBuffer after abort with a reason', e); }
    console.log('clone after abort', typeof r2.clone());
  }
  {
    const ac = new AbortController();
    const request = new Request(`${base}/hang`, { signal: ac.signal });
    const wait = nextRequest();
    const p = fetch(request);
    await wait;
    ac.abort();
    try { await p; } catch (e) { show('Request signal', e); }
    console.log('request.signal aborted', request.signal.aborted);
  }
  {
    const wait = nextRequest();
    const p = fetch(`${base}/hang`, { signal: AbortSignal.timeout(30) });
    await wait;
    try { await p; } catch (e) { show('timeout', e); }
  }
  {
    const ac = new AbortController();
    const p = fetch(`${base}/`, { signal: ac.signal });
    ac.abort();
    try { await p; } catch (e) { show('aborted at once', e); }
  }
  await settle();
  events.length = 0;
  server.close();
});
