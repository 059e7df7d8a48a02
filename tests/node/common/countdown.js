'use strict';
// test/common/countdown: calls a function once dec() has been called `limit` times.

const assert = require('assert');

class Countdown {
  #remaining;
  #callback;

  constructor(limit, callback) {
    assert.strictEqual(typeof limit, 'number');
    assert.strictEqual(typeof callback, 'function');
    this.#remaining = limit;
    // Wrapped so a countdown that never reaches zero fails the test at exit.
    this.#callback = require('./').mustCall(callback);
  }

  dec() {
    assert(this.#remaining > 0, 'Countdown expired');
    if (--this.#remaining === 0) this.#callback();
    return this.#remaining;
  }

  get remaining() {
    return this.#remaining;
  }
}

module.exports = Countdown;
