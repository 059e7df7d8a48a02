'use strict';
// test/common/tick: run `cb` after `x` turns of the event loop (setImmediate hops).

module.exports = function tick(x, cb) {
  function ontick() {
    if (--x === 0) {
      if (typeof cb === 'function') cb();
    } else {
      setImmediate(ontick);
    }
  }
  setImmediate(ontick);
};
