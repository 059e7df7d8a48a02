const assert = require('node:assert');
process.on('exit', (code) => console.log('exit', code));
assert.deepStrictEqual({ a: 1, nested: { b: [1, 2] } }, { a: 2, nested: { b: [1, 2] } });
