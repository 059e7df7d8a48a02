'use strict';
// The part of process.emitWarning() that throws under --throw-deprecation. The throw waits a
// tick, so warnings emitted before it are printed first, as Node does; an uncaught report
// then points at the throw statement below, which reads as Node's.

/** Returns true when `warning` was scheduled to be thrown instead of emitted. */
function throwIfDeprecationsThrow(warning) {
  if (warning.name === 'DeprecationWarning') {
    if (process.throwDeprecation) {
      process.nextTick(() => {
        throw warning;
      });
      return true;
    }
  }
  return false;
}

module.exports = { throwIfDeprecationsThrow };
