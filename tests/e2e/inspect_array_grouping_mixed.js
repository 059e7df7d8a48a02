const util = require('util');
console.log(util.inspect([1, 'two', 3, 'four', 5, 'six', 7, 'eight', 9]));
console.log(util.inspect([true, false, true, null, undefined, 1, 2, 3]));
console.log(util.inspect([1, 2, 3, 4, 5, 6, 'a very long string entry that dominates all the others']));
console.log(util.inspect({ nested: { data: Array.from({ length: 25 }, (_, i) => i * 7) } }));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => ({ i }))));
console.log(util.inspect(Array.from({ length: 16 }, (_, i) => [i])));
