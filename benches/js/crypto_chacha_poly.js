// chacha20-poly1305 over 256 MiB: 1 MiB updates through createCipheriv, then the tag.
const crypto = require('crypto');

const chunk = Buffer.alloc(1 << 20);
for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
const cipher = crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32, 7), Buffer.alloc(12, 9),
                                     { authTagLength: 16 });
let total = 0;
for (let i = 0; i < 256; i++) total += cipher.update(chunk).length;
cipher.final();
if (total !== 256 << 20 || cipher.getAuthTag().length !== 16) throw new Error('unreachable');
