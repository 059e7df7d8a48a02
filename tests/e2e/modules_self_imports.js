// Self-reference by package name and "imports" (#name) from CommonJS.
const probe = require('./modules/node_modules/selfie/probe.js');
console.log(require('./modules/node_modules/selfie'));
for (const id of ['selfie', 'selfie/feature', 'selfie/missing', '#dep', '#utils/math', '#utils/none',
  '#ext', '#ext-sub/a', '#builtin', '#null', '#bad', '#undefined', '#', '#/x', '#cond-esm']) {
  console.log(id, '->', probe(id).replaceAll(__dirname, '$D'));
}
console.log(require('./modules/node_modules/noself'));
try {
  require('#dep');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
