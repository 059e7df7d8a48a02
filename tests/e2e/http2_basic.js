'use strict';
// node:http2 end to end on 127.0.0.1: a request with a body and custom headers, a response with
// trailers, a server push, a stream reset with an error code, session ping/settings, and the
// compatibility API. Events are printed in a fixed order (each step waits for the previous).
const http2 = require('http2');
const assert = require('assert');

const server = http2.createServer();
server.on('stream', (stream, headers) => {
  const path = headers[':path'];
  if (path === '/echo') {
    let body = '';
    stream.setEncoding('utf8');
    stream.on('data', (d) => { body += d; });
    stream.on('end', () => {
      stream.respond({ ':status': 201, 'x-echo': headers['x-in'], 'content-type': 'text/plain' },
                     { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'x-trailer': 'done' }));
      stream.end(`echo:${body}`);
    });
  } else if (path === '/push') {
    stream.pushStream({ ':path': '/pushed.txt' }, (err, push, pushHeaders) => {
      assert.ifError(err);
      push.respond({ ':status': 200, 'x-pushed': 'yes' });
      push.end('pushed body');
      stream.respond({ ':status': 200 });
      stream.end('main body');
    });
  } else if (path === '/reset') {
    stream.on('error', (e) => console.log('server stream error', e.code, e.message));
    stream.close(http2.constants.NGHTTP2_ENHANCE_YOUR_CALM);
  }
});

function request(client, headers, body) {
  return new Promise((resolve) => {
    const req = client.request(headers, { endStream: body === undefined });
    const out = { headers: null, trailers: null, body: '', error: null };
    req.on('response', (h, flags) => { out.headers = h; out.flags = flags; });
    req.on('trailers', (t) => { out.trailers = t; });
    req.on('error', (e) => { out.error = `${e.code}: ${e.message}`; });
    req.setEncoding('utf8');
    req.on('data', (d) => { out.body += d; });
    req.on('close', () => { out.rstCode = req.rstCode; resolve(out); });
    if (body !== undefined) req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  await new Promise((r) => client.once('remoteSettings', r));
  console.log('connected', client.type === http2.constants.NGHTTP2_SESSION_CLIENT, client.alpnProtocol);

  const echo = await request(client, { ':method': 'POST', ':path': '/echo', 'x-in': 'hello' }, 'abc');
  console.log('echo', echo.headers[':status'], echo.headers['x-echo'], echo.headers['content-type'],
              echo.body, echo.trailers['x-trailer'], echo.rstCode);

  const pushed = new Promise((resolve) => {
    client.once('stream', (push, reqHeaders) => {
      let body = '';
      push.setEncoding('utf8');
      push.on('push', (h) => { body += `[${h[':status']} ${h['x-pushed']}]`; });
      push.on('data', (d) => { body += d; });
      push.on('end', () => resolve(`${reqHeaders[':path']} ${body}`));
    });
  });
  const main = await request(client, { ':path': '/push' });
  console.log('main', main.headers[':status'], main.body);
  console.log('push', await pushed);

  const reset = await request(client, { ':path': '/reset' });
  console.log('reset', reset.headers, reset.rstCode, reset.error);

  const duration = await new Promise((resolve, reject) => {
    client.ping(Buffer.from('12345678'), (err, ms, payload) => (err ? reject(err) : resolve(payload.toString())));
  });
  console.log('ping payload', duration);

  await new Promise((resolve) => client.settings({ enablePush: false }, resolve));
  console.log('settings acked', client.localSettings.enablePush);

  client.close(() => {
    console.log('client closed');
    server.close(() => console.log('server closed'));
    compat();
  });
});

function compat() {
  const srv = http2.createServer((req, res) => {
    res.setHeader('x-compat', req.headers['x-q']);
    res.writeHead(202, { 'content-type': 'text/plain' });
    res.end(`${req.method} ${req.url} ${req.httpVersion}`);
  });
  srv.listen(0, '127.0.0.1', async () => {
    const client = http2.connect(`http://127.0.0.1:${srv.address().port}`);
    const r = await request(client, { ':path': '/compat?x=1', 'x-q': 'qq' });
    console.log('compat', r.headers[':status'], r.headers['x-compat'], r.headers['content-type'], r.body);
    client.close(() => srv.close(() => console.log('compat done')));
  });
}
