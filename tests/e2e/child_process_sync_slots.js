// spawnSync and the exec*Sync forms: output for every stdio slot (pipes past fd 2 included),
// maxBuffer bounding stdout and stderr together (ENOBUFS, the child stopped with killSignal),
// the result's and the thrown error's shape, and 10 MB on both stdout and stderr with input
// being fed at the same time, without a deadlock.
const cp = require('child_process');

const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; echo three >&3; echo four >&4'],
  { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'] });
console.log('five slots', r.output.map((b) => b && b.toString()), r.status, Object.keys(r));
const r2 = cp.spawnSync('sh', ['-c', 'echo x; (echo three >&3) 2>/dev/null; echo five >&5'],
  { stdio: ['ignore', 'inherit', 'pipe', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
console.log('mixed slots', r2.output, r2.stdout, r2.stderr);
const r3 = cp.spawnSync('sh', ['-c', 'cat; echo done >&3'], { stdio: ['pipe', 'pipe', 'inherit', 'pipe'], input: 'fed\n' });
console.log('input with slot 3', r3.output.map((b) => b && b.toString()));

// maxBuffer counts every pipe together, as Node's does.
const m = cp.spawnSync('sh', ['-c', 'head -c 600 /dev/zero; head -c 600 /dev/zero >&2; sleep 2; echo late'],
  { maxBuffer: 1000 });
console.log('maxBuffer sum', m.error.code, m.error.message, m.error.syscall, m.error.path, m.error.spawnargs,
  m.stdout.length, m.stderr.length, m.signal, m.status, Object.keys(m));
const k = cp.spawnSync('sh', ['-c', 'head -c 2000 /dev/zero; sleep 2'], { maxBuffer: 1000, killSignal: 'SIGKILL' });
console.log('maxBuffer killSignal', k.error.code, k.stdout.length, k.signal);
try {
  cp.execSync('head -c 2000 /dev/zero; sleep 2', { maxBuffer: 1000 });
} catch (e) {
  console.log('execSync maxBuffer', e.code, e.message, e.stdout.length, e.signal, e.status, e.error === e, Object.keys(e));
}
try {
  cp.execFileSync('sh', ['-c', 'head -c 2000 /dev/zero; sleep 2'], { maxBuffer: 1000 });
} catch (e) {
  console.log('execFileSync maxBuffer', e.code, e.message, e.stdout.length, e.signal);
}
try {
  cp.execSync('echo some out; echo some err >&2; exit 4', { stdio: 'pipe' });
} catch (e) {
  console.log('execSync status', JSON.stringify(e.message), e.status, e.signal, 'error' in e, Object.keys(e),
    e.output.map((b) => b && b.toString()));
}
const ok = cp.spawnSync('true');
console.log('plain keys', Object.keys(ok), ok.output, ok.status, ok.signal);

const big = 'const b = Buffer.alloc(10 * 1024 * 1024, 120); process.stdout.write(b); process.stderr.write(b);';
const out = cp.execSync(`"${process.execPath}" -e "${big}"`, { maxBuffer: 64 << 20, stdio: 'pipe' });
console.log('execSync 10MB both', out.length);
const both = cp.spawnSync('sh', ['-c', 'head -c 10485760 /dev/zero; head -c 10485760 /dev/zero >&2; wc -c'],
  { maxBuffer: 64 << 20, input: Buffer.alloc(5 << 20) });
console.log('spawnSync 10MB both with 5MB input', both.stdout.length, both.stderr.length, both.status);
const cat = cp.spawnSync('cat', { maxBuffer: 64 << 20, input: Buffer.alloc(10 << 20, 1) });
console.log('cat 10MB', cat.stdout.length, cat.stdout.every((b) => b === 1), cat.status);
