'use strict';
// node:sys - the deprecated alias of node:util (DEP0025).

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
