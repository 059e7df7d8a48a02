const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, req.httpVersion, req.headers['content-type'] || '-');
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => body += d);
  req.on('end', () => {
    if (req.url === '/json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ got: JSON.parse(body || '{}') }));
    } else if (req.url === '/chunked') {
      res.write('part1,');
      setTimeout(() => res.end('part2'), 30);
    } else {
      res.writeHead(404, { 'X-Test': 'yes' });
      res.end('not found');
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true });
  const post = http.request({ port, host: '127.0.0.1', path: '/json', method: 'POST', agent,
    headers: { 'Content-Type': 'application/json' } }, (res) => {
    console.log('client:', res.statusCode, res.statusMessage, res.headers['content-type'], res.headers['content-length'], res.headers.connection);
    let data = '';
    res.on('data', (d) => data += d);
    res.on('end', () => {
      console.log('client body:', data);
      http.get({ port, host: '127.0.0.1', path: '/chunked', agent }, (res2) => {
        console.log('client2:', res2.statusCode, res2.headers['transfer-encoding'], res2.req.reusedSocket);
        let d2 = '';
        res2.on('data', (d) => d2 += d);
        res2.on('end', () => {
          console.log('client2 body:', d2);
          http.get(`http://127.0.0.1:${port}/missing`, (res3) => {
            console.log('client3:', res3.statusCode, res3.headers['x-test']);
            res3.resume();
            res3.on('end', () => { agent.destroy(); server.close(() => console.log('closed')); });
          });
        });
      });
    });
  });
  post.end(JSON.stringify({ a: 1 }));
});
