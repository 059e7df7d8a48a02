// express serving JSON: a route with a parameter, a JSON body posted back, a 404.
const express = require('express');
const http = require('http');
const app = express();
app.use(express.json());
app.get('/hello/:name', (req, res) => res.json({ hello: req.params.name, via: 'express' }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const a = await fetch(`${base}/hello/eddy`);
  console.log(a.status, a.headers.get('content-type'), await a.json());
  const b = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 1 }) });
  console.log(b.status, await b.json());
  const c = await fetch(`${base}/missing`);
  console.log(c.status);
  server.close();
});
