const util = require('util');
console.log(util.inspect(Symbol('desc')));
console.log(util.inspect(Symbol()));
console.log(util.inspect(Symbol.iterator));
console.log(util.inspect(Symbol.for('registered')));
console.log(util.inspect([Symbol('a'), Symbol('b')]));
console.log(util.inspect({ s: Symbol('value') }));
