'use strict';
// The legacy Stream constructor (an EventEmitter with the old pipe()) that every stream class
// inherits from and that node:stream exports as itself, and the registry of lazily loaded
// classes.

const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

// The pre-streams2 pipe (internal/streams/pipe, loaded on first use).
Stream.prototype.pipe = function pipe(dest, options) {
  return require('internal/streams/pipe').legacyPipe(this, dest, options);
};

// Set by internal/streams/duplex when it loads, so that Readable and Writable can ask
// `instanceof Duplex` without loading it (nothing is a Duplex before it loaded).
const loadedClasses = { Duplex: undefined };

module.exports = { Stream, loadedClasses };
