// Buffer utf8 encode + decode: 1 KiB x 20k and 1 MiB x 20.
const { Buffer } = require('buffer');
const small = 'héllo wörld '.repeat(85).slice(0, 1024);
const big = small.repeat(1024);
let n = 0;
for (let i = 0; i < 20000; i++) n += Buffer.from(small, 'utf8').toString('utf8').length;
for (let i = 0; i < 20; i++) n += Buffer.from(big, 'utf8').toString('utf8').length;
if (n === 0) throw new Error('unreachable');
