// process.report: the diagnostic report's shape from getReport(), writeReport() to a file (its
// default name, a directory, compact JSON), its settings and their validation, and reports
// written on an uncaught exception and on a signal (in child processes).
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const r = process.report.getReport(new Error('probe'));
console.log(Object.keys(r).join());
console.log(['reportVersion', 'event', 'trigger', 'filename', 'processId', 'cwd', 'nodejsVersion',
  'wordSize', 'arch', 'platform', 'osName', 'host'].map((k) => `${k}:${typeof r.header[k]}`).join(' '));
console.log(r.header.event, r.header.trigger, r.header.filename, r.header.processId === process.pid,
  r.header.cwd === process.cwd(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.header.dumpEventTime));
console.log(r.javascriptStack.message, r.javascriptStack.stack[0].startsWith('at '));
console.log(Object.keys(r.javascriptHeap).join());
console.log(r.javascriptHeap.heapSpaces.old_space.used > 0, r.nativeStack.length > 0,
  typeof r.nativeStack[0].pc, typeof r.nativeStack[0].symbol);
console.log(Object.keys(r.resourceUsage).join());
console.log(Object.keys(r.uvthreadResourceUsage).join());
console.log(Object.keys(r.userLimits).join());
console.log(r.environmentVariables.HOME === process.env.HOME, Array.isArray(r.sharedObjects),
  Array.isArray(r.libuv), Array.isArray(r.workers));
console.log(process.report.getReport().javascriptStack.message);
console.log(JSON.stringify(process.report));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
const byDefault = spawnSync(process.execPath, ['-e', 'console.log(process.report.writeReport())'],
  { cwd: dir, encoding: 'utf8' });
const name = byDefault.stdout.trim();
console.log(/^report\.\d{8}\.\d{6}\.\d+\.0\.001\.json$/.test(name), fs.existsSync(path.join(dir, name)),
  byDefault.stderr === `\nWriting Node.js report to file: ${name}\nNode.js report completed\n`);
process.report.directory = dir;
process.report.compact = true;
console.log(process.report.writeReport('compact.json', new Error('given')));
const compact = fs.readFileSync(path.join(dir, 'compact.json'), 'utf8');
console.log(compact.split('\n').length, JSON.parse(compact).javascriptStack.message);

for (const [what, fn] of [
  ['signal', () => { process.report.signal = 'SIGFOO'; }],
  ['compact', () => { process.report.compact = 1; }],
  ['directory', () => { process.report.directory = 5; }],
  ['writeReport', () => process.report.writeReport(5)],
  ['getReport', () => process.report.getReport(5)],
]) {
  assert.throws(fn, (err) => { console.log(what, err.code, err.message); return true; });
}

const uncaught = spawnSync(process.execPath, ['--report-uncaught-exception', '-e', 'throw new Error("boom")'],
  { cwd: dir, encoding: 'utf8' });
console.log(uncaught.status, uncaught.stderr.includes('Error: boom'),
  /\nWriting Node.js report to file: report\.[\d.]+\.json\nNode\.js report completed\n\nNode\.js v/.test(uncaught.stderr));
const onSignal = spawnSync(process.execPath, ['--report-on-signal', '-e',
  'process.kill(process.pid, "SIGUSR2"); setTimeout(() => {}, 200)'], { cwd: dir, encoding: 'utf8' });
console.log(onSignal.status, onSignal.stderr.includes('Node.js report completed'));
const written = fs.readdirSync(dir).filter((f) => f.startsWith('report.')).length;
console.log('files', written);
fs.rmSync(dir, { recursive: true, force: true });
