// FormData: the API (append/set/get/getAll/has/delete, iteration, File entries and their
// names), the multipart/form-data encoding fetch sends (escaping, line breaks, Content-Types,
// the boundary) as a local server receives it, formData() parsing of what a server sends
// (multipart and urlencoded) including malformed bodies, and Node's messages.
const http = require('http');
const util = require('util');

function t(label, f) {
  try {
    console.log(label, util.inspect(f(), { breakLength: 120 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message));
  }
}
const fileInfo = (f) => (typeof f === 'string' ? f : `${f.constructor.name}(${f.name}, ${f.type || '""'}, ${f.size})`);

console.log('--- API');
const fd = new FormData();
fd.append('a', '1');
fd.append('a', '2');
fd.append('b', new Blob(['zz'], { type: 'text/plain' }));
t('get', () => [fd.get('a'), fd.get('zz'), fd.getAll('a'), fd.has('a'), fd.has('zz')]);
t('blob entry becomes a File', () => fileInfo(fd.get('b')));
t('three arguments, string', () => fd.append('x', 'y', 'z'));
t('blob with a filename', () => { fd.append('x', new Blob(['q']), 'name.txt'); return fileInfo(fd.get('x')); });
t('file renamed', () => { fd.append('y', new File(['q'], 'orig.txt', { lastModified: 5 }), 'renamed.txt'); const f = fd.get('y'); return [fileInfo(f), f.lastModified]; });
t('same file object', () => { const file = new File(['q'], 'orig.txt'); fd.set('y2', file); return fd.get('y2') === file; });
t('append(x)', () => fd.append('x'));
t('append()', () => fd.append());
t('new FormData(1)', () => new FormData(1));
t('new FormData({})', () => new FormData({}));
t('new FormData(undefined)', () => [...new FormData(undefined)]);
t('set replaces all', () => { fd.set('a', '3'); return fd.getAll('a'); });
t('set keeps position', () => [...fd.keys()]);
t('delete', () => { fd.delete('a'); return fd.has('a'); });
t('converted names', () => { fd.append(1, { toString() { return 'obj'; } }); return fd.get('1'); });
t('get()', () => fd.get());
t('getAll()', () => fd.getAll());
t('brand', () => FormData.prototype.get.call({}, 'a'));
t('numeric filename', () => { fd.append('n', new Blob(['q']), 2); return fileInfo(fd.getAll('n')[0]); });
t('line breaks kept in the list', () => { const g = new FormData(); g.append('a\r\nb', 'v\nw\rx\r\ny'); return [...g]; });
t('forEach', () => { const g = new FormData(); g.append('a', 'b'); g.append('c', 'd'); const o = []; g.forEach(function(v, k, p) { o.push([v, k, p === g, typeof this]); }, 7); return o; });
t('values', () => [...fd.values()].map(fileInfo));
t('iterator', () => { const it = fd.entries(); return [Object.prototype.toString.call(it), it]; });
t('lone surrogates', () => { const g = new FormData(); g.append('\ud800', '\udc00x'); return [...g]; });
console.log(Object.getOwnPropertyNames(FormData.prototype), FormData.length, FormData.name, Object.prototype.toString.call(fd));
const shown = new FormData();
shown.append('one', '1');
shown.append('two', '2');
shown.append('two', '3');
console.log(shown, new FormData());

const multipart = (boundary, parts) => parts.map((p) => `--${boundary}\r\n${p}`).join('') + `--${boundary}--\r\n`;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/echo') {
      const type = req.headers['content-type'];
      const boundary = /boundary=(.*)$/.exec(type)[1];
      console.log('server: type', type.replace(boundary, 'BOUNDARY'), 'length', req.headers['content-length'], body.length);
      console.log('server: boundary shape', /^----formdata-undici-0\d{11}$/.test(boundary));
      console.log(JSON.stringify(body.toString('latin1').split(boundary).join('BOUNDARY')));
      res.writeHead(200, { 'content-type': type });
      res.end(body);
      return;
    }
    const u = new URL(req.url, 'http://x');
    res.writeHead(200, { 'content-type': u.searchParams.get('type') });
    res.end(u.searchParams.get('body'));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log('--- encoding, round trip');
  const form = new FormData();
  form.append('name', 'va"l\r\nue\nwith\rbreaks');
  form.append('fi"le\n', new File(['con\r\ntent'], 'f"\n.txt', { type: 'text/plain' }));
  form.append('blob', new Blob(['bb']));
  form.append('bin', new File([new Uint8Array([0, 255, 128])], 'n.bin'));
  form.append('empty', '');
  form.append('unicode', 'h\u00e9llo \u{1f600}');
  const r = await fetch(`${base}/echo`, { method: 'POST', body: form });
  const back = await r.formData();
  for (const [k, v] of back) console.log('parsed back', JSON.stringify(k), typeof v === 'string' ? JSON.stringify(v) : fileInfo(v));
  const binary = back.get('bin');
  console.log('binary bytes', [...new Uint8Array(await binary.arrayBuffer())]);

  console.log('--- parsing what a server sends');
  const cases = {
    simple: ['B', multipart('B', [
      'Content-Disposition: form-data; name="f"; filename="x.txt"\r\n\r\nabc\r\n',
      'Content-Disposition: form-data; name="s"\r\nContent-Type: text/html\r\n\r\nstr\r\n',
    ])],
    quotedBoundary: ['"B"', multipart('B', ['Content-Disposition: form-data; name="a"\r\n\r\n1\r\n'])],
    leadingCRLF: ['B', `\r\n${multipart('B', ['Content-Disposition: form-data; name="a"\r\n\r\n1\r\n'])}`],
    onlyClose: ['B', '--B--'],
    noClose: ['B', '--B\r\nContent-Disposition: form-data; name="f"\r\n\r\nabc\r\n--B'],
    preamble: ['B', 'preamble\r\n--B\r\nContent-Disposition: form-data; name="f"\r\n\r\nabc\r\n--B--'],
    epilogue: ['B', '--B\r\nContent-Disposition: form-data; name="f"\r\n\r\nabc\r\n--B--\r\nepilogue'],
    noDisposition: ['B', '--B\r\nContent-Type: x\r\n\r\nabc\r\n--B--'],
    unquotedName: ['B', '--B\r\nContent-Disposition: form-data; name=f\r\n\r\nabc\r\n--B--'],
    escapedNames: ['B', multipart('B', ['Content-Disposition: form-data; name="a%22b%0Ac"; filename="f%22%0D%0A.txt"\r\nContent-Type: image/png\r\n\r\nPNG\r\n'])],
    lowerCaseHeader: ['B', multipart('B', ['content-disposition: form-data; name="a"\r\n\r\nlower\r\n'])],
  };
  for (const [label, [boundary, body]] of Object.entries(cases)) {
    const type = `multipart/form-data; boundary=${boundary}`;
    try {
      const got = await (await fetch(`${base}/send?type=${encodeURIComponent(type)}&body=${encodeURIComponent(body)}`)).formData();
      console.log(label, [...got].map(([k, v]) => [k, fileInfo(v)]));
    } catch (e) {
      console.log(label, e.name, e.message);
    }
  }
  for (const [type, body] of [
    ['application/x-www-form-urlencoded', 'a=1&b=%20x+y&a=2&c'],
    ['application/x-www-form-urlencoded;charset=UTF-8', 'k=caf%C3%A9'],
    ['text/plain', 'a=1'],
    ['multipart/form-data', 'x'],
  ]) {
    try {
      const got = await (await fetch(`${base}/send?type=${encodeURIComponent(type)}&body=${encodeURIComponent(body)}`)).formData();
      console.log(type, [...got]);
    } catch (e) {
      console.log(type, e.name, e.message);
    }
  }
  server.close();
});
