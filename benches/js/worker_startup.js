// 50 workers started one after another, each timed from `new Worker` to its first message.
const { Worker } = require('worker_threads');
const N = 50;
let i = 0;
(function next() {
  if (i++ === N) return;
  const w = new Worker('require("worker_threads").parentPort.postMessage(1)', { eval: true });
  w.once('message', () => {
    w.terminate().then(next);
  });
})();
