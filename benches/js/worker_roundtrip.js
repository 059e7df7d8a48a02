// 20k postMessage round trips of a small object between the main thread and one worker.
const { Worker } = require('worker_threads');
const N = 20000;
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m === null) { parentPort.close(); return; }
    parentPort.postMessage({ i: m.i + 1, s: m.s });
  });
`, { eval: true });
let done = 0;
w.on('message', (m) => {
  if (++done === N) {
    w.postMessage(null);
    return;
  }
  w.postMessage({ i: m.i, s: 'small' });
});
w.postMessage({ i: 0, s: 'small' });
