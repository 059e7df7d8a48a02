const util = require('util');
console.log(util.inspect([1, 2, 3, 4, 5, 6, 7]));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => i)));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => i ** 3)));
console.log(util.inspect([-1, 20, -300, 4000, -50000, 6, 70, 800, 9000]));
console.log(util.inspect(Array.from({ length: 12 }, (_, i) => i * 1.25)));
console.log(util.inspect([1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n]));
