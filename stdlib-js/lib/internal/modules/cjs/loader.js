'use strict';
// The CommonJS loader: `Module`, `require`, resolution (relative, absolute, node_modules with
// NODE_PATH, package.json "main", and through internal/modules/esm/resolve "exports",
// "imports" and self-reference), caching, cycles and the per-file wrapper. Loaded by
// internal/bootstrap/node, which hands it the builtin loader and the ES module loader (for
// require() of ES modules and for .js files whose syntax says they are ES modules). Files are
// compiled natively (binding.runtime.compileFunction) with the wrapper parameters below, so
// stack frames read "Object.<anonymous> (file:line:col)".

const path = require('path');
const { codes } = require('internal/errors');
const pjr = require('internal/modules/esm/resolve');

const fsb = binding.fs;
const WRAPPER_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

let requireBuiltin;

let esmLoader;

function setBuiltinLoader(loader) {
  requireBuiltin = loader;
  pjr.setBuiltinIds(loader.ids);
  Module._initPaths();
}

/** The ES module loader, for require(esm) and syntax detection (set by the bootstrap). */
function setESMLoader(loader) {
  esmLoader = loader;
}

function isBuiltin(id) {
  return typeof id === 'string' && builtinId(id) !== undefined;
}

// Builtins reachable only with the `node:` prefix (a package named "test" stays loadable).
const schemeOnly = new Set(['test', 'test/reporters']);

/** The builtin id `request` names (with or without `node:`), or undefined. */
function builtinId(request) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    return requireBuiltin.ids.includes(id) ? id : undefined;
  }
  return requireBuiltin.ids.includes(request) && !schemeOnly.has(request) ? request : undefined;
}

// ===== Module =====

const kIsMainSymbol = Symbol('kIsMainSymbol');
const kIsCachedByESMLoader = Symbol('kIsCachedByESMLoader');
const kIsExecuting = Symbol('kIsExecuting');
const kModuleParent = Symbol('kModuleParent');

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (Array.isArray(children) && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  if (policy !== null) policyPrototype(this);
  this.id = id;
  this.path = path.dirname(id);
  // Defined, not assigned: a setter user code put on Object.prototype must not run.
  Object.defineProperty(this, 'exports', {
    __proto__: null, value: {}, writable: true, configurable: true, enumerable: true,
  });
  // Not enumerable: util.inspect(module) shows no parent, as in Node.
  Object.defineProperty(this, kModuleParent, {
    __proto__: null, value: parent, writable: true, configurable: true, enumerable: false,
  });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

// `parent` is an accessor (deprecated in Node, but widely read).
let parentWarned = false;
Object.defineProperty(Module.prototype, 'parent', {
  get() {
    // Deprecated (DEP0144); Node warns only under --pending-deprecation.
    if (!parentWarned && require('internal/options').getOptionValue('--pending-deprecation')) {
      parentWarned = true;
      process.emitWarning('module.parent is deprecated due to accuracy issues. Please use require.main to find program entry point instead.',
        'DeprecationWarning', 'DEP0144');
    }
    return this[kModuleParent];
  },
  set(value) {
    if (!parentWarned && require('internal/options').getOptionValue('--pending-deprecation')) {
      parentWarned = true;
      process.emitWarning('module.parent is deprecated due to accuracy issues. Please use require.main to find program entry point instead.',
        'DeprecationWarning', 'DEP0144');
    }
    this[kModuleParent] = value;
  },
  enumerable: false,
  configurable: true,
});

// An accessor, as in Node, so util.inspect(module) prints a plain object.
Object.defineProperty(Module.prototype, 'constructor', {
  get() { return Module; },
  configurable: false,
  enumerable: false,
});

// True while the -r/--require modules load, for every module (Node's getter on the prototype).
let preloading = false;
Object.defineProperty(Module.prototype, 'isPreloading', {
  __proto__: null, configurable: false, enumerable: false, get() { return preloading; },
});

Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
const defaultWrapper = [`(function (${WRAPPER_PARAMS.join(', ')}) { `, '\n});'];
let wrapper = defaultWrapper.slice();
let wrap = (script) => wrapper[0] + script + wrapper[1];
// Set once either is replaced: files are then compiled through the user's wrap(). (Editing
// the array in place, `Module.wrapper[0] += '...'`, counts too: see isWrapPatched.)
let wrapPatched = false;
function isWrapPatched() {
  return wrapPatched || wrapper[0] !== defaultWrapper[0] || wrapper[1] !== defaultWrapper[1];
}
// Accessors (not enumerable), as in Node: code that patches them is detected there.
Object.defineProperties(Module, {
  wrapper: {
    __proto__: null, configurable: true, get: () => wrapper,
    set: (value) => {
      wrapper = value;
      wrapPatched = true;
    },
  },
  wrap: {
    __proto__: null, configurable: true, get: () => wrap,
    set: (value) => {
      wrap = value;
      wrapPatched = true;
    },
  },
});
Module._debug = function _debug() {};
Module.isBuiltin = isBuiltin;
Module.Module = Module;

/** Fills Module.globalPaths from NODE_PATH, ~/.node_modules, ~/.node_libraries and <prefix>/lib/node. */
Module._initPaths = function () {
  const home = process.env.HOME;
  const prefix = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefix, 'lib', 'node')];
  if (home) paths.unshift(path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'));
  const nodePath = process.env.NODE_PATH;
  if (nodePath) paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  Module.globalPaths = paths;
};

Module._nodeModulePaths = function (from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  let end = from.length;
  // Walk the segments from the right; a folder already named node_modules adds nothing.
  for (let i = from.length - 1; i >= -1; i--) {
    if (i === -1 || from.charCodeAt(i) === 47 /* / */) {
      const segment = from.slice(i + 1, end);
      if (segment !== 'node_modules' && i + 1 < end) {
        paths.push(`${from.slice(0, end)}/node_modules`);
      }
      end = i;
    }
  }
  paths.push('/node_modules');
  return paths;
};

function isRelativeRequest(request) {
  return request === '.' || request === '..' || request.startsWith('./') ||
    request.startsWith('../');
}

Module._resolveLookupPaths = function (request, parent) {
  if (builtinId(request) !== undefined) return null;
  if (request[0] !== '.' ||
      (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    const globals = Module.globalPaths;
    const paths = parent && parent.paths && parent.paths.length > 0
      ? parent.paths.concat(globals) : globals;
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function stat(p) {
  return fsb.internalModuleStat(p);
}

/** Module._stat: 0 for a file, 1 for a directory, a negative errno otherwise. Not enumerable,
 * as in Node (Object.keys(Module) does not list it). */
let moduleStat = function _stat(filename) {
  return stat(`${filename}`);
};
// A program may replace it (a virtual file system): resolution then asks the replacement.
let statOverridden = false;
Object.defineProperty(Module, '_stat', {
  __proto__: null,
  configurable: true,
  get() { return moduleStat; },
  set(fn) {
    process.emitWarning('Module._stat is an experimental feature and might change at any time',
      'ExperimentalWarning');
    moduleStat = fn;
    statOverridden = true;
  },
});

function statFor(p) {
  return statOverridden ? moduleStat(p) : stat(p);
}

// Node's loader reads and resolves files through the public fs.readFileSync and
// fs.realpathSync, so a program that patches them (a virtual file system) is honoured. The
// native calls stay the path taken while those functions are the originals.
let publicFs;
let originalReadFileSync;
let originalRealpathSync;
function fsModule() {
  if (publicFs === undefined) {
    publicFs = requireBuiltin('fs');
    originalReadFileSync = publicFs.readFileSync;
    originalRealpathSync = publicFs.realpathSync;
  }
  return publicFs;
}

function readSource(filename) {
  if (policy !== null) {
    // The bytes the policy checks are the bytes that run.
    const bytes = fsb.readFileSync(filename);
    policy.assertFileIntegrity(filename, bytes);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  const fs = fsModule();
  if (fs.readFileSync !== originalReadFileSync) return `${fs.readFileSync(filename, 'utf8')}`;
  return fsb.readFileUtf8(filename);
}

const realpathCache = new Map();

function toRealPath(p) {
  let real = realpathCache.get(p);
  if (real === undefined) {
    const fs = fsModule();
    if (fs.realpathSync !== originalRealpathSync) return fs.realpathSync(p);
    try {
      real = fsb.realpath(p);
    } catch {
      real = p;
    }
    realpathCache.set(p, real);
  }
  return real;
}

// --preserve-symlinks (or NODE_PRESERVE_SYMLINKS=1): modules keep the path they were found
// at, so a symlinked package resolves its own dependencies from where the link is; the main
// module does so only with --preserve-symlinks-main. Read once, on first resolution.
let preserveSymlinks;
let preserveSymlinksMain;
function keepsLinks(isMain) {
  if (preserveSymlinks === undefined) {
    preserveSymlinks = require('internal/options').getOptionValue('--preserve-symlinks') ||
      process.env.NODE_PRESERVE_SYMLINKS === '1';
    preserveSymlinksMain = require('internal/options').getOptionValue('--preserve-symlinks-main');
  }
  return isMain ? preserveSymlinksMain : preserveSymlinks;
}

function finalPath(p, isMain) {
  return keepsLinks(isMain) ? path.resolve(p) : toRealPath(p);
}

function tryFile(p, isMain) {
  return statFor(p) === 0 ? finalPath(p, isMain) : false;
}

function tryExtensions(base, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const ext = exts[i];
    const found = tryFile(base + ext, isMain);
    if (found) return found;
  }
  return false;
}

function tryPackage(dir, exts, originalRequest, isMain) {
  const jsonPath = path.resolve(dir, 'package.json');
  const pkg = pjr.readPackage(jsonPath);
  const main = pkg && typeof pkg.main === 'string' && pkg.main !== '' ? pkg.main : undefined;
  if (main === undefined) return tryExtensions(path.resolve(dir, 'index'), exts, isMain);
  const filename = path.resolve(dir, main);
  let found = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (found) return found;
  found = tryExtensions(path.resolve(dir, 'index'), exts, isMain);
  if (!found) {
    const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
    err.code = 'MODULE_NOT_FOUND';
    err.path = jsonPath;
    err.requestPath = originalRequest;
    throw err;
  }
  process.emitWarning(`Invalid 'main' field in '${jsonPath}' of '${main}'. Please either fix that or report it to the module author`,
    'DeprecationWarning', 'DEP0128');
  return found;
}

/** Whether a request names a directory ("x/", ".", "..", "x/." or "x/.."). */
function endsLikeDirectory(request) {
  return request.endsWith('/') || request === '.' || request === '..' ||
    request.endsWith('/.') || request.endsWith('/..');
}

Module._findPath = function (request, paths, isMain) {
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = `${request}\x00${paths.join('\x00')}`;
  const cached = Module._pathCache[cacheKey];
  if (cached) return cached;
  const trailingSlash = request.length > 0 && endsLikeDirectory(request);
  // A relative request that stays inside its folder only needs folders that exist.
  const insidePath = !(isRelativeRequest(request) && path.normalize(request).startsWith('..'));
  let exts;
  for (let i = 0; i < paths.length; i++) {
    const dir = paths[i];
    if (insidePath && dir && statFor(dir) < 1) continue;
    if (!absolute) {
      const viaExports = pjr.resolveExports(dir, request,
        keepsLinks(isMain) ? path.resolve : toRealPath);
      if (viaExports) return viaExports;
    }
    const base = path.resolve(dir, request);
    const rc = statFor(base);
    let filename = false;
    if (!trailingSlash) {
      if (rc === 0) filename = finalPath(base, isMain);
      if (!filename) {
        if (exts === undefined) exts = Object.keys(Module._extensions);
        filename = tryExtensions(base, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      if (exts === undefined) exts = Object.keys(Module._extensions);
      filename = tryPackage(base, exts, request, isMain);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

function parentPathOf(parent) {
  if (!parent) return false;
  if (parent.filename) return parent.filename;
  // As a file in the working directory: its package scope is the directory's own package.json.
  if (parent.id === '<repl>' || parent.id === 'internal/preload') {
    return path.join(tryGetCwd(), '<repl>');
  }
  return false;
}

Module._resolveFilename = function (request, parent, isMain, options) {
  if (builtinId(request) !== undefined) return request;
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      if (request.startsWith('./') || request.startsWith('../')) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (const p of options.paths) {
          fakeParent.paths = Module._nodeModulePaths(p);
          for (const lookup of Module._resolveLookupPaths(request, fakeParent)) {
            if (!paths.includes(lookup)) paths.push(lookup);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new codes.ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  if (request[0] === '#' && parent && (parent.filename || parent.id === '<repl>')) {
    const viaImports = pjr.resolveImports(parentPathOf(parent), request, toRealPath);
    if (viaImports) return viaImports;
  }
  const self = pjr.resolveSelf(parentPathOf(parent), request, toRealPath);
  if (self) return self;
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const err = notFound(request, parent);
  throw err;
};

function notFound(request, parent) {
  const requireStack = [];
  for (let m = parent; m; m = m[kModuleParent]) requireStack.push(m.filename || m.id);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  return err;
}

// ===== cycles =====

function warnCircular(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
}

// The prototype of a partial `exports` handed out inside a cycle: reading a property the
// module has not set yet warns, as in Node (its own properties are found before this).
const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  get(target, prop) {
    if (prop in target || prop === '__esModule') return undefined;
    warnCircular(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(target, prop);
    }
    warnCircular(prop);
    return undefined;
  },
});

function exportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' && !binding.types.isProxy(exports) &&
      Object.getPrototypeOf(exports) === Object.prototype && !exports.__esModule) {
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

// ===== loading =====

// "<parent dir>\0<request>" -> filename: a parent folder resolves a request once.
const relativeResolveCache = Object.create(null);

function cachedExports(parent, module) {
  updateChildren(parent, module, true);
  return module.loaded ? module.exports : exportsForCircularRequire(module);
}

Module._load = function (request, parent, isMain) {
  let relKey;
  if (parent) {
    relKey = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relKey];
    if (filename !== undefined) {
      const cached = Module._cache[filename];
      if (cached !== undefined) return cachedExports(parent, cached);
      delete relativeResolveCache[relKey];
    }
  }
  if (request.startsWith('node:')) {
    const id = builtinId(request);
    if (id === undefined) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    return requireBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) return cachedExports(parent, cached);
  const builtin = builtinId(filename);
  if (builtin !== undefined && !filename.startsWith('/')) return requireBuiltin(builtin);
  const module = new Module(filename, parent);
  module[kIsMainSymbol] = isMain === true;
  module[kIsCachedByESMLoader] = false;
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    mainModule = module;
  }
  Module._cache[filename] = module;
  if (parent !== undefined && parent !== null) relativeResolveCache[relKey] = filename;
  let threw = true;
  try {
    module[kIsExecuting] = true;
    module.load(filename);
    threw = false;
  } finally {
    // try/finally (no catch) keeps V8's message for the throw site, so the uncaught-error
    // arrow still points into the user's file.
    module[kIsExecuting] = false;
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        delete relativeResolveCache[relKey];
        const children = parent.children;
        if (Array.isArray(children)) {
          const i = children.indexOf(module);
          if (i !== -1) children.splice(i, 1);
        }
      }
    } else if (module.exports !== null && typeof module.exports === 'object' &&
               !binding.types.isProxy(module.exports) &&
               Object.getPrototypeOf(module.exports) === CircularRequirePrototypeWarningProxy) {
      Object.setPrototypeOf(module.exports, Object.prototype);
    }
  }
  return module.exports;
};

/** The longest registered extension of `filename` (".test.js" before ".js"), else ".js". */
function registeredExtension(filename) {
  const name = path.basename(filename);
  for (let i = name.indexOf('.', 1); i !== -1; i = name.indexOf('.', i + 1)) {
    const ext = name.slice(i);
    if (ext in Module._extensions) return ext;
  }
  return '.js';
}

Module.prototype.load = function (filename) {
  this.filename = filename;
  // Under `--watch`, the parent watches every file its child loads.
  if (process.env.WATCH_REPORT_DEPENDENCIES !== undefined) {
    require('internal/main/watch_mode').report('require', filename);
  }
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  if (filename.endsWith('.mjs') && !('.mjs' in Module._extensions)) {
    loadESM(this, filename);
  } else {
    Module._extensions[registeredExtension(filename)](this, filename);
  }
  this.loaded = true;
};

Module.prototype.require = function (id) {
  if (policy !== null) return policyRequire(this, id);
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

// V8's messages for ES module syntax in a script: a .js file with no package "type" that
// fails to compile as CommonJS for one of these reasons is an ES module (Node 22's detection).
const esmSyntaxMessages = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
const tlaMessages = [
  'await is only valid in async functions and the top level bodies of modules',
  'for await is only valid in async functions and the top level bodies of modules',
];

function isModuleSyntaxError(err) {
  if (!(err instanceof SyntaxError)) return false;
  return esmSyntaxMessages.includes(err.message) || tlaMessages.includes(err.message);
}

/**
 * Whether --inspect-brk waits to pause in the user's first code (this entry); asked once.
 * (internal/inspector/server sets the flag on the binding, so that nothing is loaded here
 * for it, and the entry is called directly otherwise: no extra frame in its stack traces.)
 */
function takeInspectorBreak() {
  if (binding.inspector.breakOnStart !== true) return false;
  binding.inspector.breakOnStart = false;
  return true;
}

// The function compiled by the last successful containsModuleSyntax(), reused by _compile.
let lastCompiled;
let lastCompiledSource;
let lastCompiledFile;

/** Whether `source` fails to compile as CommonJS only because it uses ES module syntax. */
function containsModuleSyntax(source, filename) {
  try {
    lastCompiled = binding.runtime.compileFunction(stripShebang(source), filename, WRAPPER_PARAMS);
    lastCompiledSource = source;
    lastCompiledFile = filename;
    return false;
  } catch (err) {
    return isModuleSyntaxError(err);
  }
}

Module.prototype._compile = function (content, filename, format) {
  const source = stripShebang(content);
  if (format === undefined && esmLoader !== undefined && containsModuleSyntax(source, filename)) {
    loadESM(this, filename);
    return undefined;
  }
  // Compiled outside any try/catch so a syntax error keeps V8's message (the arrow under
  // the user's line). A file the syntax check just compiled is not compiled twice.
  let fn;
  if (isWrapPatched()) {
    fn = binding.runtime.runScript(Module.wrap(source), filename);
  } else if (lastCompiledSource === source && lastCompiledFile === filename) {
    fn = lastCompiled;
  } else {
    fn = binding.runtime.compileFunction(source, filename, WRAPPER_PARAMS);
  }
  lastCompiled = undefined;
  lastCompiledSource = undefined;
  sourceMaps.maybeCacheSourceMap(filename, content);
  const require = makeRequire(this);
  // The loader's own regular expressions leave nothing in RegExp.$1, lastMatch, ... for the
  // module's code: an empty match resets them (Node's loader leaves them empty).
  /(?:)/.exec('');
  const args = [this.exports, require, this, filename, path.dirname(filename)];
  // The main module is where --inspect-brk pauses.
  if (this[kIsMainSymbol] && takeInspectorBreak()) {
    return binding.inspector.callAndPauseOnStart(fn, this.exports, ...args);
  }
  return Reflect.apply(fn, this.exports, args);
};

/** An ES module reached through require(): the main entry runs as ESM, others as require(esm). */
function loadESM(module, filename) {
  if (module[kIsMainSymbol]) {
    esmLoader.runMain(filename);
    return;
  }
  const parent = module[kModuleParent];
  module.exports = esmLoader.requireESM(filename, parent && parent.filename);
}

/** "commonjs", "module" or undefined (no "type" in the package scope) for a .js file. */
function packageTypeOf(filename) {
  const scope = pjr.packageScope(filename);
  const type = scope && scope.data.type;
  return type === 'module' || type === 'commonjs' ? type : undefined;
}

Module._extensions['.js'] = function (module, filename) {
  let format;
  if (filename.endsWith('.cjs')) format = 'commonjs';
  else if (filename.endsWith('.js')) format = packageTypeOf(filename);
  if (format === 'module') {
    loadESM(module, filename);
    return;
  }
  let content = readSource(filename);
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  module._compile(content, filename, format);
};

Module._extensions['.json'] = function (module, filename) {
  let content = readSource(filename);
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  try {
    module.exports = JSON.parse(content);
  } catch (err) {
    err.message = `${filename}: ${pjr.jsonMessage(err)}`;
    throw err;
  }
};

Module._extensions['.node'] = function (module, filename) {
  // A Node-API addon (bindings/src/napi), loaded as Node loads it.
  return process.dlopen(module, path.toNamespacedPath(filename));
};

let mainModule;

// ===== policies (--experimental-policy, internal/policy/manifest) =====

let policy = null;

/** Turns policy checks on: called once the manifest is read, before any user code. */
function setPolicy(manifest) {
  policy = manifest;
}

/**
 * Under a policy each module gets a prototype of its own holding its checked `require`, and no
 * `constructor`: one module cannot borrow another's require, make modules of its own, or
 * reach the loader's internals through them (as in Node).
 */
function policyPrototype(module) {
  const proto = Object.create(Module.prototype, {
    constructor: { __proto__: null, value: undefined, writable: true, configurable: true },
    require: {
      __proto__: null,
      value: function require(id) { return policyRequire(module, id); },
      writable: true, configurable: true,
    },
  });
  Object.setPrototypeOf(module, proto);
}

/** require(id) from `mod`, where its manifest entry allows (or redirects) it. */
function policyRequire(mod, id) {
  if (typeof id !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  const parent = mod instanceof Module ? mod : undefined;
  const filename = parent !== undefined && typeof parent.filename === 'string' ?
    parent.filename : undefined;
  const target = filename === undefined ? true : policy.redirectRequire(filename, id);
  if (target === true) return Module._load(id, parent, false);
  if (target.startsWith('node:')) {
    const builtin = builtinId(target);
    if (builtin === undefined) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(target);
    return requireBuiltin(builtin);
  }
  return Module._load(target, parent, false);
}

function makeRequire(mod) {
  // Under a policy the module's own require is checked, whatever its prototype now holds.
  function require(id) {
    return policy !== null ? policyRequire(mod, id) : mod.require(id);
  }
  function resolve(request, options) {
    if (typeof request !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  function paths(request) {
    if (typeof request !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  require.resolve = resolve;
  // Defined, not assigned (see Module): Object.prototype may carry a `main` setter.
  Object.defineProperty(require, 'main', {
    __proto__: null, value: mainModule, writable: true, configurable: true, enumerable: true,
  });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let file = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    file = esmLoader.fileURLToPath(filename.href);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    file = esmLoader.fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = file.endsWith('/');
  const proxyPath = trailingSlash ? path.join(file, 'noop.js') : file;
  const m = new Module(proxyPath, null);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
};

// Node's is a writable data property holding a frozen array; code that copies Module's statics
// onto a subclass (jest-runtime does) assigns it. The list is only known once the bootstrap has
// run, so the first read turns this accessor into that data property, and a write makes one.
function defineBuiltinModules(target, value) {
  Object.defineProperty(target, 'builtinModules', {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(Module, 'builtinModules', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    const list = Object.freeze(
      requireBuiltin.ids.filter((id) => !id.startsWith('internal/') && !schemeOnly.has(id)));
    defineBuiltinModules(Module, list);
    return list;
  },
  set(value) { defineBuiltinModules(this, value); },
});

/** Node's hook for updating `import { x } from 'fs'` bindings; ours read live exports. */
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
// Source maps of the modules loaded while they are enabled (internal/source_map).
const sourceMaps = require('internal/source_map');
Module.findSourceMap = function findSourceMap(path) { return sourceMaps.findSourceMap(path); };
Module.SourceMap = sourceMaps.SourceMap;

/**
 * `module.register(specifier[, parentURL][, options])`: customization hooks for import (see
 * internal/modules/esm/hooks). `parentURL` (default 'data:') may come in `options` instead.
 */
Module.register = function register(specifier, parentURL, options) {
  if (parentURL !== null && typeof parentURL === 'object' && !(isURL(parentURL))) {
    options = parentURL;
    parentURL = options.parentURL;
  }
  if (typeof specifier !== 'string' && !(isURL(specifier))) {
    throw new codes.ERR_INVALID_ARG_TYPE('specifier', ['string', 'URL'], specifier);
  }
  if (parentURL === undefined) parentURL = 'data:';
  if (typeof parentURL !== 'string' && !(isURL(parentURL))) {
    throw new codes.ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'], parentURL);
  }
  const data = options !== null && typeof options === 'object' ? options.data : undefined;
  return esmLoader.registerHooks(`${specifier}`, `${parentURL}`, data);
};

/** A CommonJS module run from `text` (a load hook's source) instead of its file. */
function compileWithSource(filepath, text) {
  const cached = Module._cache[filepath];
  if (cached !== undefined) return cached.exports;
  const module = new Module(filepath, null);
  module.filename = filepath;
  module.paths = Module._nodeModulePaths(path.dirname(filepath));
  Module._cache[filepath] = module;
  try {
    module._compile(text, filepath);
  } catch (err) {
    delete Module._cache[filepath];
    throw err;
  }
  module.loaded = true;
  return module.exports;
}

function isURL(value) {
  return value !== null && typeof value === 'object' && typeof value.href === 'string' &&
    typeof value.protocol === 'string';
}
Module._preloadModules = function _preloadModules(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(tryGetCwd());
  preloading = true;
  try {
    for (const request of requests) parent.require(request);
  } finally {
    preloading = false;
  }
};

// ===== entry points =====

/** The file `eddy <mainPath>` runs (a directory gives its "main" or index), or undefined. */
function resolveMainPath(mainPath) {
  return Module._findPath(path.resolve(mainPath), null, true) || undefined;
}

function runMain(mainPath) {
  Module._load(resolveMainPath(mainPath) || path.resolve(mainPath), null, true);
}
Module.runMain = runMain;

/**
 * The working directory; when it has been removed, the directory of the executable instead
 * (as Node falls back), so that -e code and preloads still run.
 */
function tryGetCwd() {
  try {
    return process.cwd();
  } catch {
    return path.dirname(process.execPath);
  }
}

/** `-e` / `-p` / embedders: run `source` as a script with CommonJS globals for the cwd. */
function evalScript(source, name) {
  const cwd = tryGetCwd();
  const filename = path.join(cwd, name);
  const module = new Module(name, undefined);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(cwd);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = makeRequire(module);
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  // -e code is where --inspect-brk pauses.
  if (takeInspectorBreak()) {
    return binding.inspector.callAndPauseOnStart(binding.runtime.runScript, binding.runtime,
      source, name);
  }
  return binding.runtime.runScript(source, name);
}

module.exports = {
  Module,
  takeInspectorBreak,
  compileWithSource,
  containsModuleSyntax,
  evalScript,
  packageTypeOf,
  resolveMainPath,
  // The entry points go through Module.runMain, which a --require preload may replace.
  runMain: (mainPath) => Module.runMain(mainPath),
  setBuiltinLoader,
  setESMLoader,
  setPolicy,
};
