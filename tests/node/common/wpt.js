'use strict';
// A small stand-in for the Web Platform Tests harness that a few test/parallel files use
// directly (`require('../common/wpt').harness`): each `test()` runs at once and rethrows the
// first failure; the assert_* functions map onto node:assert. Running whole WPT suites
// (Node's WPTRunner, which needs worker threads) is not offered.

const assert = require('assert');

const harness = {
  test(fn, description) {
    try {
      fn();
    } catch (err) {
      console.error(`In ${description}:`);
      throw err;
    }
  },
  assert_equals: assert.strictEqual,
  assert_not_equals: assert.notStrictEqual,
  assert_true(value, message) { assert.strictEqual(value, true, message); },
  assert_false(value, message) { assert.strictEqual(value, false, message); },
  assert_array_equals: assert.deepStrictEqual,
  assert_throws(expected, fn, description) {
    // WPT passes an instance of the expected error class (or an object with its name).
    assert.throws(fn, (err) => typeof err === 'object' && err !== null && 'name' in err &&
      err.name.startsWith(expected.name), description);
  },
  assert_unreached(description) {
    assert.fail(`Reached unreachable code: ${description}`);
  },
};

module.exports = { harness };
