// TLS over streams that are no sockets: a client and a server TLSSocket over the two ends of a
// pair of in-memory Duplexes (what one writes, the other reads), then TLS inside TLS (a client
// whose "socket" is another TLS connection, through a relay server), and a bad certificate
// over a Duplex failing as it would over TCP.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { Duplex } = require('stream');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const key = read('server.key');
const cert = read('server.crt');
const ca = read('ca.crt');

function duplexPair() {
  const a = new Duplex({ read() {}, write(chunk, enc, cb) { b.push(chunk); cb(); }, final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ read() {}, write(chunk, enc, cb) { a.push(chunk); cb(); }, final(cb) { a.push(null); cb(); } });
  return [a, b];
}

function overPair() {
  return new Promise((resolve) => {
    const [left, right] = duplexPair();
    const server = new tls.TLSSocket(right, { isServer: true, key, cert, ALPNProtocols: ['x', 'y'] });
    server.on('secure', () => console.log('pair server secure', server.getProtocol(), server.alpnProtocol));
    server.setEncoding('utf8');
    let got = '';
    server.on('data', (d) => { got += d; });
    server.on('end', () => {
      console.log('pair server got', JSON.stringify(got));
      server.end('bye from server');
    });
    const client = tls.connect({ socket: left, ca, servername: 'localhost', ALPNProtocols: ['y'] }, () => {
      console.log('pair client secureConnect', client.authorized, client.alpnProtocol,
        client.getPeerCertificate().subject.CN, client.connecting, client.remoteAddress);
      client.write('hello ');
      client.end('over a duplex');
    });
    client.setEncoding('utf8');
    let back = '';
    client.on('data', (d) => { back += d; });
    client.on('end', () => console.log('pair client got', JSON.stringify(back)));
    client.on('close', () => {
      console.log('pair client close');
      resolve();
    });
  });
}

function inception() {
  return new Promise((resolve) => {
    // The inner server, reached through the outer one, which relays to it.
    const inner = tls.createServer({ key, cert }, (s) => {
      s.end(`inner says hi over ${s.getProtocol()}`);
    });
    const outer = tls.createServer({ key, cert }, (s) => {
      const to = net.connect(inner.address().port, '127.0.0.1');
      s.pipe(to);
      to.pipe(s);
    });
    inner.listen(0, '127.0.0.1', () => outer.listen(0, '127.0.0.1', () => {
      const outerConn = tls.connect({ port: outer.address().port, host: '127.0.0.1', ca, servername: 'localhost' });
      const innerConn = tls.connect({ socket: outerConn, ca, servername: 'localhost' }, () => {
        console.log('inception secureConnect', innerConn.authorized);
      });
      let text = '';
      innerConn.setEncoding('utf8');
      innerConn.on('data', (d) => { text += d; });
      innerConn.on('end', () => {
        console.log('inception got', JSON.stringify(text));
        outerConn.destroy();
        inner.close();
        outer.close();
      });
      innerConn.on('close', () => resolve());
    }));
  });
}

function badCertificate() {
  return new Promise((resolve) => {
    const [left, right] = duplexPair();
    const server = new tls.TLSSocket(right, { isServer: true, key: read('self-signed.key'), cert: read('self-signed.crt') });
    server.on('error', (e) => console.log('bad server error', e.code || e.message));
    const client = tls.connect({ socket: left, ca, servername: 'localhost' });
    client.on('secureConnect', () => console.log('bad: connected?'));
    client.on('error', (e) => {
      console.log('bad client error', e.code);
      resolve();
    });
  });
}

(async () => {
  await overPair();
  await inception();
  await badCertificate();
  console.log('done');
})();
