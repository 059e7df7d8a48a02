const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
const agg = new AggregateError([fake(new Error('first'), 'Error: first\n    at x (a.js:1:1)'), 'second'], 'many');
fake(agg, 'AggregateError: many\n    at y (a.js:2:2)');
console.log(util.inspect(agg));
const empty = fake(new AggregateError([], 'none'), 'AggregateError: none\n    at y (a.js:2:2)');
console.log(util.inspect(empty));
const custom = fake(new Error('has errors'), 'Error: has errors\n    at z (a.js:3:3)');
custom.errors = [1, 2];
console.log(util.inspect(custom));
