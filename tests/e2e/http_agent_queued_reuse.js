'use strict';
// A keep-alive agent with one socket and twenty queued requests hands the socket from request
// to request; each handover must take the free socket's error guard off again, or the socket
// collects one 'error' listener per request (and a MaxListenersExceededWarning on stderr).
const http = require('http');

const server = http.createServer((req, res) => res.end(req.url));
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set();
  let done = 0;
  let lastSocket;
  for (let i = 0; i < 20; i++) {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path: `/${i}`, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        if (body !== `/${i}`) console.log('wrong body', i, body);
        if (++done === 20) {
          setImmediate(() => {
            console.log('sockets used:', sockets.size);
            console.log('error listeners on the pooled socket:', lastSocket.listenerCount('error'));
            agent.destroy();
            server.close(() => console.log('closed'));
          });
        }
      });
    });
    req.on('socket', (socket) => {
      sockets.add(socket);
      lastSocket = socket;
    });
  }
});
