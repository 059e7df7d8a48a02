const util = require('util');
console.log(util.inspect(Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * j))));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * 10 + j))));
console.log(util.inspect(Array.from({ length: 3 }, (_, i) => ['r' + i, i, i * 1.5])));
