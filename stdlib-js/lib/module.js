'use strict';
// node:module - the CommonJS Module class with createRequire, builtinModules and isBuiltin.

module.exports = require('internal/modules/cjs/loader').Module;
