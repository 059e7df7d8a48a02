// Errors from the socket layer, with Node's codes and messages (ports normalised).
const net = require('net');
const norm = (s) => String(s).replace(/:\d+/g, ':PORT');
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const second = net.createServer();
  second.on('error', (e) => {
    console.log('listen:', e.code, e.errno < 0, e.syscall, norm(e.message));
    server.close(() => {
      const c = net.connect(port, '127.0.0.1');
      c.on('error', (err) => {
        console.log('connect:', err.code, err.syscall, err.address, norm(err.message));
        console.log('destroyed', c.destroyed, 'readyState', c.readyState);
        pipeErrors();
      });
      c.on('close', (hadError) => console.log('close hadError', hadError));
    });
  });
  second.listen(port, '127.0.0.1');
});

function pipeErrors() {
  const c = net.connect('/nonexistent/eddy.sock');
  c.on('error', (err) => {
    console.log('pipe:', err.code, err.syscall, norm(err.message));
    badArgs();
  });
}

function badArgs() {
  for (const port of [-1, 65536, 'abc', {}]) {
    try {
      net.connect({ port, host: '127.0.0.1' });
    } catch (e) {
      console.log(e.code, e.name, e.message);
    }
  }
  try {
    net.createServer().listen({ port: 70000 });
  } catch (e) {
    console.log(e.code, e.message);
  }
  const s = new net.Socket();
  s.on('error', (e) => console.log('write on unconnected socket:', e.code));
  s.write('x', (e) => console.log('write cb:', e && e.code));
  console.log('isIP', net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('x'), net.isIPv4('1.2.3.4'), net.isIPv6('1.2.3.4'));
}
