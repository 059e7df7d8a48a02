const util = require('util');
const obj = { alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd' };
for (const breakLength of [20, 40, 60, 80, 120, Infinity]) console.log(breakLength, util.inspect(obj, { breakLength }));
console.log(util.inspect({ a: [1, 2, 3], b: { c: { d: 'eeeeeeeeeeeeeeeeeeeeeeeeeeee' } } }, { breakLength: 30 }));
