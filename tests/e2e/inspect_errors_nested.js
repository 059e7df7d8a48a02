const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
const e = fake(new Error('nested'), 'Error: nested\n    at q (a.js:1:1)\n    at r (a.js:2:2)');
console.log(util.inspect({ e }));
console.log(util.inspect([e]));
console.log(util.inspect({ a: { b: { e } } }));
console.log(util.inspect(new Map([['err', e]])));
console.log(util.inspect([[e]], { depth: 0 }));
const withProps = fake(new Error('p'), 'Error: p\n    at q (a.js:1:1)'); withProps.code = 'X';
console.log(util.inspect({ list: [withProps] }));
