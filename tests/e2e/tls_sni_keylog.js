// SNICallback chooses the certificate by the name the client sends (localhost or
// other.example), with and without a server certificate of its own; the server's and the
// client's 'keylog' lines (NSS format) agree; a client resumes a session from its 'session'
// event (isSessionReused), for TLS 1.3 and 1.2.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const ca = [read('ca.crt')];
const contexts = {
  localhost: tls.createSecureContext({ key: read('server.key'), cert: read('server.crt') }),
  'other.example': tls.createSecureContext({ key: read('other.key'), cert: read('other.crt') }),
};

function listen(options, onConnection) {
  return new Promise((resolve) => {
    const server = tls.createServer(options, onConnection);
    server.on('tlsClientError', (err) => console.log(`  server tlsClientError: ${err.message}`));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function connect(server, options) {
  return new Promise((resolve) => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca, ...options });
    client.on('error', (err) => {
      console.log(`  client error: ${err.code || err.message}`);
      resolve(client);
    });
    client.on('secureConnect', () => {
      const cn = client.getPeerCertificate().subject.CN;
      console.log(`  client: CN=${cn} authorized=${client.authorized} reused=${client.isSessionReused()}`);
      client.end();
    });
    client.on('close', () => resolve(client));
  });
}

async function sni(withOwnCert) {
  console.log(`SNICallback, server ${withOwnCert ? 'with' : 'without'} a certificate of its own:`);
  const asked = [];
  const own = withOwnCert ? { key: read('server.key'), cert: read('server.crt') } : {};
  const server = await listen({
    ...own,
    SNICallback(name, cb) {
      asked.push(name);
      // Answer later, as a callback that looks the context up somewhere would.
      setTimeout(() => {
        if (name === 'refuse.example') cb(new Error('refused by SNICallback'));
        else cb(null, contexts[name]);
      }, 5);
    },
  }, (socket) => socket.end());
  for (const servername of ['other.example', 'localhost', 'refuse.example']) {
    await connect(server, { servername, checkServerIdentity: () => undefined });
  }
  console.log(`  asked: ${asked.join(', ')}`);
  server.close();
}

async function keylog() {
  console.log('keylog:');
  const serverLines = [];
  const clientLines = [];
  const server = await listen({ key: read('server.key'), cert: read('server.crt') }, (s) => s.end());
  server.on('keylog', (line, socket) => {
    if (!(socket instanceof tls.TLSSocket)) console.log('  keylog without its socket!');
    serverLines.push(line.toString());
  });
  for (const maxVersion of ['TLSv1.3', 'TLSv1.2']) {
    serverLines.length = 0;
    clientLines.length = 0;
    const client = tls.connect({ port: server.address().port, host: 'localhost', ca, maxVersion });
    client.on('keylog', (line) => clientLines.push(line.toString()));
    await new Promise((resolve) => {
      client.on('secureConnect', () => client.end());
      client.on('close', resolve);
    });
    const shape = (lines) => lines.map((l) => {
      const m = /^([A-Z_0-9]+) ([0-9a-f]{64}) ([0-9a-f]+)\n$/.exec(l);
      return m ? `${m[1]}/${m[3].length / 2}` : `bad line ${JSON.stringify(l)}`;
    }).sort().join(' ');
    console.log(`  ${maxVersion} client: ${shape(clientLines)}`);
    console.log(`  ${maxVersion} server lines match: ${[...serverLines].sort().join() === [...clientLines].sort().join()}`);
  }
  server.close();
}

async function resume() {
  console.log('session resumption:');
  const server = await listen({ key: read('server.key'), cert: read('server.crt') }, (s) => s.end('hi'));
  for (const maxVersion of ['TLSv1.3', 'TLSv1.2']) {
    let session;
    const first = tls.connect({ port: server.address().port, host: 'localhost', ca, maxVersion });
    first.on('session', (s) => { session = s; });
    first.on('secureConnect', () => console.log(`  ${maxVersion} first: reused=${first.isSessionReused()}`));
    first.resume();
    await new Promise((resolve) => first.on('close', resolve));
    console.log(`  ${maxVersion} got a session: ${Buffer.isBuffer(session)}, getSession: ${Buffer.isBuffer(first.getSession())}`);
    const second = tls.connect({ port: server.address().port, host: 'localhost', ca, maxVersion, session });
    second.on('secureConnect', () => {
      console.log(`  ${maxVersion} second: reused=${second.isSessionReused()} authorized=${second.authorized}` +
        ` protocol=${second.getProtocol()}`);
    });
    second.resume();
    await new Promise((resolve) => second.on('close', resolve));
  }
  server.close();
}

(async () => {
  await sni(true);
  await sni(false);
  await keylog();
  await resume();
})();
