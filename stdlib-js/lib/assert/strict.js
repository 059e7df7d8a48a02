// node:assert/strict - the same object as require('assert').strict: every assertion in its
// strict form (equal is strictEqual, deepEqual is deepStrictEqual, ...).
'use strict';

module.exports = require('assert').strict;
