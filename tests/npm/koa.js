// koa serving JSON and a 404.
const Koa = require('koa');
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.path === '/json') ctx.body = { via: 'koa', method: ctx.method, q: ctx.query.q };
  else ctx.status = 404;
});
const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const a = await fetch(`${base}/json?q=1`);
  console.log(a.status, a.headers.get('content-type'), await a.json());
  const b = await fetch(`${base}/nope`);
  console.log(b.status);
  server.close();
});
