// A server's session cache in JS ('newSession' keeps, 'resumeSession' gives back: TLS 1.2
// session ids with tickets off), the sigalgs option (what both sides allow), and
// setMaxSendFragment (the records a side sends are no bigger; each one is a 'data' chunk).
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { SSL_OP_NO_TICKET } = require('crypto').constants;

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const base = { key: read('server.key'), cert: read('server.crt') };
const client = { ca: read('ca.crt'), host: 'localhost' };

function sessionCache() {
  return new Promise((resolve) => {
    const store = new Map();
    const server = tls.createServer({ ...base, secureOptions: SSL_OP_NO_TICKET }, (s) => s.end('x'));
    server.on('newSession', (id, data, done) => {
      console.log('newSession: id of', id.length, 'bytes');
      store.set(id.toString('hex'), data);
      done();
    });
    server.on('resumeSession', (id, done) => {
      console.log('resumeSession: known', store.has(id.toString('hex')));
      setTimeout(() => done(null, store.get(id.toString('hex')) || null), 30);
    });
    server.listen(0, '127.0.0.1', () => {
      let session;
      let n = 0;
      const next = () => {
        const s = tls.connect({ ...client, port: server.address().port, maxVersion: 'TLSv1.2', session }, () => {
          console.log(`connection ${n}: ${s.getProtocol()} reused=${s.isSessionReused()}`);
          session = session || s.getSession();
        });
        s.resume();
        s.on('end', () => s.end());
        s.on('close', () => (++n < 3 ? next() : server.close(resolve)));
      };
      next();
    });
  });
}

function sigalgs(serverList, clientList) {
  return new Promise((resolve) => {
    const server = tls.createServer({ ...base, sigalgs: serverList }, (s) => {
      console.log(`sigalgs ${clientList} / ${serverList}: shared`, s.getSharedSigalgs());
      s.end();
    });
    server.on('tlsClientError', (err) => console.log('server error:', err.code));
    server.listen(0, '127.0.0.1', () => {
      const s = tls.connect({ ...client, port: server.address().port, sigalgs: clientList });
      s.on('error', (err) => console.log('client error:', err.code));
      s.resume();
      s.on('close', () => server.close(resolve));
    });
  });
}

function fragments() {
  return new Promise((resolve) => {
    const server = tls.createServer(base, (s) => {
      console.log('setMaxSendFragment(511):', s.setMaxSendFragment(511));
      console.log('setMaxSendFragment(1024):', s.setMaxSendFragment(1024));
      s.end(Buffer.alloc(4096, 'a'));
    });
    server.listen(0, '127.0.0.1', () => {
      const sizes = [];
      const s = tls.connect({ ...client, port: server.address().port }, () => {
        s.on('data', (chunk) => sizes.push(chunk.length));
      });
      s.on('end', () => {
        console.log('chunks:', sizes.join(' '));
        server.close(resolve);
      });
    });
  });
}

(async () => {
  await sessionCache();
  await sigalgs('RSA-PSS+SHA256:ECDSA+SHA256', 'RSA-PSS+SHA256:RSA-PSS+SHA512:ECDSA+SHA256');
  await sigalgs('ECDSA+SHA256', 'RSA-PSS+SHA384');
  await fragments();
  try {
    tls.createSecureContext({ sigalgs: 'RSA+NOPE' });
  } catch (err) {
    console.log('bad sigalgs:', err.message);
  }
})();
