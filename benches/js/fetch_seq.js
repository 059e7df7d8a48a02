// fetch of a small response, 5000 requests one after the other over a keep-alive connection.
// With a port argument it fetches from that server (started elsewhere, e.g. by node, so only
// the client is measured); without one it starts its own hello-world server in this process.
const http = require('http');
const N = Number(process.env.FETCH_N || 5000);

async function run(port) {
  const url = `http://127.0.0.1:${port}/`;
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const res = await fetch(url);
    bytes += (await res.text()).length;
  }
  if (bytes !== N * 11) throw new Error(`got ${bytes} bytes`);
}

if (process.argv[2]) {
  run(Number(process.argv[2]));
} else {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Hello World');
  });
  server.listen(0, '127.0.0.1', async () => {
    await run(server.address().port);
    server.close();
  });
}
