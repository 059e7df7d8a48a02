// sha256 over 256 MiB, streamed: a Readable pushes 1 MiB chunks into createHash('sha256').
const crypto = require('crypto');
const { Readable } = require('stream');

const chunk = Buffer.alloc(1 << 20);
for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
let left = 256;
const source = new Readable({
  read() { this.push(left-- > 0 ? chunk : null); },
});
const hash = crypto.createHash('sha256');
source.pipe(hash).on('finish', () => {
  const digest = hash.read().toString('hex');
  if (digest.length !== 64) throw new Error('unreachable');
});
