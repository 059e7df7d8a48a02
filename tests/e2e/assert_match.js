const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.match('abc', /x/));
show(() => assert.match('abc', /x/, 'mm'));
show(() => assert.match('abc', /x/, ''));
show(() => assert.match(123, /x/));
show(() => assert.match({ a: 1 }, /x/));
show(() => assert.match('abc', 'x'));
show(() => assert.match());
show(() => assert.match('abc', /b/));
show(() => assert.match('abc', /x/, new TypeError('own')));
show(() => assert.doesNotMatch('abc', /b/));
show(() => assert.doesNotMatch('abc', /b/, 'mm'));
show(() => assert.doesNotMatch(123, /b/));
show(() => assert.doesNotMatch('abc', /x/));
show(() => assert.doesNotMatch('a'.repeat(100) + '\n' + 'b', /b/g));
try { assert.match('abc', /x/); } catch (e) { console.log(e.actual, e.expected); }
