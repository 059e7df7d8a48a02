// Slow clients: a head that never completes gets 408 once headersTimeout passes (checked every
// connectionsCheckingInterval); an idle keep-alive connection is closed after keepAliveTimeout;
// req.setTimeout on the client fires 'timeout'.
const http = require('http');
const net = require('net');
const server = http.createServer({ headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 },
  (req, res) => {
    if (req.url === '/slow') return; // never answers
    res.end('ok');
  });
server.keepAliveTimeout = 150;
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const slowloris = net.connect(port, '127.0.0.1', () => slowloris.write('GET / HTTP/1.1\r\nHost: x\r\n'));
  let out = '';
  slowloris.on('data', (d) => out += d);
  slowloris.on('close', () => {
    console.log('slowloris answer:', JSON.stringify(out));
    idleKeepAlive(port);
  });
});

function idleKeepAlive(port) {
  const c = net.connect(port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  const start = Date.now();
  c.on('data', () => {});
  c.on('end', () => {
    console.log('idle keep-alive closed by the server:', Date.now() - start >= 100);
    clientTimeout(port);
  });
}

function clientTimeout(port) {
  const req = http.get({ port, host: '127.0.0.1', path: '/slow', agent: false });
  req.setTimeout(100, () => {
    console.log('client request timed out');
    req.destroy();
  });
  req.on('error', (e) => {
    console.log('client error', e.code, e.message);
    server.close(() => console.log('server closed'));
    server.closeAllConnections();
  });
}
