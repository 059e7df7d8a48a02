'use strict';
// node:process - the process object itself, for `import process from 'node:process'`.

module.exports = process;
