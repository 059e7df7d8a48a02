'use strict';
// LazyTransform: a Transform stream whose stream state is built on first use. Hash and Hmac
// are Transforms, but nearly every caller only uses update()/digest(); building the readable
// and writable state for each of them would cost more than hashing a short string.
//
// How: the instance keeps its options, and the prototype carries accessors for the state
// fields the stream constructors assign. The first read of one runs Transform's constructor
// on the instance; its assignments land in the setters below, which turn them into own data
// properties, so afterwards the accessors are shadowed and cost nothing.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

const kMaterialized = Symbol('kMaterialized');

function materialize(self) {
  self[kMaterialized] = true;
  Transform.call(self, self._options);
  // Strings written to the stream reach _transform with their encoding, as update() takes them.
  const ws = self._writableState;
  if (ws) ws.decodeStrings = false;
}

function makeGetter(name) {
  return function() {
    // Once built, a field the constructor did not set reads as undefined (no second build).
    if (this[kMaterialized]) return undefined;
    materialize(this);
    return this[name];
  };
}

function makeSetter(name) {
  return function(value) {
    Object.defineProperty(this, name, {
      value, enumerable: true, configurable: true, writable: true,
    });
  };
}

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name),
    set: makeSetter(name),
    enumerable: true,
    configurable: true,
  });
}

module.exports = LazyTransform;
