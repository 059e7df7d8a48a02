'use strict';
// Makes the Ed448/X448 fixtures for the crypto_ed448 golden with node (run once with
// `node gen448.js` here; the outputs are committed): key pairs, Node's signatures over a few
// messages, and a self-signed Ed448 certificate made by the openssl command line tool.
const crypto = require('crypto');
const fs = require('fs');
const { execFileSync } = require('child_process');

const w = (name, data) => fs.writeFileSync(name, data);
const pairs = {
  ed448: crypto.generateKeyPairSync('ed448'),
  x448: crypto.generateKeyPairSync('x448'),
  x448b: crypto.generateKeyPairSync('x448'),
};
for (const [name, { publicKey, privateKey }] of Object.entries(pairs)) {
  w(`${name}_private.pem`, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  w(`${name}_public.pem`, publicKey.export({ type: 'spki', format: 'pem' }));
}
const messages = {
  fox: Buffer.from('The quick brown fox jumps over the lazy dog'),
  empty: Buffer.alloc(0),
  big: Buffer.alloc(100000, 'abc'),
};
const sigs = {};
for (const [name, msg] of Object.entries(messages)) {
  sigs[name] = crypto.sign(null, msg, pairs.ed448.privateKey).toString('base64');
}
w('ed448_signatures.json', `${JSON.stringify(sigs, null, 2)}\n`);
execFileSync('openssl', ['req', '-x509', '-new', '-key', 'ed448_private.pem', '-subj',
                         '/CN=ed448.example', '-days', '36500', '-out', 'ed448_cert.pem']);
