'use strict';
// internal/process/permission - Node's permission model (--experimental-permission): the grants
// from --allow-fs-read / --allow-fs-write / --allow-child-process / --allow-worker,
// process.permission.has(), and the ERR_ACCESS_DENIED checks.
//
// Without the flag nothing here runs: setup() is only called when the model is on, and the few
// checks outside this file (child_process, Worker) read the one boolean `state.enabled`.
// The file system checks sit at the native boundary: setup() wraps binding.fs's path-taking
// functions, which every fs form (sync, callback, promise, streams, opendir, cp, watch) and the
// module loader reach, so the rest of the fs code does not change or pay anything.

const { validateString } = require('internal/errors');
const pathModule = require('path');

// `unchecked`: nonzero while Node's own unchecked walks run (fs.realpathSync's lstat steps).
const state = { enabled: false, unchecked: 0 };

// The grants, as absolute paths: `exact` names a file or a directory and all under it; `prefix`
// comes from a trailing `*` and matches any path starting with it. `all` is a bare `*`.
const grants = {
  read: { all: false, exact: [], prefix: [] },
  write: { all: false, exact: [], prefix: [] },
  child: false,
  worker: false,
};

function grant(table, spec) {
  if (spec === '*') {
    table.all = true;
  } else if (spec.endsWith('*')) {
    const base = spec.slice(0, -1);
    // `/tmp/*` keeps its separator: it matches what is under /tmp, not /tmpfoo.
    const resolved = pathModule.resolve(base);
    table.prefix.push(base.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved);
  } else {
    table.exact.push(pathModule.resolve(spec));
  }
}

function allowed(table, resource) {
  if (table.all) return true;
  const full = pathModule.resolve(resource);
  for (let i = 0; i < table.exact.length; i++) {
    const g = table.exact[i];
    if (full === g || (full.startsWith(g) && (g.endsWith('/') || full[g.length] === '/'))) return true;
  }
  for (let i = 0; i < table.prefix.length; i++) {
    if (full.startsWith(table.prefix[i])) return true;
  }
  return false;
}

function accessDenied(permission, resource, caller, message = 'Access to this API has been restricted') {
  // A plain Error with own `code`, as Node's native check throws it (no [code] in its name).
  const err = new Error(message);
  err.code = 'ERR_ACCESS_DENIED';
  err.permission = permission;
  err.resource = resource;
  Error.captureStackTrace(err, caller);
  return err;
}

/** process.permission.has(scope[, reference]) */
function has(scope, reference) {
  validateString(scope, 'scope');
  if (reference !== undefined) validateString(reference, 'reference');
  switch (scope) {
    case 'fs':
      return reference === undefined ? grants.read.all && grants.write.all
        : allowed(grants.read, reference) && allowed(grants.write, reference);
    case 'fs.read':
      return reference === undefined ? grants.read.all : allowed(grants.read, reference);
    case 'fs.write':
      return reference === undefined ? grants.write.all : allowed(grants.write, reference);
    case 'child':
      return grants.child;
    case 'worker':
      return grants.worker;
    default:
      return false;
  }
}

/** Throws ERR_ACCESS_DENIED for a spawn or a new Worker the grants do not cover. */
function checkChildProcess(caller) {
  if (!grants.child) throw accessDenied('ChildProcess', '', caller);
}
function checkWorker(caller) {
  if (!grants.worker) throw accessDenied('WorkerThreads', '', caller);
}
function checkInspector(caller) {
  throw accessDenied('Inspector', '', caller);
}

// ----- the file system -----

/** A native path argument (string, or bytes from a Buffer path) as the error's resource. */
function resourceOf(path) {
  if (typeof path === 'string') return path;
  if (ArrayBuffer.isView(path)) return Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
  return null;
}

function checkPath(kind, path, caller) {
  const resource = resourceOf(path);
  // File descriptors (numbers) are not checked, as in Node.
  if (resource === null) return;
  if (kind !== 'w' && !allowed(grants.read, resource)) {
    throw accessDenied('FileSystemRead', resource, caller);
  }
  if (kind !== 'r' && !allowed(grants.write, resource)) {
    throw accessDenied('FileSystemWrite', resource, caller);
  }
}

// binding.fs.op / opAsync operations: the access each path argument needs, by position
// (argument 0 is the operation's name). 'rw' needs both.
const R1 = [[1, 'r']];
const W1 = [[1, 'w']];
const opAccess = {
  __proto__: null,
  rm: [[1, 'rw']],
  mkdir: W1, rmdir: W1, unlink: W1, mkdtemp: W1, truncate: W1, chmod: W1, lchmod: W1,
  chown: W1, lchown: W1, utimes: W1, lutimes: W1,
  readdir: R1, lstat: R1, stat: R1, access: R1, realpath: R1, readlink: R1, statfs: R1,
  statBigInt: R1, lstatBigInt: R1,
  rename: [[1, 'w'], [2, 'w']],
  copyFile: [[1, 'r'], [2, 'w']],
  link: [[1, 'rw'], [2, 'rw']],
};

const O_ACCMODE = 3;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_WRITING = 0o100 | 0o1000 | 0o2000; // O_CREAT | O_TRUNC | O_APPEND

function openAccess(flags) {
  const mode = flags & O_ACCMODE;
  const writes = mode === O_WRONLY || mode === O_RDWR || (flags & O_WRITING) !== 0;
  if (!writes) return 'r';
  return mode === O_WRONLY ? 'w' : 'rw';
}

function checkOp(args, caller) {
  if (state.unchecked !== 0) return;
  let name = args[0];
  if (typeof name !== 'string') return;
  if (name.endsWith('Buffer')) name = name.slice(0, -6);
  if (name === 'symlink') {
    // A link's target is resolved when it is used, maybe outside the grants: Node 20 allows
    // symlinks only to a program that may read and write everything.
    if (!grants.read.all || !grants.write.all) {
      throw accessDenied('', '', caller,
        'fs.symlink API requires full fs.read and fs.write permissions.');
    }
    return;
  }
  if (name === 'mkdtemp') {
    // Named as Node names it: the template the six random characters replace.
    const prefix = resourceOf(args[1]);
    if (prefix !== null) checkPath('w', `${prefix}XXXXXX`, caller);
    return;
  }
  if (name === 'open') {
    checkPath(openAccess(args[2] | 0), args[1], caller);
    return;
  }
  const access = opAccess[name];
  if (access === undefined) return;
  for (let i = 0; i < access.length; i++) checkPath(access[i][1], args[access[i][0]], caller);
}

// Eddy's stdio finds what kind of file a standard descriptor is by stat()ing its /proc link,
// where Node asks libuv about the descriptor: not a path the program names, so not checked.
const kOwnFdLink = /^\/proc\/self\/fd\/\d+$/;

function wrapFs(fsb) {
  const wrap = (name, check, async) => {
    const original = fsb[name];
    if (typeof original !== 'function') return;
    const wrapped = function (...args) {
      if (!async) {
        check(args, wrapped);
      } else {
        // The callback (the last function argument) gets the denial, on a later tick.
        try {
          check(args, wrapped);
        } catch (err) {
          for (let i = args.length - 1; i >= 0; i--) {
            if (typeof args[i] === 'function') {
              const cb = args[i];
              process.nextTick(() => cb(err));
              return undefined;
            }
          }
          throw err;
        }
      }
      return Reflect.apply(original, this, args);
    };
    fsb[name] = wrapped;
  };
  wrap('op', checkOp);
  wrap('opAsync', checkOp, true);
  wrap('readFile', (args, caller) => checkPath('r', args[0], caller), true);
  wrap('readFileSync', (args, caller) => checkPath('r', args[0], caller));
  wrap('readFileUtf8', (args, caller) => checkPath('r', args[0], caller));
  wrap('writeFile', (args, caller) => checkPath('w', args[0], caller), true);
  wrap('writeFileSync', (args, caller) => checkPath('w', args[0], caller));
  wrap('stat', (args, caller) => checkPath('r', args[0], caller), true);
  wrap('statSync', (args, caller) => {
    if (typeof args[0] === 'string' && kOwnFdLink.test(args[0])) return;
    checkPath('r', args[0], caller);
  });
  wrap('watch', (args, caller) => checkPath('r', args[0], caller));
}

/**
 * Turns the model on (--experimental-permission): reads the grants, installs the checks and
 * process.permission, and warns as Node does.
 */
function setup(getOptionValue) {
  for (const [flag, table] of [['--allow-fs-read', grants.read], ['--allow-fs-write', grants.write]]) {
    const specs = getOptionValue(flag);
    for (let i = 0; i < specs.length; i++) {
      // Node 20.20 takes a value with a comma as one path, and says the list form is gone.
      if (specs[i].includes(',')) {
        process.emitWarning(`The ${flag} CLI flag has changed. Passing a comma-separated list of ` +
          'paths is no longer valid. Documentation can be found at ' +
          'https://nodejs.org/api/permissions.html#file-system-permissions', 'Warning');
      }
      grant(table, specs[i]);
    }
  }
  grants.child = Boolean(getOptionValue('--allow-child-process'));
  grants.worker = Boolean(getOptionValue('--allow-worker'));
  state.enabled = true;
  wrapFs(binding.fs);
  Object.defineProperty(process, 'permission', {
    __proto__: null,
    value: { has },
    enumerable: true,
    configurable: false,
    writable: false,
  });
  process.emitWarning('Permission is an experimental feature and might change at any time',
    'ExperimentalWarning');
  for (const flag of ['--allow-child-process', '--allow-worker']) {
    if (getOptionValue(flag)) {
      process.emitWarning(`The flag ${flag} must be used with extreme caution. ` +
        'It could invalidate the permission model.', 'SecurityWarning');
    }
  }
}

/** Runs `fn` without the fs checks: walks Node does not check (fs.realpathSync). */
function unchecked(fn) {
  state.unchecked++;
  try {
    return fn();
  } finally {
    state.unchecked--;
  }
}

/** Throws ERR_ACCESS_DENIED unless `path` (a validated fs path) may be read. */
function checkRead(path, caller) {
  checkPath('r', path, caller);
}

module.exports = {
  state, setup, has, checkRead, checkChildProcess, checkWorker, checkInspector, unchecked,
};
