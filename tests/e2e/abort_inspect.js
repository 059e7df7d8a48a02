// util.inspect of AbortController / AbortSignal / EventTarget at various depths.
const util = require('util');
const ac = new AbortController();
console.log(util.inspect(ac));
console.log(util.inspect(ac, { depth: 0 }));
console.log(util.inspect(ac, { depth: -1 }));
console.log(util.inspect(ac, { depth: null }));
console.log(util.inspect({ a: { b: ac } }));
console.log(util.inspect({ a: { b: { c: ac } } }));
console.log(util.inspect({ a: [ac] }, { depth: 1 }));
console.log(util.inspect(ac.signal, { depth: 0 }), util.inspect({ s: ac.signal }, { depth: 0 }));
console.log(util.inspect(ac, { compact: false }));
ac.signal.extra = 1;
console.log(ac.signal);
ac.abort();
console.log([ac.signal], util.format('%o', ac.signal));
class MyTarget extends EventTarget {
  constructor() { super(); this.field = 1; }
}
console.log(new EventTarget(), new MyTarget(), [new MyTarget()], util.inspect(new EventTarget(), { depth: -1 }));
console.log(util.inspect({ deep: { deeper: { deepest: new EventTarget() } } }));
