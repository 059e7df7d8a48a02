const util = require('util');
const custom = { [util.inspect.custom]() { return 'CUSTOM!'; } };
console.log(util.inspect(custom));
console.log(util.inspect({ nested: custom }));
console.log(util.inspect({ [util.inspect.custom]() { return { replaced: [1, 2] }; } }));
console.log(util.inspect({ x: { [util.inspect.custom]() { return 'line1\nline2'; } } }));
class Money { constructor(v) { this.v = v; } [util.inspect.custom]() { return `Money<${this.v}>`; } }
console.log(util.inspect([new Money(5), new Money(10)]));
console.log(util.inspect(custom, { customInspect: false }));
console.log(util.inspect(Money.prototype));
console.log(util.inspect({ [util.inspect.custom]: 'not a function', a: 1 }));
