const util = require('util');
const opts = { numericSeparator: true };
console.log(util.inspect(1234567, opts), util.inspect(-1234567.891, opts), util.inspect(123, opts));
console.log(util.inspect(0.0001234, opts), util.inspect(1e21, opts), util.inspect(NaN, opts));
console.log(util.inspect(123456789012345678901234567890n, opts), util.inspect(-1000n, opts));
console.log(util.inspect([1000, 10000, 100000], opts));
console.log(util.inspect(new Uint32Array([1000000, 2]), opts));
