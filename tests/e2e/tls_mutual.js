// Mutual TLS: the server asks for a client certificate signed by its CA; one client has one,
// one has none (refused by the server), and a server that does not insist lets the second in
// with authorized false.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const results = [];

function attempt(name, serverOptions, clientOptions) {
  return new Promise((resolve) => {
    const log = { name, server: [], client: [] };
    const server = tls.createServer({
      key: read('server.key'), cert: read('server.crt'), ca: read('ca.crt'), requestCert: true,
      ...serverOptions,
    }, (socket) => {
      const peer = socket.getPeerCertificate();
      log.server.push(`secureConnection authorized=${socket.authorized} error=${socket.authorizationError} peer=${peer.subject ? peer.subject.CN : '(none)'}`);
      socket.end('welcome');
    });
    server.on('tlsClientError', (err) => log.server.push(`tlsClientError ${err.code}`));
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({
        host: 'localhost', port: server.address().port, ca: read('ca.crt'), ...clientOptions,
      }, () => {
        log.client.push(`secureConnect authorized=${client.authorized} protocol=${client.getProtocol()}`);
      });
      let data = '';
      client.on('data', (d) => { data += d; });
      client.on('error', (err) => log.client.push(`error ${err.code}`));
      client.on('close', () => {
        if (data) log.client.push(`data ${data}`);
        server.close(() => {
          results.push(log);
          resolve();
        });
      });
    });
  });
}

(async () => {
  await attempt('client certificate', {}, { key: read('client.key'), cert: read('client.crt') });
  await attempt('no client certificate', {}, {});
  await attempt('not required', { rejectUnauthorized: false }, {});
  await attempt('not asked', { requestCert: false }, { key: read('client.key'), cert: read('client.crt') });
  for (const { name, server, client } of results) {
    console.log(`${name}:`);
    for (const line of server) console.log(`  server ${line}`);
    for (const line of client) console.log(`  client ${line}`);
  }
})();
