'use strict';
// test/common/ongc: onGC(obj, { ongc }) calls ongc() once `obj` has been garbage collected.
// Built on FinalizationRegistry; tests drive collection with global.gc() (--expose-gc).

const registry = new FinalizationRegistry((gcListener) => {
  if (typeof gcListener.ongc === 'function') gcListener.ongc();
});

module.exports = function onGC(obj, gcListener) {
  registry.register(obj, gcListener);
};
