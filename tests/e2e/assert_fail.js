const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.fail(''));
show(() => assert.fail(new TypeError('te')));
show(() => assert.fail(1, 2));
show(() => assert.fail(1, 2, undefined, '>'));
show(() => assert.fail(1, 2, 'msg'));
show(() => assert.fail(1, 2, 'msg', '>'));
show(() => assert.fail(1, 2, undefined, undefined, function f() {}));
show(() => assert.fail({ a: 1 }, [1], undefined, 'op'));
try { assert.fail('x'); } catch (e) { console.log(e.actual, e.expected, Object.keys(e)); }
