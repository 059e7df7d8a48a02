// fetch of a local 1 KiB JSON, 20000 requests with 50 in flight (the server runs in this process).
const http = require('http');
const N = Number(process.env.FETCH_N || 20000);
const CONCURRENCY = 50;
const payload = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `item-${i}` })) }).slice(0, 1024);
const body = JSON.stringify({ data: payload });

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  let next = 0;
  let total = 0;
  async function worker() {
    while (next < N) {
      next++;
      const json = await (await fetch(url)).json();
      total += json.data.length;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (total !== N * payload.length) throw new Error(`got ${total}`);
  server.close();
});
