// Upgrade (101 with the bytes after the head handed over), Expect: 100-continue with and
// without a checkContinue listener, and 1xx 'information' events on the client.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => body += d);
  req.on('end', () => res.end(`got ${body}`));
});
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade', req.headers.upgrade, JSON.stringify(head.toString()));
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.write(`echo:${d}`));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const req = http.request({ port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgraded', res.statusCode, res.headers.upgrade, head.length);
    socket.write('ping');
    socket.once('data', (d) => {
      console.log('client got', d.toString());
      socket.destroy();
      continueTest(port);
    });
  });
  req.end();
});

function continueTest(port) {
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { Expect: '100-continue' } });
  req.on('continue', () => {
    console.log('client: continue');
    req.end('body');
  });
  req.on('information', (info) => console.log('client: information', info.statusCode));
  req.on('response', (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('client response', res.statusCode, d));
    res.on('end', () => checkContinueTest(port));
  });
}

function checkContinueTest(port) {
  server.on('checkContinue', (req, res) => {
    console.log('server: checkContinue', req.url);
    res.writeHead(417);
    res.end();
  });
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/refuse', headers: { Expect: '100-continue' } });
  req.on('response', (res) => {
    console.log('client response', res.statusCode, res.statusMessage);
    res.resume();
    res.on('end', () => server.close(() => console.log('done')));
  });
  req.on('continue', () => console.log('unexpected continue'));
  req.end();
}
