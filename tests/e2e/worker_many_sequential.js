// 100 workers, one after another, each started, answering and exiting: memory stays flat
// (every isolate and thread is released when its worker ends).
const { Worker } = require('worker_threads');
const TOTAL = 100;
let count = 0;
let rssAt10 = 0;

function next() {
  const w = new Worker('require("worker_threads").parentPort.postMessage(6 * 7)', { eval: true });
  let answer;
  w.on('message', (m) => { answer = m; });
  w.on('exit', (code) => {
    if (code !== 0 || answer !== 42) console.log('worker', count, 'exit', code, 'answer', answer);
    count++;
    if (count === 10) rssAt10 = process.memoryUsage().rss;
    if (count < TOTAL) {
      next();
      return;
    }
    const grew = process.memoryUsage().rss - rssAt10;
    console.log('finished', count, 'workers');
    console.log('flat memory:', grew < 40 * 1024 * 1024);
  });
}
next();
