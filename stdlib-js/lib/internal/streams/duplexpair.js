'use strict';
// stream.duplexPair([options]): two Duplex streams wired to each other - what is written to one
// is read from the other - as a socket pair in memory. A write completes when the other side
// reads it (backpressure); end() on one side ends the other's readable side.

const Duplex = require('internal/streams/duplex');

// The write callback a side waits to call until its peer reads.
const kCallback = Symbol('kCallback');

class DuplexSide extends Duplex {
  #otherSide = null;

  constructor(options) {
    super(options);
    this[kCallback] = null;
  }

  static link(a, b) {
    a.#otherSide = b;
    b.#otherSide = a;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this.#otherSide.push(chunk);
      this.#otherSide[kCallback] = callback;
    }
  }

  _final(callback) {
    this.#otherSide.on('end', callback);
    this.#otherSide.push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  DuplexSide.link(side0, side1);
  return [side0, side1];
}

module.exports = duplexPair;
