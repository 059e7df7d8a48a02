// Cycles return the partial exports; touching a missing property of them warns once per name.
const a = require('./modules/cycle/a');
console.log(a);
console.log(require('./modules/cycle/b'));
const c = require('./modules/cycle/c');
console.log(c, Object.getPrototypeOf(c) === Object.prototype);
const e = require('./modules/cycle/e');
console.log(e);
