'use strict';
// PLACEHOLDER
module.exports = globalThis.console;
