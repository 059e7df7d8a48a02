const util = require('util');
const target = { a: 1, b: [2] };
const handler = { get() { return 'trapped'; } };
console.log(util.inspect(new Proxy(target, handler)));
console.log(util.inspect(new Proxy([1, 2], {})));
console.log(util.inspect(new Proxy(function fn() {}, {})));
console.log(util.inspect({ nested: new Proxy({ x: 1 }, {}) }));
const r = Proxy.revocable({}, {}); r.revoke();
console.log(util.inspect(r.proxy));
