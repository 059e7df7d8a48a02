const util = require('util');
const obj = { l1: { l2: { l3: { l4: 'x' } }, other: [1, 2, 3] }, top: true };
for (const compact of [0, 1, 2, 3, 4, 6]) console.log(compact, util.inspect(obj, { compact }));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => i), { compact: 1 }));
