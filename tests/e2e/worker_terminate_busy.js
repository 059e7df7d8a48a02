// terminate() interrupts a worker stuck in `while (true) {}` and resolves with its exit code;
// the worker also stops when the parent has nothing else to do.
const { Worker } = require('worker_threads');

const w = new Worker('require("worker_threads").parentPort.postMessage("spinning"); while (true) {}', { eval: true });
w.on('message', async (m) => {
  console.log('worker says', m);
  const code = await w.terminate();
  console.log('terminate resolved with', code);
});
w.on('exit', (code) => console.log('exit event', code));
w.on('error', (e) => console.log('unexpected error', e));
