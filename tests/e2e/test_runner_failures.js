// node:test failures: YAML details Node's TAP reporter prints (assertion fields, codes); exit code 1.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk).split('\n').filter((l) => !l.includes('duration_ms') && !/^\s*(location|stack):/.test(l) && !(/^\s{4}/.test(l) && /[(]|node:/.test(l))).join('\n'), ...rest);
const { test } = require('node:test');
const assert = require('assert');
test('fails', () => { assert.strictEqual(1, 2); });
test('deep', () => { assert.deepStrictEqual({ a: [1, 'x'], b: null }, { a: [1, 'y'], b: null }); });
test('custom', () => { const e = new TypeError('bad'); e.code = 'ERR_X'; e.extra = { n: 1 }; throw e; });
test('string', () => { throw 'just a string'; });
test('multi', () => { throw new Error('line1\nline2'); });
test('passes', () => {});
const { describe, it } = require('node:test');
describe('suite', () => { it.todo('todo may fail', () => { throw new Error('x'); }); it('bad', async () => { throw new Error('boom'); }); });
