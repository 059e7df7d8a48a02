// axios, node-fetch, undici and ws against local servers started here.
const http = require('http');
const axios = require('axios');
const nodeFetch = require('node-fetch');
const undici = require('undici');
const { WebSocket, WebSocketServer } = require('ws');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/json' });
      res.end();
      return;
    }
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body: body || null }));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const a = await axios.get(`${base}/json?x=1`);
  console.log('axios get', a.status, a.data);
  const b = await axios.post(`${base}/echo`, { n: 1 });
  console.log('axios post', b.status, b.data);
  try { await axios.get(`${base}/missing`); } catch (e) { console.log('axios error', e.response.status, e.message); }
  const c = await nodeFetch(`${base}/redirect`);
  console.log('node-fetch', c.status, c.redirected, await c.json());
  const d = await undici.request(`${base}/json`, { method: 'PUT', body: 'abc' });
  console.log('undici request', d.statusCode, await d.body.json());
  const e = await undici.fetch(`${base}/json`);
  console.log('undici fetch', e.status, await e.json());
  await undici.getGlobalDispatcher().close();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
    const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}`);
    ws.on('open', () => ws.send('ping'));
    ws.on('message', (data, isBinary) => {
      console.log('ws', data.toString(), isBinary);
      ws.close(1000, 'done');
    });
    ws.on('close', (code, reason) => {
      console.log('ws close', code, reason.toString());
      wss.close();
      server.close();
    });
  });
  wss.on('connection', (socket) => socket.on('message', (m) => socket.send(`pong:${m}`)));
});
