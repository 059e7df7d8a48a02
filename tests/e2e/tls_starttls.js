// A connection that starts in plaintext and turns secure on both ends (the STARTTLS pattern):
// the client wraps its net.Socket with tls.connect({ socket }), the server wraps its own with
// new tls.TLSSocket(socket, { isServer: true }).
const net = require('net');
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const context = tls.createSecureContext({ key: read('server.key'), cert: read('server.crt') });
const serverLog = [];
const clientLog = [];
let open = 2;
function closed() {
  if (--open > 0) return;
  console.log(`server:\n  ${serverLog.join('\n  ')}\nclient:\n  ${clientLog.join('\n  ')}`);
  server.close();
}

const server = net.createServer((plain) => {
  plain.once('data', (line) => {
    serverLog.push(`server got plaintext: ${String(line).trim()}`);
    plain.write('220 go ahead\n');
    const secure = new tls.TLSSocket(plain, { isServer: true, secureContext: context });
    secure.on('secure', () => serverLog.push(`server secure, encrypted=${secure.encrypted}`));
    secure.on('data', (d) => {
      serverLog.push(`server got: ${d}`);
      secure.end(`echo ${d}`);
    });
    secure.on('close', () => {
      serverLog.push(`server closed, plain socket destroyed=${plain.destroyed}`);
      closed();
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  const plain = net.connect(server.address().port, '127.0.0.1', () => plain.write('STARTTLS\n'));
  plain.once('data', (line) => {
    clientLog.push(`client got plaintext: ${String(line).trim()}`);
    const secure = tls.connect({ socket: plain, servername: 'localhost', ca: read('ca.crt') }, () => {
      clientLog.push(`client secure, authorized=${secure.authorized} servername=${secure.servername}`);
      secure.write('hello');
    });
    let reply = '';
    secure.on('data', (d) => { reply += d; });
    secure.on('end', () => clientLog.push(`client got: ${reply}`));
    secure.on('close', () => {
      clientLog.push(`client closed, plain socket destroyed=${plain.destroyed}`);
      closed();
    });
  });
});
