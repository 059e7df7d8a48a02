const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  if (req.url === '/a') { res.setHeader('X-A', ['1', '2']); res.end('hello'); }
  else if (req.url === '/b') { res.writeHead(201, 'Made', { 'Content-Type': 'text/plain' }); res.write('x'); res.end('y'); }
  else if (req.url === '/c') { res.statusCode = 204; res.end(); }
  else { res.end(); }
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let out = '';
  c.on('data', (d) => out += d);
  c.on('end', () => { console.log(JSON.stringify(out.replace(/Date: .*\r\n/g, 'Date: X\r\n'))); server.close(); });
  c.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\nGET /d HTTP/1.0\r\n\r\n');
});
