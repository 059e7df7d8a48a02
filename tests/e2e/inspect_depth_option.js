const util = require('util');
const obj = { l1: { l2: { l3: { l4: { l5: [1, 2] } } } } };
for (const depth of [0, 1, 3, 10, Infinity, null, -1]) console.log(depth, util.inspect(obj, { depth }));
console.log(util.inspect([{ a: { b: 1 } }], { depth: 0 }));
console.log(util.inspect(new Map([[{ k: { x: 1 } }, [1]]]), { depth: 0 }));
