// An https server and client: https.get with the test CA (URL and options forms), a POST with
// a body, the socket's TLS details on both sides, and the error for a CA the client lacks.
const https = require('https');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

const server = https.createServer({ key: read('server.key'), cert: read('server.crt') }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'text/plain');
    res.setHeader('x-encrypted', String(req.socket.encrypted));
    res.setHeader('x-alpn', String(req.socket.alpnProtocol));
    res.end(`${req.method} ${req.url} host=${req.headers.host.replace(/:\d+$/, ':PORT')} body=${JSON.stringify(body)}`);
  });
});

function fetchText(make) {
  return new Promise((resolve, reject) => {
    const req = make((res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ` +
        `encrypted=${res.headers['x-encrypted']} alpn=${res.headers['x-alpn']} | ${text}`));
    });
    req.on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const ca = read('ca.crt');
  console.log(await fetchText((cb) => https.get(`https://localhost:${port}/by-url?q=1`, { ca }, cb)));
  console.log(await fetchText((cb) => https.get({ host: 'localhost', port, path: '/by-options', ca }, cb)));
  console.log(await fetchText((cb) => {
    const req = https.request({ host: 'localhost', port, path: '/post', method: 'POST', ca }, cb);
    req.end('some data');
    return req;
  }));
  await fetchText((cb) => https.get(`https://localhost:${port}/no-ca`, cb))
    .catch((err) => console.log('without the CA:', err.code, err.message));
  await fetchText((cb) => https.get(`https://127.0.0.1:${port}/by-address`, { ca }, cb))
    .then((text) => console.log('by address:', text));
  console.log('agent:', https.globalAgent instanceof https.Agent, https.globalAgent.defaultPort,
    https.globalAgent.protocol);
  https.globalAgent.destroy();
  server.close(() => console.log('closed'));
});
