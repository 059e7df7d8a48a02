const util = require('util');
console.log(util.inspect(new Uint8Array([1, 2, 3])));
console.log(util.inspect(new Int16Array([-1, 300])));
console.log(util.inspect(new Float64Array([1.5, -0, NaN])));
console.log(util.inspect(new BigInt64Array([1n, -2n])));
console.log(util.inspect(new Uint32Array(0)));
console.log(util.inspect(Uint8Array.from({ length: 30 }, (_, i) => i * 8)));
const t = new Uint8Array(2); t.extra = 'x';
console.log(util.inspect(t));
console.log(util.inspect(new Uint8Array([5, 6]), { showHidden: true }));
class MyU8 extends Uint8Array {}
console.log(util.inspect(new MyU8(3)));
