const util = require('util');
console.log(util.inspect(null), util.inspect(undefined), util.inspect(true), util.inspect(false));
console.log(util.inspect([null, undefined, true, false]));
console.log(util.inspect({ a: undefined, b: null, c: true }));
console.log(util.inspect());
