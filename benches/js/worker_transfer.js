// A 1 MiB ArrayBuffer transferred to a worker and back 2000 times (4000 transfers).
const { Worker } = require('worker_threads');
const N = 2000;
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (buf) => {
    if (buf === null) { parentPort.close(); return; }
    new Uint8Array(buf)[0]++;
    parentPort.postMessage(buf, [buf]);
  });
`, { eval: true });
let done = 0;
w.on('message', (buf) => {
  if (++done === N) {
    w.postMessage(null);
    return;
  }
  w.postMessage(buf, [buf]);
});
const first = new ArrayBuffer(1024 * 1024);
w.postMessage(first, [first]);
