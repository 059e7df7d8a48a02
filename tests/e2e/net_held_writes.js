// Writes made while the poll phase dispatches go out together when it ends (runtime io.rs).
// What was written must still reach the peer when the writer then destroys the socket, exits
// or kills itself; and many replies written in one dispatch each reach their own client.
// (test-child-process-send-keep-open covers a write followed by an IPC message.)
const net = require('net');
const { fork } = require('child_process');

const role = process.argv[2];
if (role === 'exit' || role === 'kill') {
  const server = net.createServer((sock) => {
    sock.on('data', () => {
      sock.write('last words');
      if (role === 'exit') process.exit(0);
      process.kill(process.pid, 'SIGKILL');
    });
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  main();
}

function step(name, run) {
  return new Promise((resolve) => run(resolve)).then(() => console.log(`-- ${name} done`));
}

/** Connects, sends 'go', and collects what comes back until the end. */
function ask(port, done) {
  let got = '';
  const c = net.connect(port, '127.0.0.1', () => c.write('go'));
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('error', (e) => console.log('client error', e.code));
  c.on('close', () => done(got));
}

async function main() {
  await step('destroy after write', (resolve) => {
    const server = net.createServer((sock) => {
      sock.on('data', () => {
        sock.write('bye');
        sock.destroy();
      });
    });
    server.listen(0, '127.0.0.1', () => {
      ask(server.address().port, (got) => {
        console.log('client got', JSON.stringify(got));
        server.close(resolve);
      });
    });
  });

  await step('many replies in one dispatch', (resolve) => {
    const server = net.createServer((sock) => {
      sock.on('data', (d) => sock.end(`reply to ${d}`));
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const replies = [];
      let left = 20;
      for (let i = 0; i < 20; i++) {
        const c = net.connect(port, '127.0.0.1', () => c.write(`client ${i}`));
        let got = '';
        c.setEncoding('utf8');
        c.on('data', (d) => { got += d; });
        c.on('close', () => {
          replies.push(got);
          if (--left === 0) {
            const ok = replies.every((r) => /^reply to client \d+$/.test(r));
            console.log('replies', replies.length, 'all matching', ok,
                        'distinct', new Set(replies).size);
            server.close(resolve);
          }
        });
      }
    });
  });

  for (const how of ['exit', 'kill']) {
    await step(`write then ${how}`, (resolve) => {
      const child = fork(__filename, [how]);
      const exited = new Promise((done) => child.on('exit', (code, signal) => done([code, signal])));
      child.on('message', (port) => {
        ask(port, async (got) => {
          console.log('client got', JSON.stringify(got));
          const [code, signal] = await exited;
          console.log('child exit', code, signal);
          resolve();
        });
      });
    });
  }
}
