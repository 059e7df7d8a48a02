const util = require('util');
console.log(util.inspect({}));
console.log(util.inspect({ a: 1, b: 'two', c: [3], d: { e: 4 } }));
console.log(util.inspect({ fn: function () {}, arrow: () => {}, method() {} }));
console.log(util.inspect(Object.freeze({ frozen: true })));
console.log(util.inspect(Object.create({ inherited: 1 })));
console.log(util.inspect({ constructor: 'not a function', x: 1 }));
