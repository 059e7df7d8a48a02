const util = require('util');
console.log(util.inspect(new Set()));
console.log(util.inspect(new Set([1, 'two', [3], { four: 4 }])));
const s = new Set([1]); s.prop = 'x';
console.log(util.inspect(s));
console.log(util.inspect(new Set(Array.from({ length: 30 }, (_, i) => i))));
console.log(util.inspect(new Set([new Set([new Set([new Set([1])])])])));
