// Bad input to workers: Node's errors and codes, and no crash.
const { Worker } = require('worker_threads');
const path = require('path');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

attempt('number filename', () => new Worker(42));
attempt('bare filename', () => new Worker('worker.js'));
attempt('argv not array', () => new Worker('1', { eval: true, argv: 'x' }));
attempt('env not object', () => new Worker('1', { eval: true, env: 5 }));
attempt('execArgv bad flag', () => new Worker('1', { eval: true, execArgv: ['--title=x'] }));

const missing = new Worker(path.join(__dirname, 'no-such-worker-file.js'));
missing.on('error', (e) => console.log('missing file', e.code, e.message.replace(__dirname, '$DIR')));
missing.on('exit', (code) => {
  console.log('missing file exit', code);
  const thrower = new Worker('throw new TypeError("thrown in worker")', { eval: true });
  thrower.on('error', (e) => console.log('uncaught in worker', e instanceof TypeError, e.message));
  thrower.on('exit', (c) => {
    console.log('thrower exit', c);
    const exiter = new Worker('process.on("exit", (c) => console.log("worker exit event", c)); process.exit(7)', { eval: true });
    exiter.on('exit', (c2) => {
      console.log('exiter exit', c2);
      attempt('post a function', () => exiter.postMessage(() => {}));
      const w = new Worker('require("worker_threads").parentPort.on("message", () => {})', { eval: true });
      attempt('post a function to a live worker', () => w.postMessage({ f() {} }));
      w.on('online', () => w.terminate().then((c3) => console.log('terminated', c3)));
    });
  });
});
