'use strict';
// Trace event files: a child runs with --trace-event-categories (and a file pattern with
// ${pid}), then the events it wrote are listed as phase/category/name (timestamps, pids and
// thread ids vary, so they are checked, not printed). Also node:trace_events' API.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-events-'));
const child = `
  const fs = require('fs');
  console.count('apples');
  console.count('apples');
  console.countReset('apples');
  console.time('work');
  console.timeLog('work');
  console.timeEnd('work');
  fs.writeFileSync('data.txt', 'hello');
  fs.readFileSync('data.txt');
  const fd = fs.openSync('data.txt', 'r');
  fs.fstatSync(fd);
  fs.readSync(fd, Buffer.alloc(10));
  fs.closeSync(fd);
  fs.statSync('data.txt');
  fs.unlinkSync('data.txt');
  // Reported unhandled, then handled.
  process.on('unhandledRejection', () => {});
  const p = Promise.reject(new Error('later'));
  setTimeout(() => p.catch(() => {}), 30);
  process.title = 'renamed';
`;
const result = spawnSync(process.execPath, [
  '--trace-event-categories', 'node.console,node.fs.sync,node.promises.rejections,node.bootstrap',
  '--trace-event-file-pattern', 'trace-${pid}-${rotation}.log',
  '-e', child,
], { cwd: dir, encoding: 'utf8' });
console.log('child exit', result.status);
console.log(result.stdout.replace(/\d+(\.\d+)?ms/g, 'Nms'));

const file = path.join(dir, `trace-${result.pid}-1.log`);
const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const event of traceEvents) {
  assert.strictEqual(event.pid, result.pid);
  assert.strictEqual(typeof event.tid, 'number');
  assert.strictEqual(typeof event.ts, 'number');
}
const show = (event) => {
  let line = `${event.ph} ${event.cat} ${event.name}`;
  if (event.cat === 'node,node.console' && event.ph === 'C') line += ` ${event.args.data}`;
  if (event.name === 'rejections') line += ` ${JSON.stringify(event.args)}`;
  return line;
};
console.log('events:');
for (const event of traceEvents) {
  if (event.cat === '__metadata' || event.cat === 'node,node.bootstrap') continue;
  console.log(' ', show(event));
}
const names = (cat) => [...new Set(traceEvents.filter((e) => e.cat === cat).map((e) => e.name))];
console.log('bootstrap:', names('node,node.bootstrap').sort().join(' '));
const meta = traceEvents.filter((e) => e.cat === '__metadata');
console.log('process names:', meta.filter((e) => e.name === 'process_name').map((e) => e.args.name).slice(-1));
console.log('main thread named:', meta.some((e) => e.name === 'thread_name' &&
  e.args.name === 'JavaScriptMainThread' && e.tid === result.pid));
console.log('version:', meta.find((e) => e.name === 'version').args.node === process.version.slice(1));
// The API runs in a child in the temporary directory too: tracing enabled there writes its
// file (node_trace.1.log) into the working directory at exit.
const api = `
const { createTracing, getEnabledCategories } = require('node:trace_events');
console.log(getEnabledCategories());
for (const bad of [1, null, { categories: 'node' }, { categories: [] }]) {
  try {
    createTracing(bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
const a = createTracing({ categories: ['node.perf', 'v8'] });
const b = createTracing({ categories: ['v8', 'custom'] });
console.log(a.categories, a.enabled);
a.enable();
b.enable();
console.log(getEnabledCategories(), a.enabled);
a.disable();
console.log(getEnabledCategories());
b.disable();
console.log(getEnabledCategories());
`;
const apiRun = spawnSync(process.execPath, ['-e', api], { cwd: dir, encoding: 'utf8' });
process.stdout.write(apiRun.stdout);
process.stderr.write(apiRun.stderr);
fs.rmSync(dir, { recursive: true });
