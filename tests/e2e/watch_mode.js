// `--watch`: the script runs in a child that restarts when a watched file changes; Node's
// "Completed running" / "Failed running" / "Restarting" lines; the watch options' errors.
// Each step waits for the child's output, never for a fixed time; the file changed is the
// main script, which is watched before the child starts.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
const app = path.join(dir, 'app.js');
const version = (n) => `const n = ${n};\nconsole.log("run", n);\nif (n === 3) throw new Error("three");\n`;
fs.writeFileSync(app, version(1));

for (const args of [['--watch'], ['--watch', '-e', '1']]) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(args.join(' '), '->', r.status, r.stderr.replace(/^\S+: /, 'node: ').trim());
}

const child = spawn(process.execPath, ['--watch', 'app.js'], { cwd: dir });
let out = '';
const count = (text) => out.split(text).length - 1;
// [is it time?, what to do then]
const steps = [
  [() => count('Completed running') === 1, () => fs.writeFileSync(app, version(2))],
  [() => count('Completed running') === 2, () => fs.writeFileSync(app, version(3))],
  [() => count('Failed running') === 1, () => child.kill('SIGTERM')],
];
child.stdout.on('data', (chunk) => {
  out += chunk;
  while (steps.length > 0 && steps[0][0]()) steps.shift()[1]();
});
const guard = setTimeout(() => child.kill('SIGKILL'), 20000);
child.on('exit', () => {
  clearTimeout(guard);
  console.log(out.trim());
  fs.rmSync(dir, { recursive: true, force: true });
});
