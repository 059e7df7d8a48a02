// Worker kinds and stdio: an .mjs file, eval code, a data: URL; a worker's stdout piped to the
// parent's (the default) or handed to the parent as a stream (stdout: true), and stdin fed
// from the parent (stdin: true).
const { Worker } = require('worker_threads');
const path = require('path');

function step1() {
  const w = new Worker(path.join(__dirname, 'worker', 'echo.mjs'), { workerData: { label: 'mjs' } });
  w.on('message', (m) => {
    console.log('from mjs:', m);
    if (m.startsWith('module worker ready')) w.postMessage('shout');
    else w.postMessage('bye');
  });
  w.on('exit', (code) => {
    console.log('mjs exit', code);
    step2();
  });
}

function step2() {
  const w = new Worker(`
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { text += chunk; });
    process.stdin.on('end', () => {
      console.log('worker read ' + JSON.stringify(text));
      console.error('to stderr');
    });
  `, { eval: true, stdin: true, stdout: true, stderr: true });
  let out = '';
  let err = '';
  w.stdout.setEncoding('utf8').on('data', (c) => { out += c; });
  w.stderr.setEncoding('utf8').on('data', (c) => { err += c; });
  w.stdin.write('line one\n');
  w.stdin.end('line two\n');
  w.on('exit', (code) => {
    console.log('eval exit', code, 'stdout:', JSON.stringify(out), 'stderr:', JSON.stringify(err));
    step3();
  });
}

function step3() {
  const code = 'import { parentPort } from "node:worker_threads"; parentPort.postMessage(typeof import.meta.url);';
  const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  w.on('message', (m) => console.log('data: URL worker says', m));
  w.on('exit', (c) => {
    console.log('data: URL exit', c);
    const printer = new Worker('console.log("printed by a worker")', { eval: true });
    printer.on('exit', (c2) => setTimeout(() => console.log('printer exit', c2), 30));
  });
}

step1();
