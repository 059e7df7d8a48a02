'use strict';
// Trace events: V8's own category records its garbage collections; a worker's events land in
// the same file under the worker's own thread id.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-v8-'));
const file = path.join(dir, 'node_trace.1.log');
const traces = () => JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;

const garbage = 'let keep = []; for (let i = 0; i < 300000; i++) { keep.push("x" + i); ' +
  'if (keep.length > 1000) keep = []; }';
let r = spawnSync(process.execPath, ['--trace-event-categories', 'v8', '-e', garbage],
                  { cwd: dir });
console.log('status:', r.status);
const v8Events = traces().filter((e) => e.cat === 'v8');
console.log('v8 events named V8.*:', v8Events.length > 0 &&
            v8Events.every((e) => e.name.startsWith('V8.')));
console.log('a timed garbage collection among them:',
            v8Events.some((e) => /^V8\.GC/.test(e.name) && e.ph === 'X' && e.dur >= 0));

const worker = 'const { Worker } = require("worker_threads"); ' +
  'new Worker("setTimeout(() => {}, 1)", { eval: true }).on("exit", () => setTimeout(() => {}, 1));';
r = spawnSync(process.execPath, ['--trace-event-categories', 'node.async_hooks', '-e', worker],
              { cwd: dir });
console.log('status:', r.status);
const timeoutThreads = new Set(traces()
  .filter((e) => e.cat === 'node,node.async_hooks' && e.name === 'Timeout')
  .map((e) => e.tid));
console.log('threads with Timeout events:', timeoutThreads.size);
console.log('the worker thread is named:', traces().some((e) => e.cat === '__metadata' &&
  e.name === 'thread_name' && e.args.name === '[worker 1]' && timeoutThreads.has(e.tid)));
fs.rmSync(dir, { recursive: true, force: true });
