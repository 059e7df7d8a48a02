const util = require('util');
const obj = { a: { b: { c: { d: 1 } } } };
console.log(util.inspect(obj, true));
console.log(util.inspect(obj, false, 0));
console.log(util.inspect(obj, false, null));
console.log(JSON.stringify(util.inspect([1], false, 1, true)));
console.log(util.inspect(obj, false, undefined, false));
console.log(util.inspect([1, 2], { showHidden: false }, 0));
