// A contextified sandbox behaves as its context's global: reads, writes, declarations,
// defineProperty, deletes, key listing and descriptors all go through to the sandbox, at any
// time (not only during a run), with the global's builtins behind it.
'use strict';
const vm = require('vm');

const show = (label, ...values) => console.log(label, ...values);

// Declarations and assignments land on the sandbox.
const s = { x: 1 };
vm.createContext(s);
vm.runInContext('var v = 1; function fn() {} y = 2; this.z = 3; let l = 4; const c = 5;', s);
show('keys after declarations', Object.keys(s));
show('var descriptor', Object.getOwnPropertyDescriptor(s, 'v'));
show('let/const stay in the context', 'l' in s, 'c' in s, vm.runInContext('l + c', s));

// The global is not the sandbox, but the sandbox reads as the global inside.
const g = vm.runInContext('this', s);
show('global is sandbox', g === s, vm.runInContext('globalThis === this', s));
s.self = s;
show('sandbox reads as global', vm.runInContext('self === this', s));

// Inherited names come from the sandbox's prototype chain; builtins from the global.
show('inherited', vm.runInContext('typeof hasOwnProperty', s),
  vm.runInContext('constructor === Object', s));
show('builtins', vm.runInContext('typeof Array', s), s.Array);

// Strict code: an undeclared assignment throws and leaves the sandbox alone.
try {
  vm.runInContext('"use strict"; undeclared = 5', s);
} catch (e) {
  show('strict undeclared', e.name, e.message, 'undeclared' in s);
}
vm.runInContext('"use strict"; this.w = 5; function sf() {}', s);
show('strict this.w and function', s.w, typeof s.sf);

// Changes made outside show inside later, and the other way round, with no run in between.
s.q = 9;
show('outside write seen', vm.runInContext('q', s));
const later = vm.runInContext('(function later() { return typeof q + " " + typeof x; })', s);
delete s.q;
show('outside delete seen by a function', later());
const setLater = vm.runInContext('(function setLater(v) { laterValue = v; })', s);
setLater(42);
show('function writes reach the sandbox', s.laterValue);
g.viaGlobal = 7;
show('write through the global', s.viaGlobal);

// delete: the sandbox's answer decides.
show('delete var', vm.runInContext('delete v', s), 'v' in s, vm.runInContext('typeof v', s));
show('delete assigned', vm.runInContext('delete y', s), 'y' in s, vm.runInContext('typeof y', s));
Object.defineProperty(s, 'fixed', { value: 1, configurable: false });
show('delete non-configurable', vm.runInContext('delete fixed', s), s.fixed);

// Indexed properties.
s[0] = 'zero';
vm.runInContext('this[1] = "one"', s);
show('indexed', vm.runInContext('this[0]', s), s[1]);

// Keys listed inside, in the sandbox's order first.
show('keys inside', vm.runInContext('Object.keys(this)', s));
show('in / hasOwnProperty', vm.runInContext('"fixed" in this', s),
  vm.runInContext('Object.prototype.hasOwnProperty.call(this, "w")', s));

// Descriptors are the sandbox's; defineProperty copies them to the sandbox.
const d = { a: 'a' };
Object.defineProperties(d, {
  b: { value: 'b' },
  c: { value: 'c', writable: true, enumerable: true },
  e: { value: 'e', configurable: true },
});
vm.createContext(d);
show('descriptors', vm.runInContext(`
  ['a', 'b', 'c', 'e', 'g'].map((k) => JSON.stringify(Object.getOwnPropertyDescriptor(this, k)))
`, d));
vm.runInContext(`
  Object.defineProperty(this, 'h', { value: 'h' });
  let kValue = 0;
  Object.defineProperty(this, 'k', { get() { return kValue; }, set(v) { kValue = v; } });
  Object.defineProperty(this, 'encodeURI', { value: 42 });
`, d);
show('defined h', Object.getOwnPropertyDescriptor(d, 'h'));
d.k = 1;
show('accessor k', d.k, vm.runInContext('k = 2; k', d), d.k);
show('redefined builtin', vm.runInContext('encodeURI', d), d.encodeURI);
try {
  vm.runInContext('"use strict"; Object.defineProperty(this, "b", { value: "newB" });', d);
} catch (e) {
  show('redefine read-only', e.name, e.message);
}

// Read-only and accessor properties of the sandbox, set from outside through the global.
const w = {};
vm.createContext(w);
Object.defineProperty(w, 'acc', {
  get: () => 43, set: (v) => console.log('acc setter got', v), configurable: true,
});
Object.defineProperty(w, 'ro', { value: 51, writable: false });
const wg = vm.runInContext('this', w);
wg.acc = 143;
show('accessor through global', wg.acc);
try {
  wg.ro = 151;
} catch (e) {
  show('read-only through global', e.name);
}
show('read-only kept', wg.ro);

// A sandbox made by a class tags the global.
class Foo {}
show('tag', vm.runInNewContext('Object.prototype.toString.call(this)', new Foo()));

// A proxy sandbox: its traps run for the global's accesses.
const log = [];
const p = new Proxy({ a: 1 }, {
  get(t, k, r) { if (typeof k === 'string') log.push(`get ${k}`); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push(`set ${k}`); return Reflect.set(t, k, v, r); },
});
vm.createContext(p);
vm.runInContext('a = a + 1', p);
show('proxy sandbox', p.a, log.filter((e) => e.endsWith(' a')).join(', '));

// microtaskMode 'afterEvaluate': the context's promise jobs run before the run returns.
const order = [];
const m = { order };
vm.createContext(m, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => order.push("context job"))', m);
order.push('after run');
const plain = { order };
vm.createContext(plain);
vm.runInContext('Promise.resolve().then(() => order.push("shared-queue job"))', plain);
order.push('after second run');
Promise.resolve().then(() => show('microtask order', order));
