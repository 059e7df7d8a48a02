// spawn with pipes (events in order: spawn, output, exit, close), exec with env, execFile errors,
// ENOENT, the sync forms (input, status, timeout), and kill().
const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'echo out; echo err >&2; read x; echo got $x; exit 3']);
c.on('spawn', () => console.log('spawn', typeof c.pid));
// (The chunks a pipe delivers depend on timing: the output is shown whole at 'close'.)
let out = '';
let errOut = '';
c.stdout.setEncoding('utf8');
c.stdout.on('data', (d) => { out += d; });
c.stderr.on('data', (d) => { errOut += d; });
c.on('exit', (code, sig) => console.log('exit', code, sig));
c.on('close', (code, sig) => {
  console.log('close', code, sig, 'stdout', JSON.stringify(out), 'stderr', JSON.stringify(errOut));
  cp.exec('echo hello $FOO', { env: { FOO: 'bar', PATH: process.env.PATH } }, (err, out, errout) => {
    console.log('exec', err, JSON.stringify(out), JSON.stringify(errout));
    cp.execFile('sh', ['-c', 'exit 2'], (err) => {
      console.log('execFile err', err.code, err.killed, err.signal, err.cmd, JSON.stringify(err.message));
      const s = cp.spawn('nonexistent-program-xyz');
      s.on('error', (e) => console.log('error', e.code, e.syscall, e.path, e.spawnargs, e.message));
      s.on('close', (code) => {
        console.log('close after ENOENT', code);
        console.log(cp.execSync('echo sync; echo e >&2', { stdio: 'pipe' }).toString());
        const r = cp.spawnSync('sh', ['-c', 'cat; exit 5'], { input: 'in put' });
        console.log('spawnSync', r.status, r.signal, String(r.stdout), r.output.length);
        try { cp.execFileSync('sh', ['-c', 'echo bad >&2; exit 1'], { stdio: 'pipe' }); } catch (e) { console.log('execFileSync', e.status, JSON.stringify(e.message)); }
        const t = cp.spawnSync('sleep', ['5'], { timeout: 100 });
        console.log('timeout', t.error && t.error.code, t.signal, t.status);
        const k = cp.spawn('sleep', ['5']);
        k.on('exit', (code, sig) => console.log('killed', code, sig, k.killed));
        console.log('kill returns', k.kill());
      });
    });
  });
});
c.stdin.end('world\n');
