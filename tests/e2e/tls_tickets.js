// Session tickets sealed with a server's ticket keys: a session one server gave resumes on
// another with the same keys, not on one with other keys; getTicketKeys() gives the keys back
// and setTicketKeys() rotates them for the connections that follow (a ticket from before the
// rotation is refused, and good again once the old keys are back). A TLS 1.2 session is
// offered more than once here; a TLS 1.3 one once (Eddy's client, on rustls, spends a TLS 1.3
// ticket when it offers it, where OpenSSL's may offer it again).
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const keys = Buffer.alloc(48);
for (let i = 0; i < 48; i++) keys[i] = (i * 7 + 3) & 0xff;
const otherKeys = Buffer.alloc(48, 0x5a);

function server(ticketKeys, maxVersion) {
  return tls.createServer({ key: read('server.key'), cert: read('server.crt'), ticketKeys, maxVersion }, (s) => {
    s.end('x');
  });
}

function connect(label, srv, session) {
  return new Promise((resolve) => {
    let fresh = null;
    const client = tls.connect({
      port: srv.address().port, host: '127.0.0.1', ca: read('ca.crt'), servername: 'localhost', session,
    });
    client.once('session', (s) => { fresh = s; });
    client.on('secureConnect', () => console.log(`${label}: ${client.getProtocol()} reused=${client.isSessionReused()}`));
    client.resume();
    client.on('close', () => resolve(fresh));
  });
}

async function run(maxVersion) {
  const a = server(keys, maxVersion);
  const b = server(keys, maxVersion);
  const c = server(otherKeys, maxVersion);
  for (const s of [a, b, c]) await new Promise((r) => s.listen(0, '127.0.0.1', r));
  console.log('getTicketKeys matches:', a.getTicketKeys().equals(keys), c.getTicketKeys().equals(otherKeys));
  const first = await connect('first on A', a);
  if (maxVersion === 'TLSv1.2') {
    await connect('A session on B (same keys)', b, first);
    await connect('A session on C (other keys)', c, first);
    b.setTicketKeys(otherKeys);
    console.log('B rotated:', b.getTicketKeys().equals(otherKeys));
    await connect('A session on rotated B', b, first);
    b.setTicketKeys(keys);
    await connect('A session on B with its old keys back', b, first);
  } else {
    const second = await connect('A session on B (same keys)', b, first);
    await connect('B session on C (other keys)', c, second);
  }
  for (const s of [a, b, c]) s.close();
}

(async () => {
  await run('TLSv1.2');
  await run('TLSv1.3');
})();
