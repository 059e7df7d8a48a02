// fetch over https: through node:https (the test CA is trusted through NODE_EXTRA_CA_CERTS,
// see fetch_https.env.json): a GET and a POST with the headers fetch sends over TLS (Accept-
// Encoding offers br first there), a redirect from https to https, keep-alive reuse, a gzip
// body, and a server with a self-signed certificate: "fetch failed" with the TLS error as the
// cause.
const https = require('https');
const fs = require('fs');
const zlib = require('zlib');

const tls = (name) => ({ key: fs.readFileSync(`tls/${name}.key`), cert: fs.readFileSync(`tls/${name}.crt`) });
let connections = 0;
const server = https.createServer(tls('server'), (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/echo' });
      res.end();
      return;
    }
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('compressed over tls'));
      return;
    }
    const headers = req.rawHeaders.filter((v, i) => i % 2 === 0 || !/^localhost:\d+$/.test(v));
    console.log('server:', req.method, req.url, headers.join('|'), JSON.stringify(Buffer.concat(chunks).toString()));
    res.end(`hello over ${req.socket.encrypted ? 'tls' : 'plain'}`);
  });
});
server.on('secureConnection', () => connections++);
const selfSigned = https.createServer(tls('self-signed'), (req, res) => res.end('unreachable'));

server.listen(0, '127.0.0.1', () => selfSigned.listen(0, '127.0.0.1', async () => {
  const base = `https://localhost:${server.address().port}`;
  let r = await fetch(`${base}/echo`);
  console.log(r.status, r.url.replace(base, 'BASE'), await r.text());
  r = await fetch(`${base}/echo`, { method: 'POST', body: 'secret' });
  console.log(r.status, await r.text());
  r = await fetch(`${base}/redirect`);
  console.log(r.status, r.redirected, r.url.replace(base, 'BASE'), await r.text());
  r = await fetch(`${base}/gzip`);
  console.log(await r.text());
  const before = connections;
  for (let i = 0; i < 3; i++) await (await fetch(`${base}/gzip`)).text();
  console.log('new connections for 3 sequential fetches:', connections - before);
  try {
    await fetch(`https://localhost:${selfSigned.address().port}/`);
  } catch (e) {
    console.log(e.name, e.message, '| cause', e.cause?.code, e.cause?.message);
  }
  server.close();
  selfSigned.close();
}));
