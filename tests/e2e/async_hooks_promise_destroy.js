'use strict';
// A PROMISE resource gets its destroy hook once the promise is garbage-collected.
const async_hooks = require('async_hooks');

const inits = [];
const destroyed = [];
async_hooks.createHook({
  init(id, type) { if (type === 'PROMISE') inits.push(id); },
  destroy(id) { if (inits.includes(id)) destroyed.push(id); },
}).enable();

(function makeGarbage() {
  Promise.resolve(1).then(() => {});
})();

setImmediate(() => {
  globalThis.gc();
  setTimeout(() => {
    console.log('promises created:', inits.length);
    console.log('all destroyed after gc:', inits.every((id) => destroyed.includes(id)));
    console.log('destroyed once each:', new Set(destroyed).size === destroyed.length);
  }, 50);
});
