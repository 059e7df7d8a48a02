'use strict';
const { test, describe, it } = require('node:test');
const assert = require('node:assert');

test('adds', () => {
  assert.strictEqual(1 + 1, 2);
});

test('compares', () => {
  assert.strictEqual(1 + 1, 3);
});

describe('strings', () => {
  it('joins', () => {
    assert.strictEqual(['a', 'b'].join('-'), 'a-b');
  });
  it('pads', { skip: 'not today' }, () => {});
  it('trims', { todo: true }, () => {});
  describe('nested', () => {
    it('upper', () => assert.strictEqual('a'.toUpperCase(), 'A'));
  });
});

test('with subtests', async (t) => {
  await t.test('first', () => {});
  await t.test('second', () => {
    throw new Error('bad value');
  });
  t.diagnostic('a note');
});
