const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
const e = fake(new Error('with props'), 'Error: with props\n    at f (a.js:1:1)');
e.code = 'E_CODE'; e.details = { id: 7, tags: ['a'] };
console.log(util.inspect(e));
const e2 = fake(new Error('msg'), 'Error: msg\n    at f (a.js:1:1)');
Object.defineProperty(e2, 'message', { value: 'msg', enumerable: true });
console.log(util.inspect(e2));
const e3 = fake(new Error('nostack'), undefined); e3.code = 42;
console.log(util.inspect(e3));
const e4 = fake(new Error('hidden'), 'Error: hidden\n    at f (a.js:1:1)');
console.log(util.inspect(e4, { showHidden: true }));
