// Request and Response without the network: constructor checks and Node's messages, the body
// kinds (string, bytes, Blob, URLSearchParams, FormData, ReadableStream) and the Content-Type
// each implies, the Body mixin and its "used" rules, clone/tee, Response.error/json/redirect,
// signals, and the shapes util.inspect and the prototypes show.
const util = require('util');

function t(label, f) {
  try {
    console.log(label, util.inspect(f(), { breakLength: 120 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message), e.cause ? `cause: ${e.cause.name} ${e.cause.code}` : '');
  }
}
async function at(label, f) {
  try {
    console.log(label, util.inspect(await f(), { breakLength: 120 }));
  } catch (e) {
    console.log(label, 'rejects', e.name, e.code, JSON.stringify(e.message));
  }
}

(async () => {
  console.log('--- Request constructor');
  t('no args', () => new Request());
  t('relative', () => new Request('/x'));
  t('credentials', () => new Request('http://u:p@x/'));
  t('GET body', () => new Request('http://x/', { method: 'GET', body: 'a' }));
  t('HEAD body', () => new Request('http://x/', { method: 'HEAD', body: 'a' }));
  t('CONNECT', () => new Request('http://x/', { method: 'CONNECT' }));
  t('bad method', () => new Request('http://x/', { method: 'a b' }));
  t('empty method', () => new Request('http://x/', { method: '' }));
  t('normalized', () => ['post', 'Delete', 'get', 'options', 'put', 'head', 'PATCH', 'custom'].map((m) => new Request('http://x/', { method: m }).method));
  t('mode navigate', () => new Request('http://x/', { mode: 'navigate' }));
  t('mode bad', () => new Request('http://x/', { mode: 'bad' }));
  t('redirect bad', () => new Request('http://x/', { redirect: 'bad' }));
  t('credentials bad', () => new Request('http://x/', { credentials: 'x' }));
  t('cache bad', () => new Request('http://x/', { cache: 'x' }));
  t('referrerPolicy bad', () => new Request('http://x/', { referrerPolicy: 'x' }));
  t('signal bad', () => new Request('http://x/', { signal: 1 }));
  t('init number', () => new Request('http://x/', 1));
  t('headers bad', () => new Request('http://x/', { headers: 1 }));
  t('stream no duplex', () => new Request('http://x/', { method: 'POST', body: new ReadableStream() }));
  t('duplex full', () => new Request('http://x/', { method: 'POST', body: new ReadableStream(), duplex: 'full' }));
  t('duplex half', () => new Request('http://x/', { method: 'POST', body: new ReadableStream(), duplex: 'half' }).duplex);
  t('window', () => new Request('http://x/', { window: 1 }));
  t('window null', () => new Request('http://x/', { window: null }).url);
  t('only-if-cached', () => new Request('http://x/', { cache: 'only-if-cached' }));
  t('referrers', () => ['http://y/', '', 'about:client'].map((referrer) => new Request('http://x/', { referrer }).referrer));
  t('bad referrer', () => new Request('http://x/', { referrer: 'http://[bad' }));
  t('fields', () => {
    const r = new Request('HTTP://X.com:80/a b?c d#frag', { integrity: 'abc', keepalive: true, cache: 'no-store', credentials: 'omit', mode: 'same-origin', redirect: 'manual' });
    return [r.url, r.integrity, r.keepalive, r.cache, r.credentials, r.mode, r.redirect, r.destination, r.referrerPolicy, r.isReloadNavigation, r.isHistoryNavigation, r.duplex];
  });
  t('URL input', () => new Request(new URL('http://x/q')).url);
  t('content types', () => [
    'abc', new URLSearchParams('a=1&b=2'), new Blob(['x'], { type: 'Text/X' }), new Uint8Array(2),
    new ArrayBuffer(1), new FormData(), {}, new Blob(['y']),
  ].map((body) => {
    const type = new Request('http://x/', { method: 'POST', body }).headers.get('content-type');
    return type && type.replace(/undici-0\d+/, 'undici-N');
  }));
  t('given content type', () => new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-type': 'a/b' } }).headers.get('content-type'));
  console.log(new Request('http://x/a', { method: 'POST', body: 'abc', headers: { 'X-Y': 'z' } }));

  console.log('--- Request from Request');
  {
    const r = new Request('http://x/', { method: 'POST', body: 'abc' });
    const r2 = new Request(r);
    console.log([r.bodyUsed, r2.bodyUsed, r.body === null, await r2.text()]);
    t('from used', () => new Request(r));
    t('from used with body', () => new Request(r, { body: 'y' }).method);
    const r3 = new Request('http://x/', { method: 'POST', body: 'abc' });
    const r4 = new Request(r3, { method: 'PUT' });
    console.log([r4.method, r4.headers.get('content-type'), await r4.text()]);
    t('to GET with body', () => new Request(new Request('http://x/', { method: 'POST', body: 'abc' }), { method: 'GET' }));
    await at('fetch used', async () => {
      const q = new Request('http://x', { method: 'POST', body: 'x' });
      await q.text();
      return fetch(q);
    });
  }

  console.log('--- Request clone and signals');
  {
    const r = new Request('http://x/', { method: 'POST', body: 'x' });
    const c = r.clone();
    console.log(await r.text(), await c.text());
    t('clone used', () => r.clone());
    const ac = new AbortController();
    const r1 = new Request('http://x/', { signal: ac.signal });
    const r2 = r1.clone();
    console.log(r1.signal === ac.signal, r2.signal === r1.signal, r1.signal.aborted);
    ac.abort('why');
    console.log(r1.signal.aborted, r1.signal.reason, r2.signal.aborted, r2.signal.reason);
    console.log(new Request('http://x/', { signal: AbortSignal.abort('pre') }).signal.reason);
    console.log(new Request('http://x/').signal);
  }

  console.log('--- Response constructor');
  t('status 99', () => new Response(null, { status: 99 }));
  t('status 600', () => new Response(null, { status: 600 }));
  t('status 0', () => new Response('', { status: 0 }));
  t('status wraps', () => new Response('', { status: 65736 }).status);
  t('status negative', () => new Response('', { status: -65336 }).status);
  t('status string', () => new Response(undefined, { status: '201' }).status);
  t('status fraction', () => new Response(undefined, { status: 200.5 }).status);
  t('204 with body', () => new Response('x', { status: 204 }));
  t('205 empty string', () => new Response('', { status: 205 }));
  t('204 null', () => new Response(null, { status: 204 }).status);
  t('statusText newline', () => new Response(null, { statusText: 'a\nb' }));
  t('statusText latin1', () => new Response('', { statusText: '\u00e9' }).statusText);
  t('statusText wide', () => new Response('', { statusText: '\u0101' }));
  t('init number', () => new Response(undefined, 1));
  t('call', () => Response());
  t('brand getter', () => Object.getOwnPropertyDescriptor(Response.prototype, 'status').get.call({}));
  t('ok', () => [200, 299, 300, 404].map((status) => new Response(null, { status }).ok));
  console.log(new Response('hi', { status: 201, statusText: 'Made', headers: { x: 'y' } }));

  console.log('--- statics');
  console.log(Response.error());
  console.log(Response.redirect('http://x.test/a', 301));
  t('redirect relative', () => Response.redirect('/x'));
  t('redirect 200', () => Response.redirect('http://x/', 200));
  console.log(Response.json({ a: [1, 'b'] }, { status: 202, headers: { 'x-y': 'z' } }));
  t('json bigint', () => Response.json(1n));
  t('json undefined', () => Response.json(undefined));
  t('json own type', () => Response.json({}, { headers: { 'content-type': 'x/y' } }).headers.get('content-type'));
  t('json 204', () => Response.json({ a: 1 }, { status: 204 }));
  await at('json body', () => Response.json({ a: 1 }).json());

  console.log('--- body mixin');
  {
    const r = new Response('hello');
    await at('text', () => r.text());
    console.log('bodyUsed', r.bodyUsed, r.body);
    await at('text again', () => r.text());
    await at('json after', () => r.json());
    t('clone used', () => r.clone());
  }
  await at('bad json', async () => { try { await new Response('{bad').json(); } catch (e) { return e.name; } });
  await at('json', () => new Response('{"a":1}').json());
  await at('arrayBuffer', () => new Response('abc').arrayBuffer());
  await at('bytes', () => new Response('abc').bytes());
  await at('blob', () => new Response('abc', { headers: { 'content-type': 'Text/X;A=B' } }).blob());
  await at('blob default type', () => new Response('abc').blob());
  await at('null text', () => new Response(null).text());
  await at('null arrayBuffer', () => new Response(null).arrayBuffer());
  await at('null blob', () => new Response(null).blob());
  await at('null formData', () => new Response(null).formData());
  await at('urlencoded formData', async () => [...await new Response('a=1&b=%20x+y&a=2', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData()]);
  await at('text formData', () => new Response('abc').formData());
  await at('no boundary', () => new Response('abc', { headers: { 'content-type': 'multipart/form-data' } }).formData());
  await at('locked', async () => {
    const s = new Response('abc');
    s.body.getReader();
    return [s.bodyUsed, s.body.locked, await s.text().catch((e) => e.message)];
  });
  await at('read one', async () => {
    const s = new Response('abc');
    const rd = s.body.getReader();
    return [await rd.read(), s.bodyUsed, await rd.read()];
  });
  await at('clone both', async () => {
    const s = new Response('abc');
    const c = s.clone();
    return [await s.text(), await c.text(), s.bodyUsed, c.bodyUsed];
  });
  await at('clone after body', async () => {
    const s = new Response('xyz');
    const b = s.body;
    const c = s.clone();
    return [b === s.body, await s.text(), await c.text()];
  });
  await at('stream string chunk', () => new Response(new ReadableStream({ start(c) { c.enqueue('str'); c.close(); } })).text());
  await at('stream Uint16 chunk', () => new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); c.enqueue(new Uint16Array([66])); c.close(); } })).text());
  await at('stream error', () => new Response(new ReadableStream({ start(c) { c.error(new Error('boom')); } })).text());
  await at('stream chunks', () => new Response(new ReadableStream({
    start(c) { c.enqueue(new Uint8Array([104, 105])); c.enqueue(Buffer.from(' there')); c.close(); },
  })).text());
  await at('BOM stripped', () => new Response('\uFEFFabc').text());
  await at('invalid UTF-8', () => new Response(new Uint8Array([0xEF, 0xBB, 0xBF, 0x61, 0xff])).text());
  await at('BOM json', () => new Response('\uFEFF{"a":1}').json());
  await at('DataView', () => new Response(new DataView(new ArrayBuffer(3), 1)).arrayBuffer());
  await at('subarray', () => new Response(new Uint8Array([1, 2, 3]).subarray(1)).bytes());
  await at('copied at construction', async () => {
    const u8 = new Uint8Array([1, 2]);
    const r = new Response(u8);
    u8[0] = 9;
    return r.bytes();
  });
  await at('Blob body', async () => {
    const r = new Response(new Blob(['a'], { type: 'X/Y' }));
    return [r.headers.get('content-type'), await r.text()];
  });
  await at('async iterable', () => new Response((async function* () { yield 'a'; yield Buffer.from('b'); })()).text());
  t('locked stream', () => { const s = new ReadableStream(); s.getReader(); return new Response(s); });
  await at('disturbed stream', async () => {
    const r6 = new Response('abc');
    await r6.body.getReader().read();
    return new Request('http://x/', { method: 'POST', body: r6.body, duplex: 'half' });
  });
  t('same stream', () => { const s = new ReadableStream(); return new Response(s).body === s; });
  await at('brand', () => Response.prototype.text.call({}));
  { const p = Response.prototype.text.call({}); p.catch(() => {}); console.log(p instanceof Promise); }

  console.log('--- shapes');
  console.log(Object.getOwnPropertyNames(Response.prototype));
  console.log(Object.getOwnPropertyNames(Request.prototype));
  console.log(Object.getOwnPropertyNames(Response).sort());
  console.log(Response.name, Response.length, Request.name, Request.length);
  console.log(Object.prototype.toString.call(new Response()), Object.prototype.toString.call(new Request('http://x/')));
  console.log(Object.getOwnPropertyDescriptor(Response.prototype, 'status'));
  console.log(Object.getOwnPropertyDescriptor(Request.prototype, 'attribute'));
  console.log(Object.keys(new Response()), JSON.stringify(new Response()));
  console.log({ x: { y: new Response('x') } });
})();
