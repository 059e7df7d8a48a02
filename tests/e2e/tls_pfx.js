// A server's key and certificate from a PKCS#12 (pfx) bundle, as OpenSSL 1.x and OpenSSL 3
// write them; a wrong passphrase, bytes that are not a pfx, and a pfx without a key.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

function serve(name, pfxOption, passphrase) {
  return new Promise((resolve) => {
    const server = tls.createServer({ pfx: pfxOption, passphrase }, (socket) => socket.end('hello'));
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({
        host: 'localhost', port: server.address().port, ca: read('ca.crt'), servername: 'localhost',
      }, () => {
        const peer = client.getPeerCertificate(true);
        console.log(name, 'authorized', client.authorized, 'peer', peer.subject.CN,
          'issuer', peer.issuer.CN);
      });
      let got = '';
      client.on('data', (d) => { got += d; });
      client.on('end', () => {
        console.log(name, 'got', got);
        server.close(resolve);
      });
      client.on('error', (err) => {
        console.log(name, 'error', err.code);
        server.close(resolve);
      });
    });
  });
}

function tryContext(name, options) {
  try {
    tls.createSecureContext(options);
    console.log(name, 'ok');
  } catch (err) {
    console.log(name, err.name, err.code, err.message);
  }
}

(async () => {
  await serve('legacy', read('server-legacy.pfx'), 'eddy');
  await serve('pbes2', read('server.pfx'), 'eddy');
  await serve('list', [{ buf: read('server.pfx'), passphrase: 'eddy' }]);
  tryContext('wrong passphrase', { pfx: read('server.pfx'), passphrase: 'nope' });
  tryContext('no passphrase', { pfx: read('server-legacy.pfx') });
  tryContext('not a pfx', { pfx: 'sample', passphrase: 'eddy' });
  tryContext('certificates only', { pfx: read('certs-only.pfx'), passphrase: 'eddy' });
  tryContext('a number', { pfx: 5 });
})();
