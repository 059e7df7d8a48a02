'use strict';
// Signatures against Node's: RSA PKCS#1 v1.5 and Ed25519 are deterministic, so Eddy's own
// signatures are printed; Node's ECDSA (der and ieee-p1363, four curves) and PSS signatures
// (from crypto_keys/gen.js) must verify, and Eddy's must verify both ways. Sign/Verify streams,
// the async one-shot forms, and Node's errors.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'crypto_keys');
const text = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const sigs = JSON.parse(text('signatures.json'));
const sig = (name) => Buffer.from(sigs[name], 'base64');
const msg = Buffer.from('The quick brown fox jumps over the lazy dog');
const other = Buffer.from('The quick brown fox jumps over the lazy cat');
const { RSA_PKCS1_PSS_PADDING, RSA_PSS_SALTLEN_DIGEST, RSA_PSS_SALTLEN_AUTO } = crypto.constants;

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const rsa = crypto.createPrivateKey(text('rsa_private.pem'));
const rsaPub = crypto.createPublicKey(text('rsa_public.pem'));
for (const digest of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5', 'sha3-256',
                      'RSA-SHA256', 'sha512-256', 'ripemd160']) {
  const s = crypto.sign(digest, msg, rsa);
  console.log('rsa', digest, s.toString('base64').slice(0, 40), crypto.verify(digest, msg, rsaPub, s),
              crypto.verify(digest, other, rsaPub, s));
}
const e3 = crypto.createPrivateKey(text('rsa1024e3_private.pem'));
console.log('rsa e=3', crypto.sign('sha256', msg, e3).toString('hex').slice(0, 48));
console.log('rsa default digest', crypto.sign(null, msg, rsa).equals(crypto.sign('sha256', msg, rsa)));
const streamed = crypto.createSign('sha256').update('The quick brown fox ').update(Buffer.from('jumps over the lazy dog')).sign(text('rsa_pkcs1.pem'), 'base64');
console.log('stream', streamed === crypto.sign('sha256', msg, rsa).toString('base64'),
            crypto.createVerify('RSA-SHA256').update(msg).verify(text('rsa_public.pem'), streamed, 'base64'));

const ed = crypto.createPrivateKey(text('ed25519_private.pem'));
const edPub = crypto.createPublicKey(text('ed25519_public.pem'));
const edSig = crypto.sign(null, msg, ed);
console.log('ed25519', edSig.toString('hex'));
console.log('ed25519 verify', crypto.verify(null, msg, edPub, edSig), crypto.verify(undefined, other, edPub, edSig),
            crypto.verify(null, msg, ed, edSig));

// Node's signatures verify; tampered ones do not.
for (const [name, key, digest, opts] of [
  ['ecdsa_p256_der', 'p256', 'sha256', {}],
  ['ecdsa_p256_p1363', 'p256', 'sha256', { dsaEncoding: 'ieee-p1363' }],
  ['ecdsa_p384_sha384', 'p384', 'sha384', {}],
  ['ecdsa_p521_sha512', 'p521', 'sha512', {}],
  ['ecdsa_k256_sha256', 'k256', 'sha256', {}],
  ['pss_rsa_sha256', 'rsa', 'sha256', { padding: RSA_PKCS1_PSS_PADDING }],
  ['pss_rsa_salt_digest', 'rsa', 'sha512', { padding: RSA_PKCS1_PSS_PADDING, saltLength: RSA_PSS_SALTLEN_DIGEST }],
  ['pss_key_sha256', 'pss', 'sha256', {}],
]) {
  const pub = crypto.createPublicKey(text(`${key}_public.pem`));
  const s = sig(name);
  const bad = Buffer.from(s);
  bad[bad.length - 5] ^= 1;
  console.log('node', name, crypto.verify(digest, msg, { key: pub, ...opts }, s),
              crypto.verify(digest, other, { key: pub, ...opts }, s),
              crypto.verify(digest, msg, { key: pub, ...opts }, bad));
  // And Eddy's own signature with the same options verifies with the public key.
  const priv = crypto.createPrivateKey(text(`${key}_private.pem`));
  const mine = crypto.sign(digest, msg, { key: priv, ...opts });
  console.log('self', name, crypto.verify(digest, msg, { key: pub, ...opts }, mine),
              opts.dsaEncoding ? mine.length : '');
}
const pssSalt = crypto.sign('sha256', msg, { key: rsa, padding: RSA_PKCS1_PSS_PADDING, saltLength: 10 });
console.log('pss salt 10', crypto.verify('sha256', msg, { key: rsaPub, padding: RSA_PKCS1_PSS_PADDING, saltLength: 10 }, pssSalt),
            crypto.verify('sha256', msg, { key: rsaPub, padding: RSA_PKCS1_PSS_PADDING, saltLength: 11 }, pssSalt),
            crypto.verify('sha256', msg, { key: rsaPub, padding: RSA_PKCS1_PSS_PADDING, saltLength: RSA_PSS_SALTLEN_AUTO }, pssSalt));
console.log('pss key details', crypto.createPrivateKey(text('pss_private.pem')).asymmetricKeyDetails);

// Async forms run on the pool.
crypto.sign('sha256', msg, rsa, (err, s) => {
  console.log('async sign', err, s.equals(crypto.sign('sha256', msg, rsa)));
  crypto.verify('sha256', msg, rsaPub, s, (err2, ok) => console.log('async verify', err2, ok));
});
attempt('async bad key throws at once', () => crypto.sign('sha256', msg, 'x', () => {}));

// Errors.
attempt('public key signs', () => crypto.sign('sha256', msg, rsaPub));
attempt('bad digest', () => crypto.sign('sha8', msg, rsa));
attempt('createSign bad digest', () => crypto.createSign('sha8'));
attempt('no key', () => crypto.createSign('sha256').sign());
attempt('ed25519 digest', () => crypto.sign('sha256', msg, ed));
attempt('ed25519 stream', () => crypto.createSign('sha256').update(msg).sign(ed));
attempt('x25519 signs', () => crypto.sign(null, msg, crypto.createPrivateKey(text('x25519_private.pem'))));
attempt('bad padding', () => crypto.sign('sha256', msg, { key: rsa, padding: 7 }));
attempt('bad dsaEncoding', () => crypto.sign('sha256', msg, { key: rsa, dsaEncoding: 'foo' }));
attempt('bad saltLength', () => crypto.sign('sha256', msg, { key: rsa, saltLength: 'x' }));
attempt('short signature', () => crypto.verify('sha256', msg, rsaPub, Buffer.alloc(3)));
attempt('ec short signature', () => crypto.verify('sha256', msg, crypto.createPublicKey(text('p256_public.pem')), Buffer.alloc(3)));
attempt('signature type', () => crypto.verify('sha256', msg, rsaPub, 'abc'));
attempt('data type', () => crypto.sign('sha256', 5, rsa));
attempt('update type', () => crypto.createSign('sha256').update(5));
attempt('salt too long', () => crypto.sign('sha256', msg, { key: rsa, padding: RSA_PKCS1_PSS_PADDING, saltLength: 1000 }));
attempt('garbage key', () => crypto.sign('sha256', msg, 'not a key'));
// An RSA-PSS key restricted to SHA-256 (and salts of at least 32 bytes) refuses other digests;
// the salt length is checked first, and a Verify object reports a plain false.
const pss = crypto.createPrivateKey(text('pss_private.pem'));
const pssPub = crypto.createPublicKey(text('pss_public.pem'));
attempt('pss key sha512', () => crypto.sign('sha512', msg, pss));
attempt('pss key stream sha1', () => crypto.createSign('sha1').update(msg).sign(pss));
attempt('pss key short salt first', () => crypto.createSign('sha1').update(msg).sign({ key: pss, saltLength: 8 }));
attempt('pss key verify sha512', () => crypto.verify('sha512', msg, pssPub, Buffer.alloc(256)));
attempt('pss key Verify sha1', () => crypto.createVerify('sha1').update(msg).verify(pssPub, Buffer.alloc(256)));
