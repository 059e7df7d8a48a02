// The training run of cli/build.rs: what most programs do in their first milliseconds, so that
// the functions it runs reach the binary's code cache compiled (see build.rs). Kept to common
// paths: every function trained here is deserialized by any process that loads its builtin,
// used or not. argv[2]: an empty scratch directory. It must end on its own (no process.exit:
// this runs inside the build script's process) and touch nothing outside the scratch directory.
'use strict';
const fs = require('fs');
const path = require('path');
const { EventEmitter } = require('events');
const util = require('util');

const dir = process.argv[2];

// Printing: strings, numbers, objects, format strings (to the build's captured output).
console.log('eddy training run in %s', path.basename(dir), { pid: typeof process.pid, n: 1 });
console.log([1, 'two', { three: 3 }], new Map([[1, 2]]), util.inspect({ a: [1, 2] }));
console.error('eddy training: stderr');

// Events, timers, microtasks.
const emitter = new EventEmitter();
emitter.once('ping', (value) => emitter.emit('pong', value));
emitter.on('pong', () => {});
emitter.emit('ping', 1);
process.nextTick(() => {});
queueMicrotask(() => {});
setImmediate(() => {});
setTimeout(() => {}, 1);

// What many programs load next: hashing and random ids, compression, URLs, promisify.
const crypto = require('crypto');
crypto.createHash('sha256').update('eddy').digest('hex');
crypto.createHmac('sha256', 'key').update('eddy').digest('base64');
crypto.randomBytes(16).toString('hex');
crypto.randomUUID();
const zlib = require('zlib');
zlib.gunzipSync(zlib.gzipSync('eddy training'));
new URL('https://example.com/a/b?c=1#d').searchParams.get('c');
util.promisify(fs.stat);
require('os').cpus();
require('child_process');

// Files: sync, callback, promise and stream forms.
const file = path.join(dir, 'data.txt');
const data = Buffer.alloc(300 * 1024, 'abcdefghij');
fs.writeFileSync(file, data);
fs.existsSync(file);
fs.statSync(file).isFile();
fs.readdirSync(dir);
JSON.parse(JSON.stringify({ text: fs.readFileSync(file, 'utf8').slice(0, 10) }));
Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString('hex');

async function main() {
  await fs.promises.readFile(file);
  await fs.promises.writeFile(path.join(dir, 'copy.txt'), data);
  await new Promise((resolve) => fs.readFile(file, resolve));
  await new Promise((resolve, reject) => {
    let bytes = 0;
    fs.createReadStream(file)
      .on('data', (chunk) => { bytes += chunk.length; })
      .on('error', reject)
      .on('end', () => resolve(bytes));
  });
  await new Promise((resolve, reject) => {
    fs.createReadStream(file)
      .pipe(fs.createWriteStream(path.join(dir, 'piped.txt')))
      .on('error', reject)
      .on('finish', resolve);
  });
  await import(require('url').pathToFileURL(path.join(__dirname, 'module.mjs')).href);
  await serveOnce();
}

// A server on the loopback interface and one request to it. Where no socket may be opened (a
// sandboxed build), this part is skipped.
function serveOnce() {
  const http = require('http');
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end('hello');
    });
    server.on('error', () => resolve());
    server.listen(0, '127.0.0.1', () => {
      http.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', () => {});
        res.on('end', () => server.close(() => resolve()));
      }).on('error', () => server.close(() => resolve()));
    });
  });
}

main().then(() => console.log('eddy training run: done'));
