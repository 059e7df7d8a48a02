// fastify serving JSON and echoing a posted JSON body.
const fastify = require('fastify')();
fastify.get('/json', async (req) => ({ via: 'fastify', q: req.query.q }));
fastify.post('/echo', async (req, reply) => { reply.code(201); return { got: req.body }; });
fastify.listen({ port: 0, host: '127.0.0.1' }).then(async (address) => {
  const a = await fetch(`${address}/json?q=2`);
  console.log(a.status, a.headers.get('content-type'), await a.json());
  const b = await fetch(`${address}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 2 }) });
  console.log(b.status, await b.json());
  await fastify.close();
});
