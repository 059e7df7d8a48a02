const util = require('util');
const e = new Error('fmt err'); e.stack = 'Error: fmt err\n    at f (a.js:1:1)';
console.log(util.format('%s', e));
console.log(util.format('%O', e));
console.log(util.format('pre', e));
console.log(util.format('%j', e));
const e2 = new Error('msg only'); e2.stack = undefined;
console.log(util.format(e2));
