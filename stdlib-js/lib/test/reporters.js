'use strict';
// node:test/reporters: the built-in reporters for run()'s stream or a custom pipeline, as
// Node's: tap and dot are async generators of text over the events, spec is a Transform
// stream (objects in, text out).

const { Transform } = require('stream');
const { TapFormatter, SpecFormatter, DotFormatter, asGenerator } =
  require('internal/test_runner/reporters');

class SpecReporter extends Transform {
  #formatter = new SpecFormatter();

  constructor() {
    super({ writableObjectMode: true });
  }

  _transform(event, encoding, callback) {
    const text = this.#formatter.event(event);
    callback(null, text === '' ? undefined : text);
  }

  _flush(callback) {
    const text = this.#formatter.end();
    callback(null, text === '' ? undefined : text);
  }
}

module.exports = {
  tap: asGenerator(TapFormatter),
  spec: SpecReporter,
  dot: asGenerator(DotFormatter),
};
