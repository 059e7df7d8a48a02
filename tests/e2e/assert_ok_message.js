const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert(false));
show(() => assert.ok(0));
show(() => { const x = assert.ok(null && 1, undefined); });
show(() => assert.strict.ok(''));
show(() => assert(
  false,
));
show(() => {
  assert.ok(typeof 123 === 'string' &&
            "a\tb" === 1);
});
show(() => assert());
show(() => assert.ok());
show(() => assert(false, new TypeError('mine')));
show(() => eval('assert(false)'));
show(() => new Function('assert', 'assert(false)')(assert));
show(() => (0, assert)(false));
show(() => assert.strict.ok(''));
const o = { a: assert };
show(() => o['a'](null));
show(() => o.a.ok(null, undefined));
show(() => [assert][0](0));
show(() => assert.ok(`x${'(' + ')'}` === "y)", /* ) */ undefined));
show(() => { return assert(0); });
show(() => assert (
    0 ));
