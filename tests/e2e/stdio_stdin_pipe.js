// process.stdin on a pipe is a net.Socket read in the poll phase: paused mode with read(),
// then flowing, then 'end'; it does not keep the process alive before anyone reads.
const net = require('net');
const stdin = process.stdin;
console.log('socket', stdin instanceof net.Socket, 'fd', stdin.fd, 'isTTY', stdin.isTTY);
console.log('readableFlowing', stdin.readableFlowing);
let chunks = 0;
let text = '';
stdin.setEncoding('utf8');
stdin.once('readable', () => {
  const first = stdin.read(5);
  console.log('read(5)', JSON.stringify(first));
  text += first;
  stdin.on('data', (d) => { chunks++; text += d; });
});
stdin.on('end', () => {
  const lines = text.split('\n');
  console.log('end: chars', text.length, 'lines', lines.length, 'last', JSON.stringify(lines.at(-2)));
  console.log('chunks > 0', chunks > 0, 'readableEnded', stdin.readableEnded);
});
stdin.on('close', () => console.log('close'));
process.on('exit', (code) => console.log('exit', code));
