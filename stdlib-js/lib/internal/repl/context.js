'use strict';
// internal/repl/context: the global scope a REPL's entries run in. With `useGlobal` it is the
// real global object; otherwise a new vm context that gets this realm's additions (timers,
// process, Buffer, ...), its own console on the REPL's output, and `global` pointing at itself.
// Either way it gets a `module` and `require` of its own (a module named `<repl>` resolving from
// the working directory) and the built-in modules as lazy globals (`fs`, `http`, ...).

const path = require('path');
const vm = require('vm');
const { codes } = require('internal/errors');

// The lookup paths of the REPL's `require`: as for a module named `repl` in the directory the
// REPL was loaded from.
let Module;
let replModulePaths;
function moduleClass() {
  if (Module === undefined) {
    Module = require('module');
    let where;
    try {
      where = path.resolve('repl');
    } catch {
      // The working directory is gone: the executable's directory stands in, as in Node.
      where = path.resolve(path.dirname(process.execPath), 'repl');
    }
    replModulePaths = Module._nodeModulePaths(where);
  }
  return Module;
}

function makeRequire(mod) {
  const M = moduleClass();
  const require = function require(id) {
    return mod.require(id);
  };
  const resolve = function resolve(request, options) {
    if (typeof request !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    return M._resolveFilename(request, mod, false, options);
  };
  resolve.paths = function paths(request) {
    if (typeof request !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    return M._resolveLookupPaths(request, mod);
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = M._extensions;
  require.cache = M._cache;
  return require;
}

/** Built-in modules as lazy, non-enumerable properties of `object` (`fs`, `http`, ...). */
function addBuiltinLibsToObject(object) {
  const M = moduleClass();
  const loader = new M('<REPL>');
  for (const name of M.builtinModules) {
    if (name.startsWith('_') || name.includes('/') ||
        Object.prototype.hasOwnProperty.call(object, name)) {
      continue;
    }
    const setReal = (value) => {
      delete object[name];
      object[name] = value;
    };
    Object.defineProperty(object, name, {
      __proto__: null,
      get() {
        const lib = loader.require(name);
        try {
          Object.defineProperty(object, name, {
            __proto__: null, get: () => lib, set: setReal, configurable: true, enumerable: false,
          });
        } catch {
          // no longer configurable: leave it
        }
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }
}

/** A fresh context for `repl` (a REPLServer). */
function createContext(repl) {
  let context;
  if (repl.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // What this realm adds to a fresh global (timers, process, Buffer, ...), then `global`.
    const builtins = new Set(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)'));
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (builtins.has(name) || name === 'global') continue;
      Object.defineProperty(context, name, {
        __proto__: null, ...Object.getOwnPropertyDescriptor(globalThis, name),
      });
    }
    Object.defineProperty(context, 'global', {
      __proto__: null, value: context, writable: true, enumerable: false, configurable: true,
    });
    const { Console } = require('console');
    context.console = new Console(repl.output);
  }
  const M = moduleClass();
  const replModule = new M('<repl>');
  replModule.paths = [...replModulePaths, ...M.globalPaths];
  Object.defineProperty(context, 'module', {
    __proto__: null, configurable: true, writable: true, value: replModule,
  });
  Object.defineProperty(context, 'require', {
    __proto__: null, configurable: true, writable: true, value: makeRequire(replModule),
  });
  addBuiltinLibsToObject(context);
  return context;
}

module.exports = { createContext };
