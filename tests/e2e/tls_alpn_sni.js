// ALPN (the server's preference wins; no common protocol fails the handshake on both sides) and
// SNI (the name the client sends is the server socket's servername; none is sent unless asked).
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

function attempt(serverOptions, clientOptions) {
  return new Promise((resolve) => {
    const lines = [];
    const server = tls.createServer({ key: read('server.key'), cert: read('server.crt'), ...serverOptions },
      (socket) => {
        lines.push(`server: alpn=${socket.alpnProtocol} servername=${socket.servername}`);
        socket.end();
      });
    server.on('tlsClientError', (err, socket) => {
      lines.push(`server tlsClientError: ${err.code}`);
      socket.destroy();
    });
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ port: server.address().port, ca: read('ca.crt'), host: 'localhost', ...clientOptions },
        () => lines.push(`client: alpn=${client.alpnProtocol} servername=${client.servername} authorized=${client.authorized}`));
      client.on('error', (err) => lines.push(`client error: ${err.code}`));
      client.on('close', () => server.close(() => resolve(lines.sort().join('\n  '))));
    });
  });
}

(async () => {
  console.log('alpn, both offer two:\n  ' +
    await attempt({ ALPNProtocols: ['h2', 'http/1.1'] }, { ALPNProtocols: ['http/1.1', 'h2'] }));
  console.log('alpn, client only:\n  ' + await attempt({}, { ALPNProtocols: ['http/1.1'] }));
  console.log('alpn, server only:\n  ' + await attempt({ ALPNProtocols: ['h2'] }, {}));
  console.log('alpn, as buffers:\n  ' +
    await attempt({ ALPNProtocols: ['x-proto'] }, { ALPNProtocols: Buffer.from('\x07x-proto') }));
  console.log('alpn, nothing in common:\n  ' +
    await attempt({ ALPNProtocols: ['h2'] }, { ALPNProtocols: ['http/1.1'] }));
  console.log('sni, given:\n  ' + await attempt({}, { servername: 'localhost' }));
  console.log('sni, not given:\n  ' + await attempt({}, {}));
  console.log('sni, wildcard certificate:\n  ' +
    await attempt({ key: read('other.key'), cert: read('other.crt') }, { servername: 'api.other.example' }));
  const seen = [];
  console.log('sni, SNICallback:\n  ' + await attempt({
    SNICallback(name, cb) {
      seen.push(name);
      cb(null, tls.createSecureContext({ key: read('server.key'), cert: read('server.crt') }));
    },
  }, { servername: 'localhost' }));
  console.log('  SNICallback saw:', seen);
})();
