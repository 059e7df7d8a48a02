const util = require('util');
console.log(util.inspect(new Date(0)));
console.log(util.inspect(new Date(Date.UTC(2020, 1, 29, 12, 30, 45, 123))));
console.log(util.inspect(new Date(NaN)));
const d = new Date(1e12); d.label = 'x';
console.log(util.inspect(d));
class MyDate extends Date {}
console.log(util.inspect(new MyDate(0)));
console.log(util.inspect({ when: new Date(86400000) }));
