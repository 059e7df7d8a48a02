// The global WebSocket client against a small server written here over http 'upgrade':
// echo of text and binary (Blob and ArrayBuffer), a fragmented message with a ping in between
// (answered by a pong), close codes both ways, a server-initiated close, invalid UTF-8 (1007),
// a masked server frame (1002) and a refused upgrade (error, then close 1006).
// Node 20 needs --experimental-websocket (NAME.env.json); Eddy always has the global.
const http = require('http');
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode, payload, { fin = true, mask = false } = {}) {
  payload = Buffer.from(payload);
  const head = [(fin ? 0x80 : 0) | opcode];
  const m = mask ? 0x80 : 0;
  if (payload.length < 126) head.push(m | payload.length);
  else if (payload.length < 65536) head.push(m | 126, payload.length >> 8, payload.length & 255);
  else head.push(m | 127, 0, 0, 0, 0, ...[24, 16, 8, 0].map((s) => (payload.length >>> s) & 255));
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i & 3]));
  return Buffer.concat([Buffer.from(head), key, body]);
}

// Client frames are always masked; yields { opcode, fin, payload } for each complete frame.
function reader(socket, onFrame) {
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      let len = buf[1] & 127;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      const masked = (buf[1] & 0x80) !== 0;
      if (buf.length < off + (masked ? 4 : 0) + len) return;
      const key = masked ? buf.subarray(off, off + 4) : null;
      off += masked ? 4 : 0;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (key) for (let i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
      const f = { opcode: buf[0] & 15, fin: (buf[0] & 0x80) !== 0, masked, payload };
      buf = buf.subarray(off + len);
      onFrame(f);
    }
  });
}

function closeInfo(payload) {
  if (payload.length < 2) return 'no code';
  return `${payload.readUInt16BE(0)} ${JSON.stringify(payload.subarray(2).toString())}`;
}

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
server.on('upgrade', (req, socket) => {
  const path = req.url;
  socket.on('error', (err) => console.log(`server: socket error ${err.code}`));
  if (path === '/refuse') {
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return;
  }
  const accept = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + GUID).digest('base64');
  const offered = (req.headers['sec-websocket-protocol'] || '').split(/, */).filter(Boolean);
  console.log(`server: ${path} version=${req.headers['sec-websocket-version']} upgrade=${req.headers.upgrade}` +
    ` protocols=${JSON.stringify(offered)}`);
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${accept}`];
  if (offered.includes('chat')) lines.push('Sec-WebSocket-Protocol: chat');
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  reader(socket, (f) => {
    if (!f.masked) console.log('server: unmasked client frame!');
    if (path === '/badutf8' || path === '/masked') return; // Node 20 sends no close frame here
    if (f.opcode === 8) {
      console.log(`server: got close ${closeInfo(f.payload)}`);
      if (path !== '/close') socket.write(frame(8, f.payload));
      socket.end();
    } else if (f.opcode === 10) {
      console.log(`server: got pong ${JSON.stringify(f.payload.toString())}`);
      socket.write(frame(0, 'lo!', { fin: true }));
    } else if (path === '/echo') {
      socket.write(frame(f.opcode, f.payload));
    }
  });
  if (path === '/frag') {
    socket.write(frame(1, 'Hel', { fin: false }));
    socket.write(frame(9, 'are you there'));
  } else if (path === '/close') {
    socket.write(frame(8, Buffer.concat([Buffer.from([0x0f, 0xa1]), Buffer.from('bye now')])));
  } else if (path === '/badutf8') {
    socket.write(frame(1, Buffer.from([0x61, 0xff, 0x62])));
  } else if (path === '/masked') {
    socket.write(frame(1, 'hidden', { mask: true }));
  } else if (path === '/big') {
    socket.write(frame(2, Buffer.alloc(70000, 7)));
  }
});

function run(path, protocols, body) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}${path}`, protocols);
    console.log(`client: ${path} readyState=${ws.readyState} url=${ws.url.replace(/:\d+/, ':PORT')}`);
    ws.onopen = (e) => {
      console.log(`client: open ${e.constructor.name} protocol=${JSON.stringify(ws.protocol)}` +
        ` extensions=${JSON.stringify(ws.extensions)} readyState=${ws.readyState}`);
      body(ws);
    };
    ws.onerror = (e) => {
      console.log(`client: error event ${e.type}`);
      // Node 20 fires no close event after a refused upgrade (Node 22 does): stop here.
      if (path === '/refuse') setTimeout(resolve, 30);
    };
    ws.onclose = (e) => {
      if (path === '/refuse') return;
      console.log(`client: close ${e.constructor.name} code=${e.code} reason=${JSON.stringify(e.reason)}` +
        ` wasClean=${e.wasClean} readyState=${ws.readyState}`);
      setTimeout(resolve, 30);
    };
  });
}

server.listen(0, '127.0.0.1', async () => {
  await run('/echo', ['chat', 'superchat'], (ws) => {
    const got = [];
    ws.onmessage = async (e) => {
      const d = e.data;
      if (typeof d === 'string') got.push(`text ${JSON.stringify(d)}`);
      else if (d instanceof Blob) got.push(`blob ${d.size} ${JSON.stringify(await d.text())}`);
      else got.push(`${d.constructor.name} ${JSON.stringify(Buffer.from(d).toString())}`);
      if (got.length === 5) {
        console.log(`client: messages (${e.constructor.name}, origin ${e.origin.replace(/:\d+/, ':PORT')}):\n  ` +
          got.join('\n  '));
        ws.close(4000, 'done');
        console.log(`client: after close() readyState=${ws.readyState}`);
      }
    };
    ws.send('héllo');
    ws.send(new Uint8Array([104, 105]));
    ws.send(new Blob(['from a blob']));
    ws.send(new TextEncoder().encode('buffer view').buffer);
    setTimeout(() => {
      ws.binaryType = 'arraybuffer';
      ws.send(Buffer.from('as arraybuffer'));
    }, 50);
  });
  await run('/frag', [], (ws) => {
    ws.onmessage = (e) => {
      console.log(`client: message ${JSON.stringify(e.data)}`);
      ws.close();
    };
  });
  await run('/close', 'chat', () => {});
  await run('/badutf8', undefined, (ws) => {
    ws.onmessage = (e) => console.log('client: should not get a message', e.data);
  });
  await run('/masked', undefined, () => {});
  await run('/big', undefined, (ws) => {
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (e) => {
      console.log(`client: big message ${e.data.byteLength} bytes, sum ${new Uint8Array(e.data).reduce((a, b) => a + b, 0)}`);
      ws.close(1000);
    };
  });
  await run('/refuse', undefined, () => {});
  server.close();
  console.log('done');
});
