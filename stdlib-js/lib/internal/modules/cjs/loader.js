'use strict';
// The CommonJS loader: `Module`, `require`, resolution (relative, absolute, node_modules,
// package.json "main") and the per-file wrapper. Loaded by internal/bootstrap/node, which
// hands it the builtin loader. Files are compiled natively (binding.runtime.compileFunction)
// with the wrapper parameters below, so stack frames read "Object.<anonymous> (file:line:col)".
// The module-system issue grows this into exports/imports maps, ESM and TypeScript.

const path = require('path');
const { codes } = require('internal/errors');

const fsb = binding.fs;
const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

let requireBuiltin;

function setBuiltinLoader(loader) {
  requireBuiltin = loader;
}

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  const name = id.startsWith('node:') ? id.slice(5) : id;
  return requireBuiltin.ids.includes(name);
}

// ===== Module =====

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  Object.defineProperty(this, 'parent', {
    value: parent, writable: true, enumerable: false, configurable: true,
  });
  if (parent && parent.children) parent.children.push(this);
}

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.wrapper = [`(function (${WRAPPER_PARAMS.join(', ')}) { `, '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
Module.builtinModules = null; // filled in lazily below
Module.isBuiltin = isBuiltin;
Module.Module = Module;

Module._nodeModulePaths = function (from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(`${dir}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
};

Module._resolveLookupPaths = function (request, parent) {
  if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
    return [parent && parent.filename ? path.dirname(parent.filename) : process.cwd()];
  }
  const paths = parent && parent.paths && parent.paths.length > 0
    ? parent.paths.slice()
    : Module._nodeModulePaths(process.cwd());
  const nodePath = process.env.NODE_PATH;
  if (nodePath) {
    for (const p of nodePath.split(':')) if (p) paths.push(path.resolve(p));
  }
  return paths;
};

function stat(p) {
  return fsb.internalModuleStat(p);
}

const extensions = () => Object.keys(Module._extensions);

function tryFile(p) {
  return stat(p) === 0 ? toRealPath(p) : false;
}

function toRealPath(p) {
  try {
    return fsb.realpath(p);
  } catch {
    return p;
  }
}

function tryExtensions(base) {
  for (const ext of extensions()) {
    const found = tryFile(base + ext);
    if (found) return found;
  }
  return false;
}

function readPackageMain(dir) {
  const jsonPath = path.join(dir, 'package.json');
  if (stat(jsonPath) !== 0) return undefined;
  let pkg;
  try {
    pkg = JSON.parse(fsb.readFileUtf8(jsonPath));
  } catch (err) {
    err.path = jsonPath;
    err.message = `Error parsing ${jsonPath}: ${err.message}`;
    throw err;
  }
  return typeof pkg.main === 'string' ? pkg.main : undefined;
}

function tryPackage(dir) {
  const main = readPackageMain(dir);
  if (main) {
    const base = path.resolve(dir, main);
    const found = tryFile(base) || tryExtensions(base) || tryExtensions(path.join(base, 'index'));
    if (found) return found;
  }
  return tryExtensions(path.join(dir, 'index'));
}

function resolveAt(base, trailingSlash) {
  if (!trailingSlash) {
    const found = tryFile(base) || tryExtensions(base);
    if (found) return found;
  }
  if (stat(base) === 1) return tryPackage(base);
  return false;
}

Module._findPath = function (request, paths) {
  const absolute = path.isAbsolute(request);
  const trailingSlash = request.length > 0 && request.endsWith('/');
  const searchPaths = absolute ? [''] : paths;
  for (const dir of searchPaths) {
    const base = absolute ? path.resolve(request) : path.resolve(dir, request);
    const found = resolveAt(base, trailingSlash);
    if (found) return found;
  }
  return false;
};

Module._resolveFilename = function (request, parent, isMain) {
  if (typeof request !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
  }
  if (isBuiltin(request)) return request;
  if (request.startsWith('node:')) {
    throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
  }
  const paths = Module._resolveLookupPaths(request, parent);
  const found = Module._findPath(request, paths, isMain);
  if (found) return found;
  const requireStack = [];
  for (let m = parent; m; m = m.parent) requireStack.push(m.filename || m.id);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function (request, parent, isMain) {
  if (isBuiltin(request)) {
    return requireBuiltin(request.startsWith('node:') ? request.slice(5) : request);
  }
  if (request.startsWith('node:')) {
    throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) {
      parent.children.push(cached);
    }
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    mainModule = module;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    // try/finally (no catch) keeps V8's message for the throw site, so the uncaught-error
    // arrow still points into the user's file.
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
};

Module.prototype.load = function (filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = path.extname(filename);
  if (!(ext in Module._extensions)) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function (id) {
  if (typeof id !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  return Module._load(id, this, false);
};

function stripShebang(source) {
  // "#!" becomes "//" so line and column numbers stay the same.
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

Module.prototype._compile = function (content, filename) {
  const fn = binding.runtime.compileFunction(stripShebang(content), filename, WRAPPER_PARAMS);
  const require = makeRequire(this);
  return Reflect.apply(fn, this.exports,
    [this.exports, require, this, filename, path.dirname(filename)]);
};

Module._extensions['.js'] = function (module, filename) {
  let content = fsb.readFileUtf8(filename);
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  module._compile(content, filename);
};

Module._extensions['.json'] = function (module, filename) {
  let content = fsb.readFileUtf8(filename);
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  try {
    module.exports = JSON.parse(content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function (module, filename) {
  const err = new Error(`Cannot load native addon '${filename}': native addons are not supported by Eddy`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

let mainModule;

function makeRequire(mod) {
  function require(id) {
    return mod.require(id);
  }
  function resolve(request, options) {
    if (typeof request !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    if (options && Array.isArray(options.paths)) {
      if (isBuiltin(request)) return request;
      const lookup = [];
      for (const p of options.paths) {
        lookup.push(path.resolve(p));
        lookup.push(...Module._nodeModulePaths(p));
      }
      const relative = request.startsWith('./') || request.startsWith('../');
      const found = Module._findPath(request, relative ? options.paths.map((p) => path.resolve(p)) : lookup);
      if (found) return found;
      return Module._resolveFilename(request, mod, false);
    }
    return Module._resolveFilename(request, mod, false);
  }
  resolve.paths = function paths(request) {
    if (isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  require.resolve = resolve;
  require.main = mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let file = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    file = filename.pathname;
  } else if (typeof filename === 'string' && filename.startsWith('file://')) {
    file = decodeURIComponent(filename.slice(7));
  }
  if (typeof file !== 'string' || !path.isAbsolute(file)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const m = new Module(file, null);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  return makeRequire(m);
};

Object.defineProperty(Module, 'builtinModules', {
  enumerable: true,
  get() { return requireBuiltin.ids.slice(); },
});

// ===== entry points =====

function runMain(mainPath) {
  const resolved = path.resolve(mainPath);
  Module._load(resolved, null, true);
}

/** `-e` / `-p` / embedders: run `source` as a script with CommonJS globals for the cwd. */
function evalScript(source, name) {
  const filename = path.join(process.cwd(), name);
  const module = new Module(name, undefined);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(process.cwd());
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = makeRequire(module);
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  return binding.runtime.runScript(source, name);
}

module.exports = Module;
module.exports.setBuiltinLoader = setBuiltinLoader;
module.exports.runMain = runMain;
module.exports.evalScript = evalScript;
