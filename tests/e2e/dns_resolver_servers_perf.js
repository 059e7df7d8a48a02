'use strict';
// dns.Resolver's servers (holes, ports, errors), setLocalAddress, the promise resolve()'s
// arguments, and 'dns'/'net'/'http' performance entries for a local lookup, connection and
// request.
const dns = require('dns');
const http = require('http');
const { PerformanceObserver } = require('perf_hooks');

const resolver = new dns.Resolver();
const servers = [];
servers[0] = '127.0.0.1';
servers[2] = '[::1]:5353';
servers[3] = '10.0.0.1:53';
resolver.setServers(servers);
console.log(resolver.getServers());
for (const bad of [['foobar'], ['127.0.0.1:va'], [' ']]) {
  try {
    resolver.setServers(bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
resolver.setLocalAddress('127.0.0.1');
resolver.setLocalAddress('::1');
resolver.setLocalAddress('127.0.0.1', '::1');
for (const args of [['127.0.0.1', '127.0.0.2'], ['bad'], [123], []]) {
  try {
    resolver.setLocalAddress(...args);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
for (const rrtype of ['toString', 'HI', 5]) {
  try {
    dns.promises.resolve('localhost', rrtype);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
try {
  dns.promises.resolve();
} catch (err) {
  console.log(err.code, err.message);
}
dns.resolveMx('foo.onion', (err) => console.log(err.code, err.syscall, err.message));

const seen = [];
const obs = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) seen.push(`${entry.entryType} ${entry.name}`);
});
obs.observe({ entryTypes: ['dns', 'net', 'http'] });

dns.lookup('localhost', { family: 4 }, (err) => {
  if (err) throw err;
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(0, '127.0.0.1', () => {
    http.get({ host: '127.0.0.1', port: server.address().port, agent: false }, (res) => {
      res.resume();
      res.on('end', () => {
        server.close();
        setTimeout(() => {
          obs.disconnect();
          console.log(seen.sort());
        }, 50);
      });
    });
  });
});
