const util = require('util');
const obj = { a: 1, b: [1, 2], c: { d: { e: 'f' } }, g: new Set([1]) };
console.log(util.inspect(obj, { compact: true }));
const wide = { alpha: 'a'.repeat(30), beta: 'b'.repeat(30), gamma: { delta: 'd'.repeat(40) } };
console.log(util.inspect(wide, { compact: true }));
console.log(util.inspect(new Set(['x'.repeat(40), 'y'.repeat(40)]), { compact: true }));
console.log(util.inspect('line\n'.repeat(20), { compact: true }));
const c = { z: 1 }; c.c = c;
console.log(util.inspect(c, { compact: true }));
