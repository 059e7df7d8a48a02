// aes-256-gcm over 256 MiB, streamed: a Readable pushes 1 MiB chunks through createCipheriv;
// the tag is read at the end so the whole stream has been authenticated.
const crypto = require('crypto');
const { Readable, Writable } = require('stream');

const chunk = Buffer.alloc(1 << 20);
for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
let left = 256;
const source = new Readable({
  read() { this.push(left-- > 0 ? chunk : null); },
});
const key = Buffer.alloc(32, 7);
const iv = Buffer.alloc(12, 9);
const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
let total = 0;
const sink = new Writable({
  write(data, encoding, callback) {
    total += data.length;
    callback();
  },
});
source.pipe(cipher).pipe(sink).on('finish', () => {
  if (total !== 256 << 20 || cipher.getAuthTag().length !== 16) throw new Error('unreachable');
});
