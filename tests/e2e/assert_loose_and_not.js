const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.equal(1, 2));
show(() => assert.equal(1, '1'));
show(() => assert.equal(NaN, NaN));
show(() => assert.equal(null, undefined));
show(() => assert.notEqual(1, 1));
show(() => assert.notEqual(1, '1'));
show(() => assert.notEqual(NaN, NaN));
show(() => assert.equal('a'.repeat(600), 2));
show(() => assert.equal(1, 2, 'custom'));
show(() => assert.equal(1, 2, ''));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepEqual({ a: 1 }, { a: '1' }));
show(() => assert.deepEqual(1, 2, 'custom'));
show(() => assert.notDeepEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepEqual([1], ['1']));
show(() => assert.notDeepEqual('x'.repeat(1100), 'x'.repeat(1100)));
show(() => assert.deepEqual('x'.repeat(600), 'y'));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.notStrictEqual('abcdef', 'abcdef'));
show(() => assert.notStrictEqual('abcde', 'abcde'));
show(() => assert.notStrictEqual({}, {}));
const o = { a: 1 };
show(() => assert.notStrictEqual(o, o));
show(() => assert.notStrictEqual(1, 1, 'custom'));
show(() => assert.notStrictEqual(1, 1, ''));
show(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepStrictEqual([1, 2, 3], [1, 2, 3]));
show(() => assert.notDeepStrictEqual(1, 1, 'custom'));
const big = Array.from({ length: 70 }, (_, i) => i);
show(() => assert.notDeepStrictEqual(big, [...big]));
show(() => assert.notDeepEqual(0, -0));
show(() => assert.notDeepStrictEqual(0, -0));
