// An Agent with keepAlive reuses the socket for later requests, queues requests past
// maxSockets, and lets the process exit with idle pooled sockets (they are unref'd).
const http = require('http');
let connections = 0;
const server = http.createServer((req, res) => {
  res.end(`${req.url} on connection ${req.socket.connNo}`);
});
server.on('connection', (s) => { s.connNo = ++connections; });
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) => new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => body += d);
      res.on('end', () => resolve(`${res.statusCode} ${body} reused=${res.req.reusedSocket}`));
    }).on('error', reject);
  });
  // Sequential: the second waits for the first's socket to be freed.
  console.log(await get('/one'));
  await new Promise((r) => setTimeout(r, 30));
  console.log(await get('/two'));
  // Concurrent beyond maxSockets: queued, served in order on the one socket.
  const results = await Promise.all(['/a', '/b', '/c'].map(get));
  for (const r of results) console.log(r);
  console.log('sockets per origin', Object.keys(agent.sockets).length, 'pending', Object.keys(agent.requests).length);
  console.log('server saw', connections, 'connection(s)');
  server.close();
  // The free socket is unref'd: the loop ends although it stays open.
});
