// util.inspect of a large nested object, 200 times.
const util = require('util');
const big = {};
for (let i = 0; i < 500; i++) big[`key${i}`] = { id: i, name: `n${i}`, tags: ['a', 'b', i], nested: { ok: i % 2 === 0 } };
let n = 0;
for (let i = 0; i < 200; i++) n += util.inspect(big, { depth: 3 }).length;
if (n === 0) throw new Error('unreachable');
