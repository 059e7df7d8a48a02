// Requires `id` from inside tests/e2e/modules, so node_modules lookups start there.
module.exports = (id) => {
  const m = require(id);
  return typeof m === 'object' && m !== null && 'who' in m ? m.who : m;
};
module.exports.resolve = (id, opts) => require.resolve(id, opts);
module.exports.paths = (id) => require.resolve.paths(id);
module.exports.imp = (id) => import(id);
