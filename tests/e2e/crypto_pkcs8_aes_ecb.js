'use strict';
// PKCS#8 private keys encrypted with PBES2 and AES in ECB mode (cipher 'aes-128-ecb' ...):
// written, then read back with the passphrase. (A wrong one is not tried: about one time in
// 256 it unpads cleanly and fails later, with another message, in Node as in Eddy.)
const crypto = require('crypto');

for (const cipher of ['aes-128-ecb', 'aes-192-ecb', 'aes-256-ecb']) {
  for (const format of ['pem', 'der']) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format, cipher, passphrase: 'secret' },
    });
    if (format === 'pem') console.log(privateKey.split('\n')[0]);
    const key = crypto.createPrivateKey({ key: privateKey, format, type: 'pkcs8', passphrase: 'secret' });
    const signature = crypto.sign('sha256', Buffer.from('data'), key);
    console.log(cipher, format, key.asymmetricKeyType,
      crypto.verify('sha256', Buffer.from('data'), publicKey, signature));
  }
}
