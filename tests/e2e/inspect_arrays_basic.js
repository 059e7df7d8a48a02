const util = require('util');
console.log(util.inspect([]));
console.log(util.inspect([1, 2, 3]));
console.log(util.inspect(['a', 'b']));
console.log(util.inspect([[1, 2], [3, [4, [5, [6]]]]]));
console.log(util.inspect([{ a: 1 }, { b: [2] }]));
console.log(util.inspect([1, 'two', null, undefined, {}, []]));
