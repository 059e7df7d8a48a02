const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.throws(() => { throw new Error('abc'); }, 'abc'));
show(() => assert.throws(() => { throw 'abc'; }, 'abc'));
show(() => assert.throws(() => { throw new Error('abc'); }, 'abc', 'x'));
show(() => assert.throws(() => {}, 'abc', 'x'));
show(() => assert.throws(() => {}, 'abc', undefined));
show(() => assert.throws('notfn'));
show(() => assert.throws());
show(() => assert.throws(() => { throw new Error('abc'); }, 5));
show(() => assert.throws(() => { throw new Error('abc'); }, {}));
show(() => assert.doesNotThrow(() => { throw new Error('abc'); }));
show(() => assert.doesNotThrow(() => { throw new Error('abc'); }, 'msg'));
show(() => assert.doesNotThrow(() => { throw new Error('abc'); }, TypeError));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, TypeError));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, TypeError, 'mm'));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, /abc/));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, /xyz/));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, (e) => true));
show(() => assert.doesNotThrow(() => { throw new TypeError('abc'); }, (e) => false));
show(() => assert.doesNotThrow(() => { throw new Error('a'); }, 5));
show(() => assert.doesNotThrow(() => { throw 'str'; }));
show(() => assert.doesNotThrow(() => {}));
show(() => assert.doesNotThrow('x'));
assert.throws(() => { throw new TypeError('x'); }, { name: 'TypeError', message: 'x' });
assert.throws(() => { throw new TypeError('x'); }, TypeError);
assert.throws(() => { throw new TypeError('x'); }, /^TypeError: x$/);
assert.throws(() => { throw new TypeError('x'); }, (e) => e instanceof TypeError);
console.log('passing forms ok');
