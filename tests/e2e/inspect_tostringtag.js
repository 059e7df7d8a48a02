const util = require('util');
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
console.log(util.inspect(new Tagged()));
const t = new Tagged(); t.x = 1;
console.log(util.inspect(t));
console.log(util.inspect({ [Symbol.toStringTag]: 'Own', a: 1 }));
const o = { a: 1 }; Object.defineProperty(o, Symbol.toStringTag, { value: 'Hidden' });
console.log(util.inspect(o));
class Same { get [Symbol.toStringTag]() { return 'Same'; } }
console.log(util.inspect(new Same()));
console.log(util.inspect(Math), util.inspect(JSON));
