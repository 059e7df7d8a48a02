const util = require('util');
console.log(util.format(1, 2, 3));
console.log(util.format({ a: 1 }, 'str', [1]));
console.log(util.format(null));
console.log(util.format(undefined, 'x'));
console.log(util.format());
console.log(util.format(Symbol('first'), '%s', 'x'));
console.log(util.format(['%s'], 'y'));
