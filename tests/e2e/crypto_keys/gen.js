'use strict';
// Makes the key fixtures for the crypto_keys_* / crypto_sign_* goldens with node (run once with
// `node gen.js` here; the outputs are committed). Signatures that are not deterministic (ECDSA,
// PSS) and OAEP ciphertexts are made here too, so the goldens check Eddy against Node's output.
const crypto = require('crypto');
const fs = require('fs');

const w = (name, data) => fs.writeFileSync(name, data);
const msg = Buffer.from('The quick brown fox jumps over the lazy dog');

const pairs = {
  rsa: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  rsa1024e3: crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 3 }),
  pss: crypto.generateKeyPairSync('rsa-pss', { modulusLength: 2048, hashAlgorithm: 'sha256',
                                               mgf1HashAlgorithm: 'sha256', saltLength: 32 }),
  p256: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  p521: crypto.generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  k256: crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' }),
  ed25519: crypto.generateKeyPairSync('ed25519'),
  x25519: crypto.generateKeyPairSync('x25519'),
  x25519b: crypto.generateKeyPairSync('x25519'),
  p256b: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
};
for (const [name, { publicKey, privateKey }] of Object.entries(pairs)) {
  w(`${name}_private.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  w(`${name}_public.pem`, publicKey.export({ type: 'spki', format: 'pem' }));
}
const rsa = pairs.rsa.privateKey;
w('rsa_pkcs1.pem', rsa.export({ type: 'pkcs1', format: 'pem' }));
w('rsa_pkcs1_public.pem', pairs.rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }));
w('rsa_pkcs1_aes256.pem', rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc',
                                       passphrase: 'secret' }));
w('rsa_pkcs8_aes128.pem', rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc',
                                       passphrase: 'secret' }));
w('rsa_pkcs8_des3.der', rsa.export({ type: 'pkcs8', format: 'der', cipher: 'des-ede3-cbc',
                                     passphrase: 'secret' }));
w('p256_sec1.pem', pairs.p256.privateKey.export({ type: 'sec1', format: 'pem' }));
w('p256_sec1_aes.pem', pairs.p256.privateKey.export({ type: 'sec1', format: 'pem',
                                                      cipher: 'aes-128-cbc', passphrase: 'pw' }));

const sigs = {
  ecdsa_p256_der: crypto.sign('sha256', msg, pairs.p256.privateKey),
  ecdsa_p256_p1363: crypto.sign('sha256', msg, { key: pairs.p256.privateKey,
                                                  dsaEncoding: 'ieee-p1363' }),
  ecdsa_p384_sha384: crypto.sign('sha384', msg, pairs.p384.privateKey),
  ecdsa_p521_sha512: crypto.sign('sha512', msg, pairs.p521.privateKey),
  ecdsa_k256_sha256: crypto.sign('sha256', msg, pairs.k256.privateKey),
  pss_rsa_sha256: crypto.sign('sha256', msg, { key: rsa,
                                               padding: crypto.constants.RSA_PKCS1_PSS_PADDING }),
  pss_rsa_salt_digest: crypto.sign('sha512', msg, {
    key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
    saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST }),
  pss_key_sha256: crypto.sign('sha256', msg, pairs.pss.privateKey),
  oaep_sha1: crypto.publicEncrypt(pairs.rsa.publicKey, msg),
  oaep_sha256_label: crypto.publicEncrypt({ key: pairs.rsa.publicKey, oaepHash: 'sha256',
                                            oaepLabel: Buffer.from([0, 1, 2, 0xff]) }, msg),
  pkcs1_encrypted: crypto.publicEncrypt({ key: pairs.rsa.publicKey,
                                          padding: crypto.constants.RSA_PKCS1_PADDING }, msg),
};
w('signatures.json', JSON.stringify(Object.fromEntries(
  Object.entries(sigs).map(([k, v]) => [k, v.toString('base64')])), null, 2) + '\n');
