const util = require('util');
console.log(util.inspect(1n), util.inspect(-42n), util.inspect(0n));
console.log(util.inspect(123456789012345678901234567890n));
console.log(util.inspect([1n, 22n, 333n]));
console.log(util.inspect({ big: 10n ** 20n }));
console.log(util.inspect(Object(7n)));
