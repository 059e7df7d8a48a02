'use strict';
const test = require('node:test');
test('cjs file', () => {});
test.todo('later');
