const util = require('util');
console.log(util.format('%d', 42), util.format('%d', '42'), util.format('%d', 1.5), util.format('%d', -0));
console.log(util.format('%d', 12n), util.format('%d', {}), util.format('%d', null), util.format('%d', ''));
console.log(util.format('%i', 42.9), util.format('%i', '42.9abc'), util.format('%i', -0.5), util.format('%i', 7n), util.format('%i', 'abc'));
console.log(util.format('%f', '3.14abc'), util.format('%f', 'x'), util.format('%f', -0), util.format('%f', 2));
console.log(util.format('%d %i %f', Symbol('a'), Symbol('b'), Symbol('c')));
