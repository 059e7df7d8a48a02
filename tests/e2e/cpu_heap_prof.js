// --cpu-prof and --heap-prof: profiles written at exit under Node's default names (or
// --cpu-prof-name, in --cpu-prof-dir), in the .cpuprofile / .heapprofile formats, holding the
// program's own function; the settings are refused without their profiler.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
const program = 'const keep = []; function busy() { for (let i = 0; i < 1e4; i++) keep.push({ i }); }' +
  ' const end = Date.now() + 150; for (let n = 0; n < 50 || Date.now() < end; n++) busy();';
const run = (args) => spawnSync(process.execPath, [...args, '-e', program], { cwd: dir, encoding: 'utf8' });

console.log(run(['--cpu-prof', '--heap-prof', '--cpu-prof-interval', '500', '--heap-prof-interval', '4096']).status);
const files = fs.readdirSync(dir).sort();
console.log(files.map((f) => f.replace(/\.\d{8}\.\d{6}\.\d+\./, '.<date>.<time>.<pid>.')));
const cpu = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
console.log(Object.keys(cpu), Object.keys(cpu.nodes[0]), cpu.samples.length > 0,
  cpu.nodes.some((n) => n.callFrame.functionName === 'busy'));
const heap = JSON.parse(fs.readFileSync(path.join(dir, files[1]), 'utf8'));
const names = new Set();
const walk = (node) => { names.add(node.callFrame.functionName); node.children.forEach(walk); };
walk(heap.head);
console.log(Object.keys(heap), Object.keys(heap.head), names.has('busy'));

console.log(run(['--cpu-prof', '--cpu-prof-name=main.cpuprofile', '--cpu-prof-dir=out']).status,
  fs.readdirSync(path.join(dir, 'out')));
for (const flag of ['--cpu-prof-name=x', '--cpu-prof-dir=d', '--heap-prof-interval=5']) {
  const r = run([flag]);
  console.log(flag, r.status, r.stderr.replace(/^\S+: /, 'node: ').trim());
}
fs.rmSync(dir, { recursive: true, force: true });
