// https.Agent with keep-alive: consecutive requests share one TLS connection, requests with
// other TLS options get their own pool, and the pool names carry those options.
const https = require('https');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const ca = read('ca.crt');

const connections = [];
const server = https.createServer({ key: read('server.key'), cert: read('server.crt') }, (req, res) => {
  res.end(`${req.url} on connection ${connections.indexOf(req.socket)}`);
});
server.on('secureConnection', (socket) => connections.push(socket));

function get(agent, pathname, extra = {}) {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: 'localhost', port: server.address().port, path: pathname, agent, ca, ...extra }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(`${text} (reused=${req.reusedSocket})`));
    });
    req.on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  console.log(await get(agent, '/1'));
  console.log(await get(agent, '/2'));
  console.log(await get(agent, '/3'));
  console.log(await get(agent, '/other-options', { rejectUnauthorized: false }));
  console.log(await get(agent, '/4'));
  const names = Object.keys(agent.freeSockets).map((n) => n.replace(/:\d+:/, ':PORT:').replace(/-----BEGIN[\s\S]*?-----END CERTIFICATE-----\n?/, 'CA'));
  console.log('pools:', names.sort());
  console.log('connections made:', connections.length);
  const plain = new https.Agent();
  console.log('getName:', JSON.stringify(plain.getName({ host: 'example.com', port: 443, servername: 'sni.example', rejectUnauthorized: false })));
  console.log('getName empty:', JSON.stringify(plain.getName()));
  agent.destroy();
  server.close(() => console.log('closed'));
});
