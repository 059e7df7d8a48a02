// node:test: tests, subtests, callbacks, suites with hooks, skip/todo, mocks; TAP output (durations
// filtered out) and the order things ran in.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk).split('\n').filter((l) => !l.includes('duration_ms') && !/^\s*(location|stack):/.test(l) && !(/^\s{4}/.test(l) && /[(]|node:/.test(l))).join('\n'), ...rest);
const { test, describe, it, before, after, beforeEach, afterEach, mock } = require('node:test');
const assert = require('assert');
const log = [];
test('sync pass', () => { log.push('sync'); assert.strictEqual(1, 1); });
test('async pass', async () => { await new Promise((r) => setTimeout(r, 5)); log.push('async'); });
test('callback pass', (t, done) => { setTimeout(() => { log.push('cb'); done(); }, 1); });
test('with subtests', async (t) => {
  await t.test('sub 1', () => { log.push('sub1'); });
  await t.test('sub 2', async () => { log.push('sub2'); });
});
test.skip('skipped', () => { throw new Error('never'); });
test('todo', { todo: true }, () => { throw new Error('todo fails are fine'); });
describe('suite', () => {
  before(() => log.push('before'));
  beforeEach(() => log.push('beforeEach'));
  afterEach(() => log.push('afterEach'));
  after(() => log.push('after'));
  it('a', () => log.push('it a'));
  it('b', async () => log.push('it b'));
  describe('nested', () => { it('c', () => log.push('it c')); });
});
test('mock', () => {
  const fn = mock.fn((x) => x * 2);
  fn(1); fn(2);
  assert.strictEqual(fn.mock.callCount(), 2);
  assert.deepStrictEqual(fn.mock.calls.map((c) => c.result), [2, 4]);
  const obj = { m() { return 'orig'; } };
  mock.method(obj, 'm', () => 'mocked');
  assert.strictEqual(obj.m(), 'mocked');
  mock.restoreAll();
  assert.strictEqual(obj.m(), 'orig');
});
process.on('exit', () => console.error(JSON.stringify(log)));
