const assert = require('assert/strict');
assert.fail('boom');
