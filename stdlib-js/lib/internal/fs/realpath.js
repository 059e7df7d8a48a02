'use strict';
// internal/fs/realpath - fs.realpath and fs.realpathSync as Node computes them in JS (the
// binding's realpath(3) is realpath.native and fs.promises.realpath): walk the path one
// component at a time, lstat each, and restart from the target of every symlink met. Errors
// name the step that failed (lstat of a missing component, stat of a dangling link), and a
// descriptor link to a pipe or socket (/dev/stdin on a pipe) resolves to its /proc name.
// One generator of steps (internal/fs/steps) serves the sync and the callback form. A path
// given as bytes that are not UTF-8 is walked as a byte string (one char per byte, latin1) and
// each step gets its bytes back as a Buffer, so every byte reaches the syscalls unchanged.

const path = require('path');
const { validateFunction } = require('internal/errors');
const { getOptions, getValidatedPath, stringToResult } = require('internal/fs/utils');
const { driveAsync, driveSync } = require('internal/fs/steps');
const { state: permission } = require('internal/process/permission');

function* walk(p, bytes = false) {
  const arg = bytes ? (text) => Buffer.from(text, 'latin1') : (text) => text;
  p = bytes ? path.resolve(Buffer.from(process.cwd()).toString('latin1'), p) : path.resolve(p);
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
    const st = yield ['lstat', arg(base), { bigint: true }];
    if (!st.isSymbolicLink()) {
      knownHard.add(base);
      continue;
    }
    const id = `${st.dev.toString(32)}:${st.ino.toString(32)}`;
    let target = seenLinks.get(id);
    if (target === undefined) {
      const targetStat = yield ['stat', arg(base)];
      pipe = targetStat.isFIFO() || targetStat.isSocket();
      target = bytes ? (yield ['readlink', arg(base), 'buffer']).toString('latin1')
        : (yield ['readlink', base]);
      seenLinks.set(id, target);
    }
    p = path.resolve(path.resolve(previous, target), p.slice(pos));
    current = '/';
    base = '/';
    pos = 1;
  }
  return p;
}

/** The walk of a validated path: a string, or bytes (a Buffer) walked as a byte string. */
const walkOf = (p) =>
  (typeof p === 'string' ? walk(p) : walk(Buffer.from(p).toString('latin1'), true));

/** The walk's result in `encoding`; a byte string's bytes are the path. */
const resultOf = (resolved, p, encoding) => stringToResult(
  typeof p === 'string' ? resolved : Buffer.from(resolved, 'latin1'), encoding);

function realpathSync(p, options) {
  options = getOptions(options);
  p = getValidatedPath(p);
  // Node's JS realpath looks at each component without the permission model's checks.
  const resolved = permission.enabled ?
    require('internal/process/permission').unchecked(() => driveSync(walkOf(p))) :
    driveSync(walkOf(p));
  return resultOf(resolved, p, options.encoding);
}

function realpath(p, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'cb');
  options = getOptions(options);
  p = getValidatedPath(p);
  driveAsync(walkOf(p), {}, (err, resolved) => {
    if (err) callback(err);
    else callback(null, resultOf(resolved, p, options.encoding));
  });
}

module.exports = { realpath, realpathSync };
