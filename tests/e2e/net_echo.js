const net = require('net');
const server = net.createServer((sock) => {
  console.log('server: connection from', sock.remoteFamily);
  sock.on('data', (d) => { console.log('server got', JSON.stringify(d.toString())); sock.write('echo:' + d); });
  sock.on('end', () => { console.log('server: end'); sock.end(); });
  sock.on('close', (h) => { console.log('server sock close', h); server.close(() => console.log('server closed')); });
});
server.listen(0, '127.0.0.1', () => {
  const { port, address, family } = server.address();
  console.log('listening', address, family, typeof port);
  const c = net.connect(port, '127.0.0.1', () => {
    console.log('client connected', c.remoteAddress, c.remotePort === port);
    c.write('hello');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => { console.log('client got', d); c.end(); });
  c.on('end', () => console.log('client end'));
  c.on('close', (h) => console.log('client close', h, c.bytesRead, c.bytesWritten));
});
