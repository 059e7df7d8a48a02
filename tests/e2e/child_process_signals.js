// Signals: a child with a SIGINT listener handles it on its loop; without one SIGINT kills it
// (exit null 'SIGINT'); a removed listener brings the default action back; signals to self;
// process.kill with names and numbers; bad signals; kill() of an exited child.
const { spawn } = require('child_process');

function run(code, signal) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready') && !child.killed) child.kill(signal);
    });
    child.on('close', (exitCode, sig) => {
      console.log(JSON.stringify(out.trim().split('\n')), exitCode, sig);
      resolve(child);
    });
  });
}

(async () => {
  await run(`process.on('SIGINT', (name, n) => { console.log('handled', name, n); process.exit(0); });
    setInterval(() => {}, 1000); console.log('ready');`, 'SIGINT');
  await run(`setInterval(() => {}, 1000); console.log('ready');`, 'SIGINT');
  await run(`const h = () => {}; process.on('SIGTERM', h); process.off('SIGTERM', h);
    setInterval(() => {}, 1000); console.log('ready');`, 'SIGTERM');
  await run(`process.on('SIGHUP', () => { console.log('hup'); process.exitCode = 7; clearInterval(t); });
    const t = setInterval(() => {}, 1000); console.log('ready');`, 1);
  // A listener alone does not keep a process alive (Node's signal handles are unref'd).
  const lone = await run(`process.on('SIGUSR2', () => {}); console.log('done');`, 'SIGUSR2');
  console.log('kill after exit', lone.kill());

  process.on('SIGUSR1', function (name, num) {
    console.log('self', name, num, this === process);
    process.removeAllListeners('SIGUSR1');
  });
  process.kill(process.pid, 'SIGUSR1');
  setTimeout(() => {
    for (const bad of ['SIGNOPE', -1, 'sigint2']) {
      try { process.kill(process.pid, bad); } catch (e) { console.log(e.code, e.message); }
    }
    try { process.on('SIGKILL', () => {}); } catch (e) { console.log(e.code, e.syscall); }
    console.log('kill 0 works', process.kill(process.pid, 0));
  }, 50);
})();
