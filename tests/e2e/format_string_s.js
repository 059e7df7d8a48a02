const util = require('util');
class WithToString { toString() { return 'custom toString'; } }
class Plain { constructor() { this.x = 1; } }
console.log(util.format('%s', 'str'), util.format('%s', 42), util.format('%s', -0), util.format('%s', 12n));
console.log(util.format('%s', Symbol('sym')), util.format('%s', null), util.format('%s', undefined));
console.log(util.format('%s', { a: { b: { c: 1 } } }));
console.log(util.format('%s', [1, [2, [3]]]));
console.log(util.format('%s', new WithToString()));
console.log(util.format('%s', new Plain()));
console.log(util.format('%s', new Date(0)));
console.log(util.format('%s', function foo() { return 1; }));
console.log(util.format('%s', { toString() { return 'own'; } }));
console.log(util.format('%s', Object.create(null)));
console.log(util.format('%s', new Map([[1, 2]])));
