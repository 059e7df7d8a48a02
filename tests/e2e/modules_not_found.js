// MODULE_NOT_FOUND with requireStack, uncaught: Node's report.
try {
  require('./modules/cjs/requires-missing');
} catch (e) {
  console.log(e.code, e.requireStack.map((p) => p.replace(__dirname, '$D')));
}
require('definitely-not-installed');
