'use strict';
// node:repl - read-eval-print loops over any pair of streams. The server lives in
// internal/repl/server; evaluation, completion, the dot-commands and history in the other
// files of internal/repl. The standalone REPL that `eddy` starts (the banner, the global
// context, history and exit) is started by the bootstrap (internal/repl/history).

const { REPLServer, writer } = require('internal/repl/server');
const { REPL_MODE_SLOPPY, REPL_MODE_STRICT, Recoverable } = require('internal/repl/eval');

const builtinModules = require('module').builtinModules.filter((name) => !name.startsWith('_'));

function start(...args) {
  return new REPLServer(...args);
}

let builtinLibsWarned = false;
const pendingDeprecation = () => require('internal/options').getOptionValue('--pending-deprecation');

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules,
};

// repl._builtinLibs: the old name of builtinModules (DEP0142).
Object.defineProperty(module.exports, '_builtinLibs', {
  __proto__: null,
  get() {
    if (!builtinLibsWarned && pendingDeprecation()) {
      builtinLibsWarned = true;
      process.emitWarning('repl._builtinLibs is deprecated. Check module.builtinModules instead',
        'DeprecationWarning', 'DEP0142');
    }
    return builtinModules;
  },
  set(value) {
    Object.defineProperty(module.exports, '_builtinLibs', {
      __proto__: null, value, writable: true, enumerable: true, configurable: true,
    });
  },
  enumerable: false,
  configurable: true,
});
