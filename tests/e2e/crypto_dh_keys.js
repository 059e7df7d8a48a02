'use strict';
// Finite-field Diffie-Hellman KeyObjects: generateKeyPair('dh') from a MODP group, a prime or a
// prime length; PKCS#8/SPKI round trips; crypto.diffieHellman() between them; Node's errors.

const c = require('crypto');
for (const o of [{ primeLength: 2 }, { primeLength: 1 }, { prime: Buffer.from([23]) }, { group: 'modp1' }, { group: 'modp0' }, {}]) {
  try {
    const k = c.generateKeyPairSync('dh', o);
    console.log(k.publicKey.asymmetricKeyType, k.publicKey.asymmetricKeyDetails, k.privateKey.asymmetricKeyDetails,
                k.privateKey.export({ type: 'pkcs8', format: 'der' }).length > 100);
  } catch (e) { console.log(e.message, e.code); }
}
const a = c.generateKeyPairSync('dh', { group: 'modp5' });
const b = c.generateKeyPairSync('dh', { group: 'modp5' });
const s1 = c.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
const s2 = c.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey });
console.log(s1.length, s1.equals(s2));
const pem = a.privateKey.export({ type: 'pkcs8', format: 'pem' });
console.log(c.createPrivateKey(pem).equals(a.privateKey), c.createPublicKey(pem).equals(a.publicKey));
console.log(c.createPublicKey({ key: a.publicKey.export({ type: 'spki', format: 'der' }), format: 'der', type: 'spki' }).equals(a.publicKey));
const m = c.generateKeyPairSync('dh', { group: 'modp14' });
try { c.diffieHellman({ privateKey: a.privateKey, publicKey: m.publicKey }); } catch (e) { console.log(e.message, e.code); }
try { a.publicKey.export({ format: 'jwk' }); } catch (e) { console.log(e.message, e.code); }
try { c.sign('sha256', Buffer.from('x'), a.privateKey); } catch (e) { console.log(e.message, e.code); }
const e = c.generateKeyPairSync('x25519');
try { c.diffieHellman({ privateKey: a.privateKey, publicKey: e.publicKey }); } catch (err) { console.log(err.message, err.code); }
const jwkless = c.diffieHellman({ privateKey: a.privateKey, publicKey: c.createPublicKey({ key: a.publicKey.export({ type: 'spki', format: 'pem' }) }) });
console.log(jwkless.length);
c.generateKeyPair('dh', { primeLength: 512 }, (err, pub, priv) => console.log('async', err, pub.asymmetricKeyType, priv.type));
