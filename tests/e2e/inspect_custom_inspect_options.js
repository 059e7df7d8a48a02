const util = require('util');
const probe = {
  [util.inspect.custom](depth, options, inspect) {
    return `depth=${depth} colors=${options.colors} compact=${options.compact} same=${inspect === util.inspect}`;
  },
};
console.log(util.inspect(probe));
console.log(util.inspect({ a: { probe } }));
console.log(util.inspect(probe, { depth: 5, colors: true }));
const delegating = {
  inner: { x: [1, 2, 3] },
  [util.inspect.custom](depth, options, inspect) {
    return 'Wrapped ' + inspect(this.inner, { ...options, depth: options.depth === null ? null : options.depth - 1 });
  },
};
console.log(util.inspect(delegating));
const styled = { [util.inspect.custom](d, o) { return o.stylize('styled', 'special'); } };
console.log(util.inspect(styled), util.inspect(styled, { colors: true }));
const userOpt = { [util.inspect.custom](d, o) { return String(o.myOption); } };
console.log(util.inspect(userOpt, { myOption: 'passed through' }));
