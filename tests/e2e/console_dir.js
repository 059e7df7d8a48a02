const util = require('util');
console.dir({ a: { b: { c: { d: { e: 1 } } } } });
console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
console.dir({ [util.inspect.custom]() { return 'custom!'; }, x: 1 });
console.log({ [util.inspect.custom]() { return 'custom!'; }, x: 1 });
console.dir('a string');
console.dir([1, 2, 3], { colors: false });
console.dir(new Map([[1, { a: 1 }]]), { showHidden: false });
