const util = require('util');
const ab = new ArrayBuffer(4);
console.log(util.inspect(new DataView(ab)));
console.log(util.inspect(new DataView(ab, 1, 2)));
console.log(util.inspect({ dv: new DataView(new ArrayBuffer(2)) }));
console.log(util.inspect(new DataView(ab), { depth: 0 }));
