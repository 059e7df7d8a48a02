// --tls-keylog=FILE (here through NODE_OPTIONS, which a child inherits): every TLS
// connection's secrets go to FILE in NSS key log format, from the client and from the server
// alike, so each line is there twice; one TLS 1.2 and one TLS 1.3 connection. A warning says
// the file makes the connections insecure.
const tls = require('tls');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

if (process.argv[2] === 'child') {
  const server = tls.createServer({ key: read('server.key'), cert: read('server.crt') }, (s) => s.end('ok'));
  server.listen(0, '127.0.0.1', async () => {
    for (const maxVersion of ['TLSv1.2', 'TLSv1.3']) {
      await new Promise((resolve) => {
        const c = tls.connect({
          port: server.address().port, host: '127.0.0.1', ca: read('ca.crt'), servername: 'localhost', maxVersion,
        });
        c.resume();
        c.on('close', resolve);
      });
    }
    server.close();
  });
  return;
}

const file = path.join(os.tmpdir(), `tls-keylog-${process.pid}.log`);
fs.rmSync(file, { force: true });
const child = fork(__filename, ['child'], {
  env: { ...process.env, NODE_OPTIONS: `--tls-keylog=${file}` },
  stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
});
let stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (d) => { stderr += d; });
child.on('close', (code) => {
  console.log('child exit', code);
  // Said once, naming the file.
  console.log('child stderr:', stderr.split('\n')[0].replace(/^\((node|eddy):\d+\)/, '(node:PID)').replace(file, 'FILE'));
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  fs.rmSync(file, { force: true });
  const counts = {};
  for (const line of lines) {
    const [label, random, secret] = line.split(' ');
    if (!/^[0-9a-f]{64}$/.test(random) || !/^[0-9a-f]{64,96}$/.test(secret)) console.log('bad line', line);
    counts[label] = (counts[label] || 0) + 1;
  }
  console.log(Object.entries(counts).sort());
  const twice = lines.every((line) => lines.filter((l) => l === line).length === 2);
  console.log('each line twice:', twice);
});
