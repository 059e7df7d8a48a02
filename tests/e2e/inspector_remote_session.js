'use strict';
// The remote inspector, driven as a debugger drives it: a child started with --inspect-brk=0
// prints where it listens, answers /json/list and /json/version, and over the WebSocket stops
// at the first line, hits a breakpoint set by URL, evaluates on the paused frame and globally,
// reports console calls, and at exit reports its context destroyed and waits for us to leave.

const { spawn } = require('child_process');
const crypto = require('crypto');
const http = require('http');

const code = [
  'let x = 20;',
  'x += 1;',
  'console.log("x is", x);',
  'console.log("done");',
].join('\n');

const child = spawn(process.execPath, ['--inspect-brk=0', '-e', code]);
const guard = setTimeout(() => {
  console.log('timed out');
  child.kill();
}, 20000);
guard.unref();

let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => { stdout += d; });
const listening = new Promise((resolve) => {
  child.stderr.on('data', (d) => {
    stderr += d;
    const m = /Debugger listening on (ws:\/\/127\.0\.0\.1:(\d+)\/([0-9a-f-]{36}))\n/.exec(stderr);
    if (m) resolve({ url: m[1], port: Number(m[2]), id: m[3] });
  });
});
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

function get(port, path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    }).on('error', reject);
  });
}

function connect(port, id) {
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    http.get({
      host: '127.0.0.1', port, path: `/${id}`,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
                 'Sec-WebSocket-Key': key },
    }).on('upgrade', (res, socket) => {
      const accept = crypto.createHash('sha1')
        .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      console.log('upgrade', res.statusCode, res.headers['sec-websocket-accept'] === accept);
      resolve(socket);
    }).on('error', reject);
  });
}

// A masked client text frame (payloads under 64 KiB).
function frame(text) {
  const payload = Buffer.from(text);
  const mask = crypto.randomBytes(4);
  const head = payload.length < 126 ?
    Buffer.from([0x81, 0x80 | payload.length]) :
    Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
  return Buffer.concat([head, mask, payload]);
}

class Session {
  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.queue = [];
    this.waiter = null;
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (buf.length < 2) return;
        let len = buf[1] & 127;
        let off = 2;
        if (len === 126) { len = buf.readUInt16BE(2); off = 4; }
        if (len === 127) { len = Number(buf.readBigUInt64BE(2)); off = 10; }
        if (buf.length < off + len) return;
        const opcode = buf[0] & 15;
        const text = buf.subarray(off, off + len).toString();
        buf = buf.subarray(off + len);
        if (opcode === 1) this.onMessage(JSON.parse(text));
      }
    });
  }

  onMessage(msg) {
    if (msg.id) {
      this.pending.get(msg.id)(msg);
      this.pending.delete(msg.id);
      return;
    }
    this.queue.push(msg);
    this.offer();
  }

  offer() {
    while (this.waiter && this.queue.length) {
      const msg = this.queue.shift();
      if (this.waiter.method === msg.method) {
        const { resolve } = this.waiter;
        this.waiter = null;
        resolve(msg);
      }
    }
  }

  send(method, params) {
    const id = this.nextId++;
    this.socket.write(frame(JSON.stringify({ id, method, params })));
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  wait(method) {
    return new Promise((resolve) => {
      this.waiter = { method, resolve };
      this.offer();
    });
  }
}

function where(paused) {
  const top = paused.params.callFrames[0];
  return `${paused.params.reason} at ${top.url}:${top.location.lineNumber}` +
    ` (breakpoints hit: ${(paused.params.hitBreakpoints || []).length})`;
}

(async () => {
  const { port, id } = await listening;
  const list = await get(port, '/json/list');
  const [target] = JSON.parse(list.body);
  console.log('/json/list', list.status, list.type);
  console.log('  keys:', Object.keys(target).join(','));
  console.log('  type:', target.type, 'id matches:', target.id === id);
  console.log('  ws url:', target.webSocketDebuggerUrl === `ws://127.0.0.1:${port}/${id}`);
  const version = await get(port, '/json/version');
  console.log('/json/version', version.status,
              JSON.parse(version.body).Browser === `node.js/${process.version}`);
  const bad = await get(port, '/nope');
  console.log('/nope', bad.status, JSON.stringify(bad.body));

  const session = new Session(await connect(port, id));
  await session.send('Runtime.enable');
  await session.send('Debugger.enable');
  const firstPause = session.wait('Debugger.paused');
  await session.send('Runtime.runIfWaitingForDebugger');
  console.log('paused:', where(await firstPause));

  const bp = await session.send('Debugger.setBreakpointByUrl', { url: '[eval]', lineNumber: 2 });
  console.log('breakpoint lines:', [...new Set(bp.result.locations.map((l) => l.lineNumber))]);
  const secondPause = session.wait('Debugger.paused');
  await session.send('Debugger.resume');
  const paused = await secondPause;
  console.log('paused:', where(paused));
  const onFrame = await session.send('Debugger.evaluateOnCallFrame', {
    callFrameId: paused.params.callFrames[0].callFrameId, expression: 'x * 2',
  });
  console.log('x * 2 on the frame =', onFrame.result.result.value);
  const global = await session.send('Runtime.evaluate', { expression: '"é" + 6 * 7' });
  console.log('global evaluate =', global.result.result.value);

  const logged = session.wait('Runtime.consoleAPICalled');
  await session.send('Debugger.resume');
  const call = await logged;
  console.log('console:', call.params.type, call.params.args.map((a) => a.value));
  const destroyed = await session.wait('Runtime.executionContextDestroyed');
  console.log('context destroyed:', destroyed.params.executionContextId);
  session.socket.destroy();
  console.log('exit code', await exited);
  console.log('child stdout:', JSON.stringify(stdout));
  console.log('child stderr:', JSON.stringify(
    stderr.replace(/127\.0\.0\.1:\d+\/[0-9a-f-]{36}/, '127.0.0.1:PORT/ID')));
})();
