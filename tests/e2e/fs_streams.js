// fs.createReadStream / createWriteStream: start/end/highWaterMark/encoding, event order, the
// properties (bytesRead, bytesWritten, pending, path), fd and FileHandle sources, a custom `fs`,
// piping a file byte for byte with backpressure, destroy closing the descriptor exactly once,
// and errors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eddy-streams-'));
const short = (msg) => msg.split(dir).join('<dir>');
const src = path.join(dir, 'src.txt');
fs.writeFileSync(src, 'abcdefghijklmnopqrstuvwxyz');

const steps = [];
const step = (fn) => steps.push(fn);
const next = () => {
  const fn = steps.shift();
  if (fn) fn();
};

step(() => {
  const rs = fs.createReadStream(src, { start: 2, end: 11, highWaterMark: 4 });
  console.log('read stream', rs.pending, short(rs.path), rs.flags, rs.start, rs.end, rs.readableHighWaterMark);
  rs.on('open', () => console.log('open', rs.pending));
  rs.on('ready', () => console.log('ready'));
  rs.on('data', (chunk) => console.log('data', chunk.toString(), Buffer.isBuffer(chunk)));
  rs.on('end', () => console.log('end', rs.bytesRead));
  rs.on('close', () => {
    console.log('close', rs.destroyed, rs.fd);
    next();
  });
});

step(() => {
  const rs = fs.createReadStream(src, { encoding: 'hex', start: 24 });
  rs.on('data', (s) => console.log('hex data', s));
  rs.on('close', next);
});

step(() => {
  const out = path.join(dir, 'out.txt');
  fs.writeFileSync(out, '0123456789');
  const ws = fs.createWriteStream(out, { flags: 'r+', start: 3 });
  console.log('write stream', ws.pending, short(ws.path), ws.flags, ws.start, ws.writableHighWaterMark);
  ws.on('open', () => console.log('ws open'));
  ws.on('ready', () => console.log('ws ready'));
  ws.on('finish', () => console.log('ws finish', ws.bytesWritten));
  ws.on('close', () => {
    console.log('ws close', fs.readFileSync(out, 'utf8'));
    next();
  });
  ws.write('AB');
  ws.write(Buffer.from('C'));
  ws.end('D');
});

step(() => {
  const out = path.join(dir, 'append.txt');
  fs.writeFileSync(out, 'head:');
  const ws = fs.createWriteStream(out, { flags: 'a', encoding: 'base64' });
  ws.end('dGFpbA==', () => {
    console.log('append', fs.readFileSync(out, 'utf8'));
    next();
  });
});

step(() => {
  // A descriptor of our own, kept open (autoClose: false).
  const fd = fs.openSync(src, 'r');
  const rs = fs.createReadStream(null, { fd, autoClose: false, start: 20 });
  console.log('fd stream', rs.pending, rs.path);
  rs.on('data', (d) => console.log('fd data', d.toString()));
  rs.on('end', () => {
    console.log('fd still open', fs.fstatSync(fd).size);
    fs.closeSync(fd);
    next();
  });
});

step(async () => {
  const handle = await fs.promises.open(src);
  const rs = handle.createReadStream({ start: 23 });
  rs.on('data', (d) => console.log('handle data', d.toString()));
  rs.on('close', () => {
    console.log('handle closed with the stream', handle.fd);
    next();
  });
});

step(() => {
  // Custom fs: every call goes through it; close exactly once even when destroyed early.
  const calls = [];
  const custom = {
    open: (...args) => { calls.push('open'); fs.open(...args); },
    read: (...args) => { calls.push('read'); fs.read(...args); },
    close: (...args) => { calls.push('close'); fs.close(...args); },
  };
  const rs = fs.createReadStream(src, { fs: custom, highWaterMark: 5 });
  rs.once('data', (d) => {
    console.log('custom data', d.toString());
    rs.destroy();
  });
  rs.on('close', () => {
    console.log('custom calls', calls.filter((c) => c === 'open').length,
      calls.filter((c) => c === 'close').length);
    next();
  });
});

step(() => {
  // Destroyed before it opened: the descriptor is still closed, once.
  let closes = 0;
  const custom = { ...fs, close: (fd, cb) => { closes++; fs.close(fd, cb); } };
  const rs = fs.createReadStream(src, { fs: custom });
  rs.destroy();
  rs.on('close', () => setTimeout(() => {
    console.log('early destroy closes', closes);
    next();
  }, 50));
});

step(() => {
  // 3 MiB through a pipe with a small highWaterMark: every byte, in order.
  const big = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 11)) & 0xff;
  const from = path.join(dir, 'big.bin');
  const to = path.join(dir, 'copy.bin');
  fs.writeFileSync(from, big);
  const ws = fs.createWriteStream(to, { highWaterMark: 1024 });
  let drains = 0;
  ws.on('drain', () => drains++);
  pipeline(fs.createReadStream(from), ws, (err) => {
    const copy = fs.readFileSync(to);
    console.log('pipeline', err, copy.length, copy.equals(big), ws.bytesWritten, drains > 0);
    next();
  });
});

step(() => {
  const rs = fs.createReadStream(path.join(dir, 'missing.txt'));
  rs.on('open', () => console.log('unexpected open'));
  rs.on('error', (e) => console.log('error', e.code, short(e.message)));
  rs.on('close', () => {
    console.log('closed after error', rs.destroyed);
    next();
  });
});

step(() => {
  for (const [label, fn] of [
    ['start negative', () => fs.createReadStream(src, { start: -1 })],
    ['start after end', () => fs.createReadStream(src, { start: 5, end: 2 })],
    ['end not a number', () => fs.createReadStream(src, { end: 'x' })],
    ['fd not a number', () => fs.createReadStream(null, { fd: 'x' })],
    ['path a number', () => fs.createReadStream(5)],
    ['ws start', () => fs.createWriteStream(src, { start: 1.5 })],
    ['custom fs without read', () => fs.createReadStream(src, { fs: { open() {}, close() {} } })],
  ]) {
    try {
      fn();
      console.log(label, 'ok');
    } catch (e) {
      console.log(label, e.code, e.message);
    }
  }
  console.log('classes', typeof fs.ReadStream, typeof fs.WriteStream,
    fs.createReadStream(src).destroy() instanceof fs.ReadStream, fs.FileReadStream === fs.ReadStream);
  setTimeout(() => {
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  }, 20);
});

next();
