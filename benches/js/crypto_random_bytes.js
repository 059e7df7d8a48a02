// randomBytes(32) x1M, synchronous: tokens and ids; the bytes are folded together so the work
// cannot be skipped.
const crypto = require('crypto');

let fold = 0;
for (let i = 0; i < 1e6; i++) fold ^= crypto.randomBytes(32)[i & 31];
if (fold < 0) throw new Error('unreachable');
