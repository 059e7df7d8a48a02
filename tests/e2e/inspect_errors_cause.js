const util = require('util');
function fake(err, stack) { err.stack = stack; return err; }
const inner = fake(new Error('inner'), 'Error: inner\n    at a (f.js:1:1)');
console.log(util.inspect(fake(new Error('outer', { cause: inner }), 'Error: outer\n    at b (f.js:2:2)')));
console.log(util.inspect(fake(new Error('prim cause', { cause: 'just a string' }), 'Error: prim cause\n    at b (f.js:2:2)')));
console.log(util.inspect(fake(new Error('undef cause', { cause: undefined }), 'Error: undef cause\n    at b (f.js:2:2)')));
console.log(util.inspect(fake(new Error('obj cause', { cause: { code: 1, nested: { deep: true } } }), 'Error: obj cause\n    at b (f.js:2:2)')));
const frames = '\n    at f1 (a.js:1:1)\n    at f2 (a.js:2:1)\n    at f3 (a.js:3:1)\n    at f4 (a.js:4:1)\n    at f5 (a.js:5:1)';
const c = fake(new Error('cause'), 'Error: cause\n    at c0 (a.js:0:1)' + frames);
console.log(util.inspect(fake(new Error('shared frames', { cause: c }), 'Error: shared frames\n    at o0 (a.js:9:1)' + frames)));
