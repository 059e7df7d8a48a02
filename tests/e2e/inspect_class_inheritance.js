const util = require('util');
class A { constructor() { this.a = 1; } }
class B extends A { constructor() { super(); this.b = 2; } }
console.log(util.inspect(new B()));
class MyArray extends Array {}
console.log(util.inspect(MyArray.from([1, 2, 3])));
console.log(util.inspect(new MyArray()));
class MyMap extends Map {}
console.log(util.inspect(new MyMap([['k', 'v']])));
class MySet extends Set {}
console.log(util.inspect(new MySet([1, 2])));
class MyPromise extends Promise {}
console.log(util.inspect(MyPromise.resolve(1)));
function F() {} F.prototype = Object.create(null);
console.log(util.inspect(new F()));
