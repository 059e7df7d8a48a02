const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
const strict = require('assert/strict');
const nodeStrict = require('node:assert/strict');
console.log(strict === assert.strict, nodeStrict === strict, strict.strict === strict);
console.log(strict.equal === assert.strictEqual, strict.deepEqual === assert.deepStrictEqual,
  strict.notEqual === assert.notStrictEqual, strict.notDeepEqual === assert.notDeepStrictEqual);
console.log(strict.ok === assert.ok, assert.ok === assert, strict.AssertionError === assert.AssertionError);
console.log(Object.keys(assert));
console.log(Object.keys(strict).length, typeof strict, strict.name, assert.name);
console.log(require('assert') === require('node:assert'));
show(() => strict.equal(1, '1'));
show(() => strict.deepEqual({ a: [1] }, { a: ['1'] }));
show(() => strict(0));
show(() => strict());
show(() => strict.notEqual(1, 1));
show(() => strict.notDeepEqual([1], [1]));
show(() => strict.strict.ok(''));
show(() => assert.strictEqual(1));
show(() => assert.strictEqual());
show(() => assert.deepEqual(1));
show(() => assert.notDeepStrictEqual(1));
show(() => assert.equal());
show(() => assert.notEqual(1));
