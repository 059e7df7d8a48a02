'use strict';
// internal/fs/realpath — fs.realpath and fs.realpathSync as Node computes them in JS (the
// binding's realpath(3) is realpath.native and fs.promises.realpath): walk the path one
// component at a time, lstat each, and restart from the target of every symlink met. Errors
// name the step that failed (lstat of a missing component, stat of a dangling link), and a
// descriptor link to a pipe or socket (/dev/stdin on a pipe) resolves to its /proc name.
// One generator of steps (internal/fs/steps) serves the sync and the callback form.

const path = require('path');
const { validateFunction } = require('internal/errors');
const { getOptions, getValidatedPath, stringToResult } = require('internal/fs/utils');
const { driveAsync, driveSync } = require('internal/fs/steps');

function* walk(p) {
  p = path.resolve(p);
  const knownHard = new Set();
  const seenLinks = new Map();
  // Whether the last link followed led to a pipe or socket: past it, nothing is looked up.
  let pipe = false;
  let current = '/';
  let base = '/';
  let pos = 1;
  while (pos < p.length) {
    const previous = current;
    const slash = p.indexOf('/', pos);
    if (slash === -1) {
      current += p.slice(pos);
      base = previous + p.slice(pos);
      pos = p.length;
    } else {
      current += p.slice(pos, slash + 1);
      base = previous + p.slice(pos, slash);
      pos = slash + 1;
    }
    if (knownHard.has(base)) {
      if (pipe) break;
      continue;
    }
    const st = yield ['lstat', base, { bigint: true }];
    if (!st.isSymbolicLink()) {
      knownHard.add(base);
      continue;
    }
    const id = `${st.dev.toString(32)}:${st.ino.toString(32)}`;
    let target = seenLinks.get(id);
    if (target === undefined) {
      const targetStat = yield ['stat', base];
      pipe = targetStat.isFIFO() || targetStat.isSocket();
      target = yield ['readlink', base];
      seenLinks.set(id, target);
    }
    p = path.resolve(path.resolve(previous, target), p.slice(pos));
    current = '/';
    base = '/';
    pos = 1;
  }
  return p;
}

function realpathSync(p, options) {
  options = getOptions(options);
  p = getValidatedPath(p);
  return stringToResult(driveSync(walk(p)), options.encoding);
}

function realpath(p, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'cb');
  options = getOptions(options);
  p = getValidatedPath(p);
  driveAsync(walk(p), {}, (err, resolved) => {
    if (err) callback(err);
    else callback(null, stringToResult(resolved, options.encoding));
  });
}

module.exports = { realpath, realpathSync };
