const assert = require('assert');
console.log('before');
assert(typeof 'x' === 'number');
console.log('not reached');
