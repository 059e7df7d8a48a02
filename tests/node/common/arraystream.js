'use strict';
// test/common/arraystream: a stream-like object that emits each item of an array as a line
// ('data' with a newline appended). readline and repl tests drive their input through it;
// write() does nothing.

const { Stream } = require('stream');

function noop() {}

class ArrayStream extends Stream {
  run(data) {
    for (const line of data) this.emit('data', `${line}\n`);
  }
}

ArrayStream.prototype.readable = true;
ArrayStream.prototype.writable = true;
ArrayStream.prototype.pause = noop;
ArrayStream.prototype.resume = noop;
ArrayStream.prototype.write = noop;

module.exports = ArrayStream;
