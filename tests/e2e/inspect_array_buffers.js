const util = require('util');
console.log(util.inspect(new Uint8Array([0, 1, 255, 16]).buffer));
console.log(util.inspect(new ArrayBuffer(0)));
console.log(util.inspect(new ArrayBuffer(120)));
console.log(util.inspect(new ArrayBuffer(10), { maxArrayLength: 4 }));
const b = new ArrayBuffer(2); b.tag = 'x';
console.log(util.inspect(b));
console.log(util.inspect({ buf: new ArrayBuffer(3) }));
