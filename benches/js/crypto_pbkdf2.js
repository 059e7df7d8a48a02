// pbkdf2(sha256, 100k iterations, 32 bytes) x8 in flight on the worker pool, as a server hashing
// several passwords at once does.
const crypto = require('crypto');

let left = 8;
for (let i = 0; i < 8; i++) {
  crypto.pbkdf2(`password${i}`, 'salt', 100000, 32, 'sha256', (err, key) => {
    if (err || key.length !== 32) throw err ?? new Error('unreachable');
    left--;
  });
}
process.on('exit', () => {
  if (left !== 0) throw new Error('unreachable');
});
