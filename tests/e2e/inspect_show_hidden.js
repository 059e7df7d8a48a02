const util = require('util');
console.log(util.inspect([1, 2], { showHidden: true }));
const o = { visible: 1 }; Object.defineProperty(o, 'hidden', { value: 2 });
console.log(util.inspect(o, { showHidden: true }));
console.log(util.inspect(function f(a, b) { 'use strict'; }, { showHidden: true }));
class P { constructor() { this.own = 1; } get computed() { return 2; } }
P.prototype.data = 3;
console.log(util.inspect(new P(), { showHidden: true }));
console.log(util.inspect(new Map([[1, 2]]), { showHidden: true }));
