const http = require('http');
const net = require('net');
const cases = [
  'GARBAGE\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
  'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + 'a'.repeat(20000) + '\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n',
  'GET / HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n',
];
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')); });
server.listen(0, '127.0.0.1', async () => {
  for (const c of cases) {
    await new Promise((resolve) => {
      const s = net.connect(server.address().port, '127.0.0.1');
      let out = '';
      s.on('data', (d) => out += d);
      s.on('error', (e) => { out += '[' + e.code + ']'; });
      s.on('close', () => { console.log(JSON.stringify(c.slice(0, 40)), '->', JSON.stringify(out.replace(/Date: .*\r\n/g, '').slice(0, 80))); resolve(); });
      s.write(c);
    });
  }
  server.close();
});
