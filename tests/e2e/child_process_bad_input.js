// Bad input to node:child_process throws Node's errors (type, code, message) at the call; a
// missing program is an 'error' event (spawn), result.error (spawnSync) or a thrown error
// (execFileSync) with Node's shape; kill() of a child that has exited returns false.
const cp = require('child_process');

function show(label, f) {
  try {
    const r = f();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, e.code, e.name, e.message.replace(/\0/g, '<NUL>'));
  }
}

show('number file', () => cp.spawn(42));
show('number command', () => cp.exec(42));
show('number execFile', () => cp.execFile(42));
show('number spawnSync', () => cp.spawnSync(42));
show('object execSync', () => cp.execSync({}));
show('stdio string', () => cp.spawn('true', { stdio: 'bogus' }));
show('stdio string item', () => cp.spawn('true', { stdio: ['pipe', 'bogus', 'pipe'] }));
show('stdio object item', () => cp.spawn('true', { stdio: ['pipe', {}, 'pipe'] }));
show('stdio number item', () => cp.spawn('true', { stdio: ['pipe', true, 'pipe'] }));
show('stdio not array', () => cp.spawnSync('true', { stdio: 5 }));
show('null byte arg', () => cp.spawn('echo', ['a\0b']));
show('null byte file', () => cp.spawn('ech\0o'));
show('null byte env', () => cp.spawn('echo', [], { env: { A: 'x\0y' } }));
show('null byte env key', () => cp.spawnSync('echo', [], { env: { 'A\0': 'x' } }));
show('null byte spawnSync arg', () => cp.spawnSync('echo', ['a\0b']));
show('null byte execSync', () => cp.execSync('echo a\0b'));
show('null byte execFileSync', () => cp.execFileSync('echo', ['\0']));
show('null byte cwd', () => cp.spawn('echo', [], { cwd: '/tm\0p' }));
show('null byte argv0', () => cp.spawn('echo', [], { argv0: 'x\0' }));
show('null byte shell', () => cp.spawn('echo', [], { shell: '/bin/sh\0' }));
show('empty file', () => cp.spawn(''));
show('string args', () => cp.spawn('echo', 'abc'));
show('string options', () => cp.spawn('echo', [], 'abc'));
show('negative timeout', () => cp.spawn('echo', [], { timeout: -1 }));
show('unknown killSignal', () => cp.spawn('echo', [], { killSignal: 'SIGFOO' }));
show('object killSignal', () => cp.spawnSync('echo', [], { killSignal: {} }));
show('non-AbortSignal', () => cp.spawn('echo', [], { signal: {} }));
show('negative maxBuffer', () => cp.execFile('echo', [], { maxBuffer: -1 }));
show('number cwd', () => cp.spawn('echo', [], { cwd: 1 }));
show('number detached', () => cp.spawn('echo', [], { detached: 1 }));
show('string uid', () => cp.spawn('echo', [], { uid: 'a' }));
show('float gid', () => cp.spawn('echo', [], { gid: 1.5 }));
show('number shell', () => cp.spawn('echo', [], { shell: 1 }));
show('number argv0', () => cp.spawn('echo', [], { argv0: 1 }));
show('bad serialization', () => cp.fork('x.js', [], { serialization: 'xml' }));
show('ipc in spawnSync', () => cp.spawnSync('echo', [], { stdio: ['ipc'] }));
show('two ipc', () => cp.spawn('echo', [], { stdio: ['ipc', 'ipc'] }));
show('input to async', () => cp.spawn('echo', [], { stdio: [Buffer.from('x')] }));
show('fork without ipc', () => cp.fork('x.js', [], { stdio: ['pipe', 'pipe', 'pipe'] }));
show('fork bad stdio', () => cp.fork('x.js', [], { stdio: 'bogus' }));
show('fork bad args', () => cp.fork('x.js', 'a'));
show('execFile bad callback', () => cp.execFile('echo', [], {}, 'nope'));
show('kill unknown', () => cp.spawnSync('true') && cp.spawn('true').kill('SIGBAR'));

const rs = cp.spawnSync('does-not-exist-xyz', ['a']);
console.log('spawnSync ENOENT', rs.error.message, rs.error.code, rs.error.errno, rs.error.syscall,
  rs.error.path, rs.error.spawnargs, rs.status, rs.signal, rs.output, rs.pid, rs.stdout, Object.keys(rs));
try {
  cp.execFileSync('does-not-exist-xyz');
} catch (e) {
  console.log('execFileSync ENOENT', e.message, e.code, e.error === e, Object.keys(e));
}
try {
  cp.spawnSync('true', { cwd: '/does/not/exist' }).error.code;
  cp.execFileSync('true', { cwd: '/does/not/exist' });
} catch (e) {
  console.log('bad cwd', e.code, e.syscall);
}

const c = cp.spawn('does-not-exist-xyz', ['a', 'b']);
c.on('spawn', () => console.log('no spawn event for a missing program'));
c.on('exit', () => console.log('no exit event for a missing program'));
c.on('error', (e) => {
  console.log('error event', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, Object.keys(e));
  console.log('after error', c.pid, c.exitCode, c.signalCode, c.kill(), c.killed);
});
c.on('close', (code, sig) => {
  console.log('close', code, sig);
  cp.execFile('does-not-exist-xyz', ['q'], (e, so, se) => {
    console.log('execFile ENOENT', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, e.cmd,
      JSON.stringify(so), JSON.stringify(se));
    const t = cp.spawn('true');
    t.on('exit', (code2) => {
      console.log('kill after exit', code2, t.kill(), t.killed, t.kill('SIGKILL'), t.kill(0));
    });
  });
});
