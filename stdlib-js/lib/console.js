// console: the public `console` builtin - Node returns the global console object itself
// (which carries `.Console`). Loaded by require('console'); the global is created by
// internal/console's createGlobalConsole via internal/bootstrap/node.
'use strict';

module.exports = globalThis.console;
