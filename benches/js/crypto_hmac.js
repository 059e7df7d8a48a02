// createHmac('sha256', key).update(s).digest() x1M: the per-request signing of cookies and
// webhooks; the MACs are folded together so the work cannot be skipped.
const crypto = require('crypto');

const key = Buffer.alloc(32, 5);
let fold = 0;
for (let i = 0; i < 1e6; i++) {
  fold ^= crypto.createHmac('sha256', key).update(`payload-${i}`).digest()[i & 31];
}
if (fold < 0) throw new Error('unreachable');
