// CPU work offloaded to 4 workers; the results are gathered in the order the jobs were given.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

if (isMainThread) {
  const jobs = [20, 21, 22, 23, 24, 25, 26, 27];
  const workers = [];
  for (let i = 0; i < 4; i++) {
    workers.push(new Worker(__filename, { workerData: { id: i } }));
  }
  const results = new Array(jobs.length);
  let next = 0;
  let done = 0;
  function feed(w) {
    if (next >= jobs.length) {
      w.postMessage(null);
      return;
    }
    const index = next++;
    w.postMessage({ index, n: jobs[index] });
  }
  for (const w of workers) {
    w.on('message', ({ index, value }) => {
      results[index] = value;
      done++;
      feed(w);
    });
    w.on('exit', (code) => {
      if (code !== 0) console.log('worker exited with', code);
    });
    feed(w);
  }
  process.on('exit', () => {
    console.log('done', done, 'of', jobs.length);
    console.log(results.join(' '));
  });
} else {
  parentPort.on('message', (job) => {
    if (job === null) {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ index: job.index, value: fib(job.n), by: workerData.id });
  });
}
