const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
show(() => assert.deepStrictEqual(new Error('a'), new TypeError('a')));
show(() => assert.deepEqual(new Error('a'), new Error('a', { cause: 1 })));
show(() => assert.strictEqual(new Error('a'), new Error('a')));
const e = new Error('q');
show(() => assert.notStrictEqual(e, e));
show(() => assert.notDeepStrictEqual(new Error('x'), new Error('x')));
show(() => assert.deepStrictEqual(Object.assign(new Error('a'), { x: 1 }), new Error('b')));
show(() => assert.deepStrictEqual(new Error('a', { cause: 1 }), new Error('a', { cause: 2 })));
const custom = new Error('a'); custom.stack = 'Foo\n    at bar';
show(() => assert.deepStrictEqual(custom, new Error('b')));
show(() => assert.deepStrictEqual(new AggregateError([1], 'a'), new AggregateError([2], 'a')));
const named = new Error('x'); named.name = 'Custom';
show(() => assert.deepStrictEqual(named, new Error('x')));
console.log(typeof e.stack, e.stack.split('\n')[0]);
const withCause = new Error('c', { cause: 'why' });
show(() => assert.deepStrictEqual(withCause, new Error('d')));
console.log(withCause.cause, Object.getOwnPropertyDescriptor(withCause, 'cause').enumerable);
