// A server's ALPNCallback chooses the protocol from the client's list: it hears
// { servername, protocols } (servername false without SNI), only for hellos that offer
// protocols; undefined refuses the client (no_application_protocol), a name the client did not
// offer drops the connection with ERR_TLS_ALPN_CALLBACK_INVALID_RESULT. With ALPNProtocols
// as well, createServer throws.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

const server = tls.createServer({
  key: read('server.key'),
  cert: read('server.crt'),
  ALPNCallback(hello) {
    console.log('ALPNCallback', JSON.stringify(hello), this instanceof tls.TLSSocket);
    if (hello.protocols.includes('b')) return 'b';
    if (hello.protocols[0] === 'bad') return 'other';
    return undefined;
  },
}, (socket) => {
  console.log('server secureConnection alpn', socket.alpnProtocol, 'servername', socket.servername);
  socket.end();
});
server.on('tlsClientError', (err) => console.log('tlsClientError', err.code, err.name,
  err.code === 'ERR_TLS_ALPN_CALLBACK_INVALID_RESULT' ? err.message : ''));

const cases = [
  { ALPNProtocols: ['a', 'b', 'c'] },
  { ALPNProtocols: ['b'], servername: 'localhost' },
  { ALPNProtocols: ['q'] },
  {},
  { ALPNProtocols: ['bad', 'worse'] },
];

server.listen(0, '127.0.0.1', async () => {
  for (const options of cases) {
    await new Promise((resolve) => {
      const client = tls.connect({
        host: '127.0.0.1', port: server.address().port, ca: read('ca.crt'), checkServerIdentity: () => undefined,
        ...options,
      }, () => console.log('client secureConnect alpn', client.alpnProtocol));
      client.on('error', (err) => console.log('client error', err.code));
      client.on('close', resolve);
      client.resume();
    });
  }
  server.close();
  try {
    tls.createServer({ ALPNCallback: () => 'a', ALPNProtocols: ['a'] });
  } catch (err) {
    console.log('both options:', err.code, err.name, err.message);
  }
});
