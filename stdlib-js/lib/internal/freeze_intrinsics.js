'use strict';
// --frozen-intrinsics: before any user code runs, the language's global objects (every
// constructor, prototype, namespace and function V8 puts on the global object, WebAssembly
// included), `console` and the timer functions are frozen, with everything they reach. So
// that code written for unfrozen intrinsics still runs, the data properties of the frozen
// prototypes become accessor pairs (the "override mistake" fix): assigning `obj.toString = f`
// to an object that inherits a frozen `toString` makes an own property of `obj`, while
// assigning to the prototype itself still fails. `globalThis.globalThis` stays the global
// object. Node's other globals (process, Buffer, URL, the web streams, ...) are left as they
// are, as in Node.

const {
  defineProperty, freeze, getOwnPropertyDescriptor, getPrototypeOf, hasOwn,
} = Object;
const { ownKeys } = Reflect;

// The globals whose values are frozen: V8's (what a fresh context has, listed by the realm
// below) and these of Node's.
const kNodeGlobals = [
  'console', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval',
  'setTimeout',
];

/** The names of the global object of a context that holds the language's intrinsics only. */
function languageGlobals() {
  const { runInNewContext } = require('vm');
  return runInNewContext('Object.getOwnPropertyNames(globalThis)');
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** `prop` of `proto` as an accessor pair that lets derived objects override it. */
function enableDerivedOverride(proto, prop, desc) {
  const { value } = desc;
  function getter() {
    return value;
  }
  // As Node's: the getter shows what it stands for.
  getter.value = value;
  function setter(newValue) {
    if (this === proto) {
      throw new TypeError(`Cannot assign to read only property '${String(prop)}' of object '${
        safeString(proto)}'`);
    }
    if (hasOwn(this, prop)) {
      this[prop] = newValue;
    } else {
      defineProperty(this, prop, {
        __proto__: null, value: newValue, writable: true, enumerable: true, configurable: true,
      });
    }
  }
  defineProperty(proto, prop, {
    __proto__: null, get: getter, set: setter, enumerable: desc.enumerable, configurable: false,
  });
}

function safeString(value) {
  try {
    return String(value);
  } catch {
    return '[object]';
  }
}

function freezeIntrinsics() {
  const roots = [];
  for (const name of languageGlobals()) {
    if (name === 'globalThis') continue;
    const desc = getOwnPropertyDescriptor(globalThis, name);
    if (desc !== undefined && 'value' in desc && isObject(desc.value)) roots.push(desc.value);
  }
  // Node's (some made on first use: read them).
  for (const name of kNodeGlobals) {
    if (isObject(globalThis[name])) roots.push(globalThis[name]);
  }
  // Everything reachable from them: own property values (getters and setters too) and
  // prototypes. Prototypes get the override fix, before anything is frozen.
  const seen = new Set();
  const prototypes = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const obj = queue.pop();
    if (seen.has(obj)) continue;
    seen.add(obj);
    const proto = getPrototypeOf(obj);
    if (proto !== null) {
      prototypes.add(proto);
      queue.push(proto);
    }
    for (const key of ownKeys(obj)) {
      const desc = getOwnPropertyDescriptor(obj, key);
      if (desc === undefined) continue;
      if ('value' in desc) {
        if (isObject(desc.value)) {
          queue.push(desc.value);
          if (key === 'prototype' && typeof obj === 'function') prototypes.add(desc.value);
        }
      } else {
        if (desc.get) queue.push(desc.get);
        if (desc.set) queue.push(desc.set);
      }
    }
  }
  for (const proto of prototypes) {
    if (!seen.has(proto)) continue;
    for (const key of ownKeys(proto)) {
      const desc = getOwnPropertyDescriptor(proto, key);
      if (desc !== undefined && 'value' in desc && desc.configurable) {
        enableDerivedOverride(proto, key, desc);
      }
    }
  }
  for (const obj of seen) freeze(obj);
  defineProperty(globalThis, 'globalThis', {
    __proto__: null, value: globalThis, writable: false, enumerable: false, configurable: false,
  });
}

module.exports = { freezeIntrinsics };
