// HTTP hello world for benches/http.rs: prints its port, answers every request with 11 bytes.
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello World');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
