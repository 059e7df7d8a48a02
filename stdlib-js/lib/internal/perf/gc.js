'use strict';
// 'gc' performance entries. Eddy's runtime does not report V8's garbage collections to JS, so
// the only collections observed are the forced ones: while a 'gc' observer exists, the
// --expose-gc `gc()` function is wrapped to time each call and report it as a major, forced
// collection.

const kGCMajor = 4;
const kFlagsForced = 4;

let original;
let wrapper;

function observersChanged(observing) {
  if (observing) {
    if (wrapper !== undefined || typeof globalThis.gc !== 'function') return;
    original = globalThis.gc;
    const { createEntry, enqueue } = require('internal/perf/observe');
    const { now } = require('internal/perf/utils');
    wrapper = function gc(...args) {
      const start = now();
      const result = Reflect.apply(original, this, args);
      const entry = createEntry('gc', 'gc', start, now() - start,
        { kind: kGCMajor, flags: kFlagsForced });
      Object.defineProperties(entry, {
        kind: { __proto__: null, get: () => kGCMajor, configurable: true },
        flags: { __proto__: null, get: () => kFlagsForced, configurable: true },
      });
      enqueue(entry);
      return result;
    };
    globalThis.gc = wrapper;
  } else if (wrapper !== undefined) {
    if (globalThis.gc === wrapper) globalThis.gc = original;
    wrapper = undefined;
  }
}

module.exports = { observersChanged };
