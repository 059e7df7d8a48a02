'use strict';
// internal/fs/steps - runs a file-system walk written once as a generator that yields the steps
// it needs (['lstat', path, options], ['readlink', path], ...): driveSync performs each step
// here and now, driveAsync on the worker pool, and both hand the result (or throw the error)
// back into the generator. Steps are the table operations of internal/fs/ops, or functions of
// the caller's own (`extra`, e.g. cp's filter; an async driver awaits what they return). Used
// by fs.cp (internal/fs/cp) and fs.realpath (internal/fs/realpath).

const { runAsync, runSync } = require('internal/fs/ops');

/** Runs `walk` to the end here and now; returns its result or throws its error. */
function driveSync(walk, extra = {}) {
  let step = walk.next();
  while (!step.done) {
    const [name, ...args] = step.value;
    let value;
    try {
      value = extra[name] ? extra[name](...args) : runSync(name, args);
    } catch (err) {
      step = walk.throw(err);
      continue;
    }
    step = walk.next(value);
  }
  return step.value;
}

/** Runs `walk` with its steps on the pool; `done(err, result)`. */
function driveAsync(walk, extra, done) {
  const resume = (err, value) => {
    let step;
    try {
      step = err ? walk.throw(err) : walk.next(value);
    } catch (e) {
      done(e);
      return;
    }
    if (step.done) {
      done(null, step.value);
      return;
    }
    const [name, ...args] = step.value;
    if (extra[name]) {
      Promise.resolve().then(() => extra[name](...args)).then((v) => resume(null, v), resume);
      return;
    }
    try {
      runAsync(name, args, resume);
    } catch (e) {
      resume(e);
    }
  };
  resume(null);
}

module.exports = { driveAsync, driveSync };
