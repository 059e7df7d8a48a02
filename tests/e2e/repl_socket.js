// A REPL served over TCP, as `net.createServer((s) => repl.start({ input: s, output: s }))`.
const net = require('net');
const repl = require('repl');

const server = net.createServer((socket) => {
  const r = repl.start({ prompt: 'remote> ', input: socket, output: socket });
  r.context.served = 'a value the server put in the context';
  r.on('exit', () => socket.end());
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let transcript = '';
  client.setEncoding('utf8');
  client.on('data', (chunk) => { transcript += chunk; });
  client.on('end', () => {
    console.log(transcript);
    server.close(() => console.log('server closed'));
  });
  client.write([
    '1 + 2',
    'served',
    'typeof globalThis.served',
    'var local = [1, 2, 3]',
    'local.map((n) => n * 2)',
    'function f() {',
    '  return "multi-line";',
    '}',
    'f()',
    'throw new Error("over the wire")',
    'await Promise.resolve("awaited remotely")',
    '.exit',
    '',
  ].join('\n'));
});
