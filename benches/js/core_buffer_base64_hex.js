// Buffer base64 and hex round trips: 1 KiB x 10k and 1 MiB x 10.
const { Buffer } = require('buffer');
const small = Buffer.alloc(1024, 7);
const big = Buffer.alloc(1024 * 1024, 9);
let n = 0;
for (let i = 0; i < 10000; i++) {
  n += Buffer.from(small.toString('base64'), 'base64').length;
  n += Buffer.from(small.toString('hex'), 'hex').length;
}
for (let i = 0; i < 10; i++) {
  n += Buffer.from(big.toString('base64'), 'base64').length;
  n += Buffer.from(big.toString('hex'), 'hex').length;
}
if (n === 0) throw new Error('unreachable');
