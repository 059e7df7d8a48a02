'use strict';
// Finite-field Diffie-Hellman: the MODP groups with fixed private keys (public keys and shared
// secrets are then fixed), a custom prime and generator, padding of short secrets, verifyError
// flags, and Node's errors.
const crypto = require('crypto');
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 24);

for (const name of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18']) {
  const g = crypto.getDiffieHellman(name);
  console.log(name, g.getPrime().length * 8, sha(g.getPrime()), g.getGenerator('hex'), g.verifyError);
}
const a = crypto.createDiffieHellman(crypto.getDiffieHellman('modp14').getPrime(), 2);
a.setPrivateKey(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'));
const pubA = a.generateKeys();
console.log('pub a', pubA.length, sha(pubA), a.getPrivateKey('hex'));
const b = crypto.createDiffieHellman(a.getPrime('hex'), 'hex', a.getGenerator());
b.setPrivateKey('fedcba9876543210', 'hex');
b.generateKeys();
const s1 = a.computeSecret(b.getPublicKey());
console.log('secret', s1.length, sha(s1), b.computeSecret(pubA.toString('base64'), 'base64', 'hex') === s1.toString('hex'));
const small = crypto.createDiffieHellman(Buffer.from([23]), 5);
console.log('small', small.verifyError, small.getPrime('hex'), small.getGenerator('hex'));
const notPrime = crypto.createDiffieHellman(Buffer.from([12]), 2);
console.log('not prime', notPrime.verifyError);
const generated = crypto.createDiffieHellman(512);
console.log('generated', generated.getPrime().length, generated.verifyError, generated.getGenerator('hex'),
            generated.generateKeys().length <= 64);
// Secrets keep the prime's length (leading zeros stay).
const p = crypto.getDiffieHellman('modp1');
p.generateKeys();
let padded = 0;
for (let i = 2; i < 40; i++) {
  const x = crypto.createDiffieHellman(p.getPrime(), 2);
  x.setPrivateKey(Buffer.from([i]));
  x.generateKeys();
  if (x.computeSecret(p.getPublicKey()).length === 96) padded++;
}
console.log('padded', padded);

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
attempt('unknown group', () => crypto.getDiffieHellman('modp3'));
attempt('size float', () => crypto.createDiffieHellman(13.37));
attempt('size small', () => crypto.createDiffieHellman(256));
attempt('bad generator', () => crypto.createDiffieHellman('abcdef', 1));
attempt('bad generator buffer', () => crypto.createDiffieHellman('abcdef', Buffer.from([0])));
attempt('bad type', () => crypto.createDiffieHellman({}));
attempt('empty prime', () => crypto.createDiffieHellman(Buffer.alloc(0)));
attempt('no public', () => crypto.createDiffieHellman(p.getPrime()).getPublicKey());
attempt('no private', () => crypto.createDiffieHellman(p.getPrime()).getPrivateKey());
attempt('compute first', () => crypto.createDiffieHellman(p.getPrime()).computeSecret(Buffer.from([5])));
attempt('key too small', () => a.computeSecret(Buffer.from([1])));
attempt('key too large', () => { const q = Buffer.from(a.getPrime()); q[q.length - 1] -= 1; return a.computeSecret(q); });
attempt('group has no setters', () => typeof crypto.getDiffieHellman('modp1').setPrivateKey);
