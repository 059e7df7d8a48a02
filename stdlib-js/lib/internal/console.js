'use strict';
// PLACEHOLDER until helper's console lands.
const { formatWithOptions } = require('internal/util/inspect');
function createGlobalConsole(stdout, stderr) {
  const c = {};
  const out = (s) => (...a) => s.write(formatWithOptions({}, ...a) + '\n');
  c.log = c.info = c.debug = out(stdout);
  c.error = c.warn = out(stderr);
  return c;
}
module.exports = { createGlobalConsole, Console: function Console() {} };
