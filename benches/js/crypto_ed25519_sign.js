// Ed25519 sign x20k: crypto.sign(null, message, key) with one KeyObject, a 64-byte message that
// changes each round; the last signature is verified so the work cannot be skipped.
const crypto = require('crypto');

const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const message = Buffer.alloc(64, 1);
let sig;
for (let i = 0; i < 20000; i++) {
  message.writeUInt32LE(i, 0);
  sig = crypto.sign(null, message, privateKey);
}
if (sig.length !== 64 || !crypto.verify(null, message, publicKey, sig)) throw new Error('unreachable');
