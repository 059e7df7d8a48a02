'use strict';
// --trace-atomics-wait: each Atomics.wait() start and end on stderr, with the thread, the
// memory (its address replaced here), the byte offset, the value and the timeout.
const { spawnSync } = require('child_process');

const code = `
const a = new Int32Array(new SharedArrayBuffer(16));
Atomics.wait(a, 0, 1);
Atomics.wait(a, 2, 0, 5.5);
try { Atomics.wait(new Int32Array(4), 0, 0, 0); } catch (e) { console.log(e.name); }
const b = new BigInt64Array(new SharedArrayBuffer(16));
Atomics.wait(b, 1, 7n, 0);
console.log(Atomics.wait.name, Atomics.wait.length);
`;
const r = spawnSync(process.execPath, ['--trace-atomics-wait', '-e', code], { encoding: 'utf8' });
console.log('status:', r.status);
console.log(r.stdout.trim());
console.log(r.stderr.trim()
  .replace(/Atomics\.wait\(\S+ \+/g, 'Atomics.wait(<address> +')
  .replace(/\(node:\d+\) /g, ''));
