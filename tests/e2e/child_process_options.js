// Options of the async and sync forms: timeout + killSignal, an AbortSignal (aborted later,
// with a reason, or already aborted), shell true and a shell path, argv0, detached (a new
// session and process group), and an 'ipc' slot at fd 0, 1, 3 or 4. Steps run one at a time.
const cp = require('child_process');

if (process.argv[2] === 'ipc-child') {
  process.on('message', (m) => {
    process.send({ echo: m, fd: process.env.NODE_CHANNEL_FD });
    process.disconnect();
  });
  return;
}

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}
function collect(stream) {
  let out = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => { out += d; });
  return () => out;
}

steps.push(() => {
  const c = cp.spawn('sleep', ['5'], { timeout: 100, killSignal: 'SIGKILL' });
  c.on('exit', (code, sig) => {
    console.log('spawn timeout', code, sig, c.killed, c.signalCode, c.exitCode);
    next();
  });
});
steps.push(() => {
  cp.execFile('sleep', ['5'], { timeout: 100, killSignal: 'SIGINT' }, (e) => {
    console.log('execFile timeout', JSON.stringify(e.message), e.code, e.signal, e.killed, e.cmd);
    next();
  });
});
steps.push(() => {
  cp.exec('sleep 5', { timeout: 100 }, (e) => {
    console.log('exec timeout', JSON.stringify(e.message), e.code, e.signal, e.killed);
    next();
  });
});
steps.push(() => {
  const r = cp.spawnSync('sleep', ['5'], { timeout: 100, killSignal: 9 });
  console.log('spawnSync timeout', r.error.code, r.error.message, r.signal, r.status);
  try {
    cp.execSync('sleep 5', { timeout: 100, killSignal: 'SIGHUP' });
  } catch (e) {
    console.log('execSync timeout', e.code, e.signal, e.status, e.message);
  }
  next();
});
steps.push(() => {
  const ac = new AbortController();
  const c = cp.spawn('sleep', ['5'], { signal: ac.signal });
  c.on('error', (e) => console.log('abort error', e.name, e.code, e.message, e.cause.name));
  c.on('exit', (code, sig) => {
    console.log('abort exit', code, sig, c.killed);
    next();
  });
  setTimeout(() => ac.abort(), 50);
});
steps.push(() => {
  const ac = new AbortController();
  const c = cp.spawn('sleep', ['5'], { signal: ac.signal, killSignal: 'SIGKILL' });
  c.on('error', (e) => console.log('abort reason error', e.name, e.code, e.message, e.cause.message));
  c.on('exit', (code, sig) => {
    console.log('abort reason exit', code, sig);
    next();
  });
  setTimeout(() => ac.abort(new Error('why')), 50);
});
steps.push(() => {
  const c = cp.spawn('sleep', ['5'], { signal: AbortSignal.abort() });
  c.on('error', (e) => console.log('pre-aborted error', e.name, e.code));
  c.on('exit', (code, sig) => {
    console.log('pre-aborted exit', code, sig);
    next();
  });
});
steps.push(() => {
  const ac = new AbortController();
  cp.execFile('sleep', ['5'], { signal: ac.signal }, (e) => {
    console.log('execFile abort', e.name, e.code, e.message);
    const ac2 = new AbortController();
    cp.exec('sleep 5', { signal: ac2.signal }, (e2) => {
      console.log('exec abort', e2.name, e2.code);
      next();
    });
    setTimeout(() => ac2.abort(), 50);
  });
  setTimeout(() => ac.abort(), 50);
});
steps.push(() => {
  cp.exec('echo $0 "$FOO" | tr a-z A-Z', { env: { FOO: 'bar', PATH: process.env.PATH } }, (e, so) => {
    console.log('exec shell', JSON.stringify(so));
    cp.exec('echo $0; echo $BASH_VERSION | cut -c1', { shell: '/bin/bash' }, (e2, so2) => {
      console.log('exec shell path', JSON.stringify(so2.split('\n')[0]), so2.split('\n')[1].length);
      const c = cp.spawn('echo hi; echo $0', { shell: true });
      const out = collect(c.stdout);
      c.on('close', () => {
        console.log('spawn shell true', JSON.stringify(out()), c.spawnfile, c.spawnargs);
        const s = cp.spawnSync('echo', ['a', 'b'], { shell: '/bin/bash', encoding: 'utf8' });
        console.log('spawnSync shell path', JSON.stringify(s.stdout));
        console.log('execSync shell', JSON.stringify(cp.execSync('echo $0', { encoding: 'utf8' })));
        next();
      });
    });
  });
});
steps.push(() => {
  const c = cp.spawn('sh', ['-c', 'echo $0'], { argv0: 'custom-argv0' });
  const out = collect(c.stdout);
  c.on('close', () => {
    console.log('argv0 sh', out().trim(), c.spawnargs, c.spawnfile);
    const c2 = cp.spawn(process.execPath, ['-e', 'console.log(process.argv0, process.argv.length)'],
      { argv0: 'myname' });
    const out2 = collect(c2.stdout);
    c2.on('close', () => {
      console.log('argv0 of a node child', out2().trim());
      console.log('argv0 sync', cp.spawnSync('sh', ['-c', 'echo $0'], { argv0: 'syncname', encoding: 'utf8' }).stdout.trim());
      console.log('argv0 execFileSync', cp.execFileSync('sh', ['-c', 'echo $0'], { argv0: 'efs', encoding: 'utf8' }).trim());
      next();
    });
  });
});
steps.push(() => {
  // Fields 5 and 6 of /proc/PID/stat: the process group and the session.
  const ids = 'cut -d" " -f5,6 /proc/$$/stat';
  const c = cp.spawn('sh', ['-c', ids], { detached: true });
  const out = collect(c.stdout);
  c.on('close', () => {
    const [pgid, sid] = out().trim().split(' ').map(Number);
    console.log('detached leads its group and session', pgid === c.pid, sid === c.pid);
    const c2 = cp.spawn('sh', ['-c', ids]);
    const out2 = collect(c2.stdout);
    c2.on('close', () => {
      const [pgid2, sid2] = out2().trim().split(' ').map(Number);
      console.log('attached leads neither', pgid2 === c2.pid, sid2 === c2.pid);
      next();
    });
  });
});
for (const stdio of [['ipc', 'inherit', 'inherit'], ['inherit', 'ipc', 'inherit'],
  ['inherit', 'inherit', 'inherit', 'ipc'], ['pipe', 'pipe', 'pipe', 'pipe', 'ipc']]) {
  steps.push(() => {
    const c = cp.spawn(process.execPath, [__filename, 'ipc-child'], { stdio });
    c.on('message', (m) => console.log('ipc at', stdio.indexOf('ipc'), m, c.connected));
    c.on('exit', (code) => {
      console.log('exit', code, c.stdio.map((s) => (s === null ? null : typeof s)), c.connected);
      next();
    });
    c.send('hi');
  });
}
next();
