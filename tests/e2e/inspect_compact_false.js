const util = require('util');
const obj = { a: 1, b: [1, 2], c: { d: { e: 'f' } }, g: new Map([[1, 2]]) };
console.log(util.inspect(obj, { compact: false }));
console.log(util.inspect([], { compact: false }), util.inspect({}, { compact: false }));
console.log(util.inspect('long string '.repeat(10), { compact: false }));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { compact: false }));
