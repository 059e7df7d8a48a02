'use strict';
// Any .js file under a test/ directory is a test file.
const test = require('node:test');
console.log('loaded helper');
test('helper runs', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
});
