const util = require('util');
console.log(JSON.stringify(util.formatWithOptions({ colors: true }, 'n=%d', 5, { a: 1 })));
console.log(util.formatWithOptions({ depth: 0 }, '%O', { a: { b: 1 } }));
console.log(util.formatWithOptions({ compact: false }, { a: 1 }));
console.log(util.formatWithOptions({ breakLength: 10 }, 'x', { alpha: 1, beta: 2 }));
console.log(util.formatWithOptions({}, '%o', [1]));
for (const bad of [null, 1, 'str']) {
  try { util.formatWithOptions(bad, 'x'); } catch (e) { console.log(e.name, e.code, e.message); }
}
