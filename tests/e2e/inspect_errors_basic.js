const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
console.log(util.inspect(fake(new Error('boom'), 'Error: boom\n    at foo (file.js:1:1)\n    at bar (file.js:2:2)')));
console.log(util.inspect(fake(new TypeError('bad type'), 'TypeError: bad type\n    at x (y.js:1:1)')));
console.log(util.inspect(fake(new Error('no frames'), 'Error: no frames')));
console.log(util.inspect(fake(new Error('undefined stack'), undefined)));
console.log(util.inspect(fake(new RangeError(''), '')));
console.log(util.inspect(fake(new Error('x'), 'completely custom stack text')));
console.log(util.inspect(Object.create(Error.prototype)));
