import Thing, { named, counter, increment } from './esm/lib.mjs';
import * as ns from './esm/lib.mjs';
console.log(named, counter, typeof Thing);
increment();
console.log('live binding:', counter, ns.counter);
console.log(Object.keys(ns), ns[Symbol.toStringTag]);
console.log(ns);
