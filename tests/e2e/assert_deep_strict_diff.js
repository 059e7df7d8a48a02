const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepStrictEqual({ b: 1, a: 2 }, { a: 3, b: 1 }));
show(() => assert.deepStrictEqual([1, 2], [1, 2, 3]));
show(() => assert.deepStrictEqual([1, 2, 3], [1, 2]));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual(1, 2));
show(() => assert.deepStrictEqual('a'.repeat(20), 'b'.repeat(20)));
show(() => assert.deepStrictEqual([], {}));
show(() => assert.deepStrictEqual(new Date(0), new Date(1)));
show(() => assert.deepStrictEqual(/a/g, /a/i));
show(() => assert.deepStrictEqual(Object.create(null), {}));
show(() => assert.deepStrictEqual([1, [2, [3, 4]]], [1, [2, [3, 5]]]));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]));
show(() => assert.deepStrictEqual({ a: Symbol() }, { a: Symbol() }));
show(() => assert.deepStrictEqual({ a: Symbol() }, { a: Symbol() }, 'custom'));
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
show(() => assert.deepStrictEqual(1, 2, ''));
show(() => assert.deepStrictEqual({ a: { b: { c: { d: 1 } } } }, [1, [2, [3]]]));
const big = Array.from({ length: 80 }, (_, i) => i);
show(() => assert.deepStrictEqual(big, big.map((v) => (v % 10 === 3 ? -v : v))));
show(() => assert.deepStrictEqual(big, [...big, 1]));
show(() => assert.deepStrictEqual(Object.fromEntries(big.map((v) => [`k${v}`, v])), {}));
const same = Array.from({ length: 60 }, (_, i) => ({ i }));
show(() => assert.deepStrictEqual(same, same.map((o) => ({ ...o }))) );
show(() => assert.deepStrictEqual([{ same: Symbol() }].concat(big), [{ same: Symbol() }].concat(big)));
show(() => assert.deepStrictEqual({ a: [1, 2, 3, 4, 5, 6, 7], b: 1 }, { a: [1, 2, 3, 4, 5, 6, 7], b: 2 }));
show(() => assert.deepStrictEqual({ x: 1, a: [1, 2, 3, 4, 5, 6, 7] }, { x: 2, a: [1, 2, 3, 4, 5, 6, 7] }));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 'x', 5, 6, 7, 8, 'y'], [1, 2, 3, 4, 'z', 5, 6, 7, 8, 'w']));
