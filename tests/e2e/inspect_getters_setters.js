const util = require('util');
const o = {
  get onlyGet() { return 1; },
  set onlySet(v) {},
  get both() { return 2; },
  set both(v) {},
  plain: 3,
};
console.log(util.inspect(o));
class C { get proto() { return 1; } }
console.log(util.inspect(new C()));
const d = {}; Object.defineProperty(d, 'x', { get() { return 5; }, enumerable: true });
console.log(util.inspect(d));
