// fetch of a 256 MiB body, read as a stream (the server runs in this process).
const http = require('http');
const SIZE = Number(process.env.FETCH_MIB || 256) * 1024 * 1024;
const chunk = Buffer.alloc(256 * 1024, 'x');

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-length': SIZE });
  let sent = 0;
  const pump = () => {
    while (sent < SIZE) {
      sent += chunk.length;
      if (!res.write(chunk)) return res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
  let total = 0;
  for await (const part of res.body) total += part.length;
  if (total !== SIZE) throw new Error(`got ${total}`);
  server.close();
});
