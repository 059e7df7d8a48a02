'use strict';
// The way Node's own test suite uses assert.
const assert = require('assert');
const util = require('util');

assert.strictEqual(1, 1);
assert.throws(() => { throw new TypeError('x'); }, { name: 'TypeError', message: 'x' });
assert.throws(() => { require('path').join(5); }, {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
});
assert.throws(() => Buffer.alloc(-1), { code: 'ERR_OUT_OF_RANGE', message: /must be >= 0/ });
assert.deepStrictEqual(Buffer.from('ab'), Buffer.from([0x61, 0x62]));
assert.deepStrictEqual(new Map([[{ k: 1 }, new Set([1, 2])]]), new Map([[{ k: 1 }, new Set([2, 1])]]));
assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.deepEqual({ a: 1 }, { a: '1' });
assert.ok(true);
assert(1);
assert.match('hello world', /wor/);
assert.doesNotMatch('hello', /xyz/);
assert.ifError(null);
assert.doesNotThrow(() => {});
assert.strictEqual(util.isDeepStrictEqual([1, { a: [2] }], [1, { a: [2] }]), true);
assert.strictEqual(util.isDeepStrictEqual([0], [-0]), false);

(async () => {
  await assert.rejects(async () => { throw new RangeError('r'); }, RangeError);
  await assert.doesNotReject(Promise.resolve());
  console.log('all passed');
})();
