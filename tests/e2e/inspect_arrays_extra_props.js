const util = require('util');
const a = [1, 2, 3]; a.label = 'nums'; a[Symbol('tag')] = true;
console.log(util.inspect(a));
const b = []; b.only = 'prop';
console.log(util.inspect(b));
const c = [1]; c['-1'] = 'neg'; c['1.5'] = 'frac';
console.log(util.inspect(c));
const d = [1, 2, 3, 4, 5, 6, 7, 8]; d.extra = 'x';
console.log(util.inspect(d));
