const util = require('util');
console.log(util.inspect({ [Symbol('a')]: 1, b: 2 }));
console.log(util.inspect({ [Symbol()]: 'anon', [Symbol.iterator]: 'iter' }));
const o = { visible: 1 };
Object.defineProperty(o, Symbol('hidden'), { value: 2, enumerable: false });
console.log(util.inspect(o));
console.log(util.inspect(o, { showHidden: true }));
console.log(util.inspect({ [Symbol('with\nnewline')]: 1 }));
