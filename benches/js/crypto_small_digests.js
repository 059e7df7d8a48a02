// md5 and sha1 of 1M short strings each: createHash(alg).update(s).digest('hex'), the pattern of
// cache keys and ETags; the digests are folded together so the work cannot be skipped.
const crypto = require('crypto');

let fold = 0;
for (const alg of ['md5', 'sha1']) {
  for (let i = 0; i < 1e6; i++) {
    const hex = crypto.createHash(alg).update(`user:${i}:session`).digest('hex');
    fold ^= hex.charCodeAt(i & 31);
  }
}
if (fold < 0) throw new Error('unreachable');
