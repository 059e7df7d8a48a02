// wss:// through https 'upgrade': the handshake runs over TLS (the test CA is trusted through
// NODE_EXTRA_CA_CERTS in NAME.env.json) and a text and a binary message echo back; a server
// certificate the client does not trust fails the connection (error, then close 1006).
const https = require('https');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

function serve(key, cert) {
  const server = https.createServer({ key: read(key), cert: read(cert) });
  server.on('upgrade', (req, socket) => {
    const accept = crypto.createHash('sha1')
      .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      // Unmask each small client frame and echo it unmasked; a close frame ends the connection.
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 6 && buf.length >= 6 + (buf[1] & 127)) {
        const opcode = buf[0] & 15;
        const len = buf[1] & 127;
        const payload = Buffer.from(buf.subarray(6, 6 + len).map((b, i) => b ^ buf[2 + (i & 3)]));
        buf = buf.subarray(6 + len);
        socket.write(Buffer.concat([Buffer.from([0x80 | opcode, len]), payload]));
        if (opcode === 8) socket.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function run(server, host) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`wss://${host}:${server.address().port}/chat`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      console.log('open', ws.url.replace(/:\d+/, ':PORT'));
      ws.send('over tls');
      ws.send(new Uint8Array([1, 2, 3]));
    };
    let n = 0;
    ws.onmessage = (e) => {
      console.log('message', typeof e.data === 'string' ? e.data : [...new Uint8Array(e.data)]);
      if (++n === 2) ws.close(1000, 'bye');
    };
    // Node 20 fires no close event after a failed handshake (Node 22 does): stop at the error.
    ws.onerror = () => {
      console.log('error event');
      server.close();
      resolve();
    };
    ws.onclose = (e) => {
      if (n === 0) return;
      console.log('close', e.code, JSON.stringify(e.reason), e.wasClean);
      server.close();
      resolve();
    };
  });
}

(async () => {
  await run(await serve('server.key', 'server.crt'), 'localhost');
  await run(await serve('self-signed.key', 'self-signed.crt'), 'localhost');
})();
