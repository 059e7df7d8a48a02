// dns.resolve* against the test's own responder on 127.0.0.1 (port in argv[2]); one query at
// a time so the output order is fixed.
const dns = require('dns');
const port = process.argv[2];
const show = (label) => (err, result) => new Promise((resolve) => {
  if (err) console.log(label, 'error', err.code, err.syscall, err.hostname, err.message);
  else console.log(label, JSON.stringify(result));
  resolve();
});
function q(method, ...args) {
  return new Promise((resolve) => {
    dns[method](...args, (err, result) => show(`${method} ${args[0]}`)(err, result).then(resolve));
  });
}
(async () => {
  dns.setServers([`127.0.0.1:${port}`]);
  console.log('servers', dns.getServers().map((s) => s.replace(port, 'PORT')));
  await q('resolve4', 'a.test');
  await q('resolve4', 'a.test', { ttl: true });
  await q('resolve6', 'a.test');
  await q('resolveMx', 'a.test');
  await q('resolveTxt', 'a.test');
  await q('resolveSrv', 'a.test');
  await q('resolveNs', 'a.test');
  await q('resolveSoa', 'a.test');
  await q('resolveCaa', 'a.test');
  await q('resolveNaptr', 'a.test');
  await q('resolveCname', 'www.a.test');
  await q('resolve', 'a.test', 'MX');
  await q('resolve4', 'missing.test');
  await q('resolve4', 'servfail.test');
  await q('resolveMx', 'www.a.test');
  await q('reverse', '10.0.0.1');
  await q('reverse', '10.9.9.9');
  await new Promise((resolve) => dns.resolveTxt('big.test', (err, r) => {
    console.log('big.test over TCP', err && err.code, r && r.length, r && r[0]);
    resolve();
  }));
  const resolver = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  resolver.setLocalAddress('127.0.0.1');
  console.log('promises', await resolver.resolve4('a.test'));
  try {
    dns.setServers(['not-an-ip']);
  } catch (e) {
    console.log(e.code, e.message);
  }
  try {
    dns.resolve('a.test', 'BOGUS', () => {});
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
