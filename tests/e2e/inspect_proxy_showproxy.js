const util = require('util');
const p = new Proxy({ a: 1 }, { get() { return 1; } });
console.log(util.inspect(p, { showProxy: true }));
console.log(util.inspect(new Proxy([1, 2], {}), { showProxy: true }));
console.log(util.inspect({ p }, { showProxy: true, depth: 0 }));
console.log(util.inspect(new Proxy(new Proxy({}, {}), {}), { showProxy: true }));
const r = Proxy.revocable({}, {}); r.revoke();
console.log(util.inspect(r.proxy, { showProxy: true }));
