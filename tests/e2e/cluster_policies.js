'use strict';
// node:cluster beyond the basics, one step at a time so the output does not depend on timing:
// SCHED_NONE (the worker accepts on the listening socket the primary sent), a worker's bind
// error (the primary holds the port), setupPrimary's args and silent (the worker's output
// comes back on worker.process.stdout), and a worker killed with a signal.

const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const mode = process.argv[2];
  if (mode === 'serve') {
    net.createServer((socket) => socket.end(`served by ${cluster.worker.id}`))
      .listen(0, '127.0.0.1');
  } else if (mode === 'conflict') {
    const server = net.createServer();
    server.on('error', (err) => {
      console.log('worker error:', err.message.replace(/:\d+$/, ':PORT'), err.code, err.syscall);
      const alone = net.createServer();
      alone.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
        console.log('exclusive listen works:', alone.address().port > 0);
        alone.close(() => cluster.worker.disconnect());
      });
    });
    server.listen(Number(process.env.TAKEN), '127.0.0.1');
  } else if (mode === 'sleep') {
    process.send('ready');
    setInterval(() => {}, 1000);
  }
} else {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  console.log('policy NONE', cluster.schedulingPolicy === cluster.SCHED_NONE);

  const once = (emitter, name) => new Promise((resolve) => {
    emitter.once(name, (...args) => resolve(args));
  });
  const fetch = (port) => new Promise((resolve) => {
    let body = '';
    net.connect(port, '127.0.0.1').on('data', (d) => { body += d; }).on('end', () => resolve(body));
  });

  (async () => {
    // 1. SCHED_NONE: one worker, so every answer is its own.
    cluster.setupPrimary({ args: ['serve'] });
    const server = cluster.fork();
    const [address] = await once(server, 'listening');
    console.log('listening', address.address, address.addressType, address.port > 0);
    for (let i = 0; i < 3; i++) console.log(await fetch(address.port));
    server.disconnect();
    const [code, signal] = await once(server, 'exit');
    console.log('serve worker exit', code, signal, server.exitedAfterDisconnect);

    // 2. The primary holds a port; the worker's listen on it fails, an exclusive one works.
    const holder = net.createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    cluster.setupPrimary({ args: ['conflict'], silent: true });
    const conflict = cluster.fork({ TAKEN: holder.address().port });
    let out = '';
    conflict.process.stdout.on('data', (d) => { out += d; });
    // 'close', not 'exit': the worker's output is all read by then.
    await once(conflict.process, 'close');
    process.stdout.write(out);
    console.log('conflict worker exitedAfterDisconnect', conflict.exitedAfterDisconnect);
    holder.close();

    // 3. A signal: the worker dies without disconnecting first.
    cluster.setupPrimary({ args: ['sleep'], silent: false });
    const sleeper = cluster.fork();
    await once(sleeper, 'message');
    sleeper.kill('SIGKILL');
    const [exitCode, exitSignal] = await once(sleeper, 'exit');
    console.log('killed worker', exitCode, exitSignal, sleeper.exitedAfterDisconnect,
      sleeper.isDead());
    sleeper.send('late', (err) => console.log('send after death:', err.code));
    console.log('workers left', Object.keys(cluster.workers).length);
  })();
}
