// --heapsnapshot-signal=SIGUSR2: each signal writes a heap snapshot under Node's default name
// (in the cwd), and the process goes on.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snap-'));
const r = spawnSync(process.execPath, ['--heapsnapshot-signal=SIGUSR2', '-e',
  'process.kill(process.pid, "SIGUSR2"); let n = 0; const t = setInterval(() => {' +
  ' const done = require("fs").readdirSync(".").some((f) => f.endsWith(".heapsnapshot"));' +
  ' if (done || ++n === 400) { clearInterval(t); console.log(done ? "still running" : "no snapshot"); } }, 25);'],
{ cwd: dir, encoding: 'utf8' });
console.log(r.status, r.signal, r.stdout.trim());
const files = fs.readdirSync(dir);
console.log(files.map((f) => f.replace(/\.\d{8}\.\d{6}\.\d+\./, '.<date>.<time>.<pid>.')));
const snapshot = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
console.log(Object.keys(snapshot.snapshot.meta).slice(0, 3), snapshot.nodes.length > 0);
fs.rmSync(dir, { recursive: true, force: true });
