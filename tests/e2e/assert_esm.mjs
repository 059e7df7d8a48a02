import assert, { strictEqual, deepStrictEqual, AssertionError } from 'node:assert';
import strict from 'node:assert/strict';
import { equal } from 'assert/strict';

console.log(typeof assert, strict === assert.strict, equal === strictEqual);
try {
  deepStrictEqual({ a: [1, 2] }, { a: [1, 3] });
} catch (e) {
  console.log(e instanceof AssertionError, e.message);
}
try {
  assert(0 > 1);
} catch (e) {
  console.log(e.message);
}
strict.equal(2, 2);
console.log('ok');
