const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual(1, '1'));
show(() => assert.strictEqual(NaN, NaN));
show(() => assert.strictEqual(NaN, 0));
show(() => assert.strictEqual(0, -0));
show(() => assert.strictEqual('a\nb', 'a\nc'));
show(() => assert.strictEqual('hello world foo', 'hello world bar'));
show(() => assert.strictEqual('a'.repeat(10), 'a'.repeat(9) + 'b'));
show(() => assert.strictEqual('a'.repeat(50), 'a'.repeat(49) + 'b'));
show(() => assert.strictEqual({}, {}));
show(() => assert.strictEqual([1, 2], [1, 2]));
show(() => assert.strictEqual({ a: 1 }, { a: 2 }));
show(() => assert.strictEqual(function () {}, function () {}));
show(() => assert.strictEqual(Symbol('abcdefghijk'), Symbol('abcdefghijk')));
show(() => assert.strictEqual(1n, 2n));
show(() => assert.strictEqual(null, undefined));
show(() => assert.strictEqual(1, 2, 'custom'));
show(() => assert.strictEqual(1, 2, ''));
show(() => assert.strictEqual({ a: 1 }, { a: 2 }, 'custom'));
show(() => assert.strictEqual('hello world foo', 'hello world bar', 'custom'));
show(() => assert.strictEqual(1, 2, { toString() { return 'obj msg'; } }));
show(() => assert.strictEqual(1, 2, new RangeError('thrown as is')));
try { assert.strictEqual(3, 4); } catch (e) {
  console.log(e.stack.split('\n')[0]);
  console.log(e.actual, e.expected, Object.keys(e));
}
