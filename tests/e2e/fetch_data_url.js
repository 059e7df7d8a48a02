// fetch of data: URLs: percent-encoded and base64 bodies, the MIME type and its default,
// fragments dropped from the response URL, forgiving base64 (spaces, missing padding), the
// failures ("fetch failed"), any method, HEAD with no body, and the response's fields.
(async () => {
  const urls = [
    'data:,Hello%2C%20World!',
    'data:text/plain;base64,SGVsbG8=',
    'data:text/html;charset=utf-8,<b>x</b>',
    'data:;base64,AAEC',
    'data:image/png;base64,iVBO R w0=',
    'data:text/plain;base64,%%%',
    'data:nocomma',
    'data:application/json,{"a":1}#frag',
    'data:TEXT/Plain;Charset="x";a=b,x',
    'data:,a%zz',
    'data:text/plain;base64,SGVsbG8',
    'data:;charset=utf-8;base64,SGk=',
    'data:text/plain;BASE64 ,SGk=',
    'data:text/plain ; base64,SGk=',
    'data:bad type,x',
    'data:,',
    'data:text/plain;base64,S',
    'data:,%E2%82%AC',
    'data:application/octet-stream;base64,/+8=',
  ];
  for (const u of urls) {
    try {
      const r = await fetch(u);
      const bytes = new Uint8Array(await r.arrayBuffer());
      console.log(JSON.stringify(u), r.status, JSON.stringify(r.statusText), JSON.stringify([...r.headers]), r.url, r.type,
        r.redirected, r.ok, JSON.stringify(Buffer.from(bytes).toString('latin1')));
    } catch (e) {
      console.log(JSON.stringify(u), e.name, e.message, '| cause', e.cause?.name, e.cause?.message);
    }
  }
  const post = await fetch('data:,x', { method: 'POST', body: 'ignored' });
  console.log('POST', post.status, await post.text());
  const head = await fetch('data:,x', { method: 'HEAD' });
  console.log('HEAD', head.status, head.body, JSON.stringify(await head.text()));
  const r = await fetch('data:application/json,{"ok":true}');
  console.log(await r.json(), r.bodyUsed);
  try { r.headers.set('x', 'y'); } catch (e) { console.log('immutable', e.message); }
  const blob = await (await fetch('data:text/csv;base64,YSxiCjEsMg==')).blob();
  console.log(blob, await blob.text());
  const ac = new AbortController();
  ac.abort();
  try { await fetch('data:,x', { signal: ac.signal }); } catch (e) { console.log('aborted', e.name); }
})();
