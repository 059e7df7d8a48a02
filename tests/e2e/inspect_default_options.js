const util = require('util');
console.log(util.inspect.defaultOptions);
util.inspect.defaultOptions.depth = 0;
console.log(util.inspect({ a: { b: 1 } }));
util.inspect.defaultOptions = { depth: 2, breakLength: 20 };
console.log(util.inspect({ alpha: 1, beta: 2, gamma: 3 }));
for (const bad of [null, 1, 'x']) {
  try { util.inspect.defaultOptions = bad; } catch (e) { console.log(e.name, e.code, e.message); }
}
