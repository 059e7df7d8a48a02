// A 64 MiB ArrayBuffer goes to a worker and back by transfer: the sender's copy is detached
// each time and the memory is moved, not copied (resident memory does not grow by another 64 MiB).
const { Worker, isMainThread, parentPort } = require('worker_threads');
const SIZE = 64 * 1024 * 1024;

if (isMainThread) {
  const buffer = new ArrayBuffer(SIZE);
  const view = new Uint8Array(buffer);
  for (let i = 0; i < SIZE; i += 4096) view[i] = i % 251;
  const before = process.memoryUsage().rss;
  const w = new Worker(__filename);
  w.postMessage(buffer, [buffer]);
  console.log('after send, byteLength', buffer.byteLength);
  w.on('message', (message) => {
    if (typeof message === 'string') {
      console.log(message);
      return;
    }
    const { back, sum } = message;
    console.log('back', back.byteLength, 'sum', sum);
    const grew = process.memoryUsage().rss - before;
    // A copy would add 64 MiB; the worker's own isolate accounts for some growth.
    console.log('moved, not copied:', grew < 48 * 1024 * 1024);
    const again = new Uint8Array(back);
    console.log('first bytes', again[0], again[4096], again[8192]);
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  parentPort.once('message', (buffer) => {
    const view = new Uint8Array(buffer);
    let sum = 0;
    for (let i = 0; i < view.length; i += 4096) sum += view[i];
    parentPort.postMessage({ back: buffer, sum }, [buffer]);
    // Reported through the parent: the worker's stdout and its messages are separate streams.
    parentPort.postMessage(`worker after send, byteLength ${buffer.byteLength}`);
  });
}
