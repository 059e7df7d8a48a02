const util = require('util');
const k1 = { a: 1 };
const wm = new WeakMap([[k1, 'v']]);
const ws = new WeakSet([k1]);
console.log(util.inspect(wm));
console.log(util.inspect(ws));
console.log(util.inspect(wm, { showHidden: true }));
console.log(util.inspect(ws, { showHidden: true }));
console.log(util.inspect({ wm, ws }));
