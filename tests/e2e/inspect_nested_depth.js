const util = require('util');
const obj = { l1: { l2: { l3: { l4: { l5: 1 } } } } };
console.log(util.inspect(obj));
console.log(util.inspect([[[[[1]]]]]));
console.log(util.inspect({ a: [{ b: { c: new Map([[1, { d: 1 }]]) } }] }));
console.log(util.inspect({ a: { b: { c: new Set([1]), d: new Map(), e: [], f: {} } } }));
console.log(util.inspect({ a: { b: { c: { fn() {}, re: /x/, date: new Date(0) } } } }));
