const util = require('util');
console.log(util.format('a', 'b', 'c'));
console.log(util.format('%s', 'a', 'b', { c: 1 }, [2]));
console.log(util.format('%s %s', 'only'));
console.log(util.format('x', 'y\nz', { m: 'l\nm' }));
console.log(util.format('%d', 1, 2, 3n));
