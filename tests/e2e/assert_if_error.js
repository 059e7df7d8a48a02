const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
show(() => assert.ifError(null));
show(() => assert.ifError(undefined));
show(() => assert.ifError(new Error('bad')));
show(() => assert.ifError(new TypeError('')));
show(() => assert.ifError('str'));
show(() => assert.ifError(0));
show(() => assert.ifError(false));
show(() => assert.ifError({ message: 'x' }));
show(() => assert.ifError({ a: 1 }));
function inner() { return new Error('origin'); }
const orig = inner();
try { assert.ifError(orig); } catch (e) {
  console.log(e.actual === orig, e.expected, e.stack.split('\n').filter((l) => l.includes('inner')).length);
  console.log(e.stack.split('\n')[0]);
}
const noStack = new Error('no stack'); noStack.stack = undefined;
try { assert.ifError(noStack); } catch (e) { console.log(e.stack.split('\n')[0]); }
