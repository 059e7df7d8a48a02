// Certificates a client must refuse, with Node's error codes and words: self-signed, unknown
// issuer, expired, issued for another host name or address. With rejectUnauthorized: false the
// connection is made and the reason is kept in authorizationError.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

const cases = [
  ['self-signed', 'self-signed', {}],
  ['self-signed, trusted as ca', 'self-signed', { ca: read('self-signed.crt') }],
  ['unknown issuer', 'server', {}],
  ['expired', 'expired', { ca: read('ca.crt') }],
  ['other host name', 'other', { ca: read('ca.crt') }],
  ['other host, by address', 'other', { ca: read('ca.crt'), host: '127.0.0.1' }],
  ['wildcard name', 'other', { ca: read('ca.crt'), servername: 'www.other.example' }],
  ['wildcard, two labels deep', 'other', { ca: read('ca.crt'), servername: 'a.b.other.example' }],
  ['server by address', 'server', { ca: read('ca.crt'), host: '127.0.0.1' }],
];

function attempt(certName, clientOptions, rejectUnauthorized) {
  return new Promise((resolve) => {
    const server = tls.createServer({ key: read(`${certName}.key`), cert: read(`${certName}.crt`) },
      (socket) => socket.end('hello'));
    server.on('tlsClientError', (err, socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => {
      let outcome;
      const client = tls.connect({
        host: 'localhost', port: server.address().port, rejectUnauthorized, ...clientOptions,
      }, () => {
        outcome = `connected authorized=${client.authorized} authorizationError=${client.authorizationError}`;
        client.resume();
        client.end();
      });
      client.on('error', (err) => {
        outcome = `error ${err.code}: ${err.message}`;
        if (err.reason) outcome += `\n      reason: ${err.reason}\n      host: ${err.host}`;
        if (err.cert) outcome += `\n      cert CN: ${err.cert.subject.CN}`;
      });
      client.on('close', () => server.close(() => resolve(outcome)));
    });
  });
}

(async () => {
  for (const [name, certName, clientOptions] of cases) {
    console.log(`${name}:`);
    console.log(`  rejectUnauthorized: ${await attempt(certName, clientOptions, true)}`);
    console.log(`  accepting anyway:   ${await attempt(certName, clientOptions, false)}`);
  }
})();
