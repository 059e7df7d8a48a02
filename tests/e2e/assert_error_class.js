const util = require('util');
const assert = require('assert');
function show(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator);
  }
}
const { AssertionError } = assert;
const e = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(e.name, e.code, e.generatedMessage, Object.keys(e), e.toString());
console.log(Object.getOwnPropertyNames(e));
console.log(e.stack.split('\n')[0]);
console.log(e instanceof Error, e instanceof AssertionError, AssertionError.name, AssertionError.length);
show(() => new AssertionError());
show(() => new AssertionError('str'));
console.log(new AssertionError({ message: 'hi' }).message, new AssertionError({ message: 'hi' }).generatedMessage);
console.log(JSON.stringify(new AssertionError({ actual: 1, expected: 2, operator: 'foo' }).message));
console.log(JSON.stringify(new AssertionError({ actual: 1, expected: 2 }).message));
console.log(JSON.stringify(new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual', message: { a: 1 } }).message));
console.log(JSON.stringify(new AssertionError({ actual: [1], expected: [2], operator: 'notDeepEqual' }).message));
const strip = (s) => s.split('\n').filter((l) => !l.startsWith('    at ')).join('\n');
for (const n of [130, 512, 513, 600, 1000]) {
  const x = new AssertionError({ actual: 'a'.repeat(n), expected: 'x', operator: 'x' });
  console.log(n, util.inspect(x).split('\n').find((l) => l.startsWith('  actual:')).length);
}
console.log(strip(util.inspect(new AssertionError({ actual: 'ab\n'.repeat(20), expected: { a: { b: 1 } }, operator: 'op', message: 'm' }))));
try { assert.deepStrictEqual({ a: { b: { c: 1 } } }, [1]); } catch (err) { console.log(strip(util.inspect(err))); }
console.log(util.inspect(e, { depth: 0 }).split('\n')[0]);
