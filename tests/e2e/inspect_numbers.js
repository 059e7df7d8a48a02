const util = require('util');
console.log(util.inspect(0), util.inspect(-0), util.inspect(42), util.inspect(-3.5));
console.log(util.inspect(NaN), util.inspect(Infinity), util.inspect(-Infinity));
console.log(util.inspect(1e21), util.inspect(1.5e-7), util.inspect(Number.MAX_SAFE_INTEGER));
console.log(util.inspect([0, -0, 0.1 + 0.2]));
console.log({ zero: -0, big: 2 ** 64 });
