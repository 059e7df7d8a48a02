const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, 'my msg'));
show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(() => {}, TypeError, 'my msg'));
show(() => assert.throws(() => {}, /abc/));
show(() => assert.throws(() => {}, { message: 'x' }));
show(() => assert.throws(() => {}, function f() {}));
show(() => assert.throws(() => {}, ''));
show(() => assert.throws(() => { throw new Error('x'); }, TypeError));
show(() => assert.throws(() => { throw new Error('x'); }, RangeError, 'mm'));
show(() => assert.throws(() => { throw new Error('abc'); }, /xyz/));
show(() => assert.throws(() => { throw new Error('abc'); }, /xyz/, 'custom'));
show(() => assert.throws(() => { throw new Error('abc'); }, { message: 'x', name: 'Error' }));
show(() => assert.throws(() => { throw new Error('abc'); }, { message: /x/ }));
show(() => assert.throws(() => { throw new Error('abc'); }, { code: 'E' }));
show(() => assert.throws(() => { throw new Error('abc'); }, { message: 'x' }, 'custom'));
show(() => assert.throws(() => { throw new Error('abc'); }, (e) => false));
show(() => assert.throws(() => { throw new Error('abc'); }, function validate(e) { return 1; }));
show(() => assert.throws(() => { throw new Error('abc'); }, (e) => undefined, 'mmm'));
show(() => assert.throws(() => { throw 'str'; }, TypeError));
show(() => assert.throws(() => { throw null; }, { a: 1 }));
show(() => assert.throws(() => { throw new TypeError('abc'); }, Error));
show(() => assert.throws(() => { throw new TypeError('abc'); }, { name: 'TypeError', message: 'abc' }));
show(() => assert.throws(() => { throw new TypeError('abc'); }, { name: 'TypeError', message: /^ab/ }));
show(() => assert.throws(() => { throw new TypeError('x'); }, RangeError));
const Fake = class TypeError extends Error {};
show(() => assert.throws(() => { throw new TypeError('x'); }, Fake));
show(() => assert.throws(() => { throw new Error(''); }, TypeError));
show(() => assert.throws(() => { throw new Error('abc'); }, new Error('abc')));
show(() => assert.throws(() => { throw new TypeError('abc'); }, new Error('abc')));
show(() => assert.throws(() => { throw { a: 'xyz', b: 1 }; }, { a: /y/, b: 2 }));
show(() => assert.throws(() => { throw { a: 'xyz' }; }, { a: /q/, c: 2 }));
show(() => assert.throws(() => { throw { a: { deep: [1, 2] } }; }, { a: { deep: [1, 3] } }));
show(() => assert.throws(() => { throw new Error('abc'); }, { message: 'x' }, new RangeError('as is')));
try {
  assert.throws(() => { throw new Error('abc'); }, { message: 'x' });
} catch (e) {
  console.log(e.actual instanceof Error, e.expected, e.operator);
}
