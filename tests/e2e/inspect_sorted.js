const util = require('util');
const obj = { c: 3, a: 1, b: 2, [Symbol('z')]: 0, nested: { y: 1, x: 2 } };
console.log(util.inspect(obj, { sorted: true }));
console.log(util.inspect(obj, { sorted: (a, b) => (a < b ? 1 : a > b ? -1 : 0) }));
const arr = [3, 1, 2]; arr.z = 1; arr.a = 2;
console.log(util.inspect(arr, { sorted: true }));
console.log(util.inspect(new Set(['c', 'a', 'b']), { sorted: true }));
console.log(util.inspect(new Map([['c', 1], ['a', 2]]), { sorted: true }));
