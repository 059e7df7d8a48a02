const util = require('util');
console.log(util.format('%s %d %i %f %j %o %O %c %%', 'str', 42, 42.9, '3.5', { j: 1 }, [1], { O: 1 }, 'css'));
console.log(util.format('%s:%s', 'a', 'b'));
console.log(util.format('%x %y', 1, 2));
console.log(util.format('100%'));
console.log(util.format('%', 1));
console.log(util.format('%s'));
console.log(util.format('trailing %', 'x'));
