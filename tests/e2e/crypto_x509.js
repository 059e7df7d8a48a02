'use strict';
// crypto.X509Certificate over the TLS fixtures (tests/e2e/tls): fields, fingerprints, PEM and
// DER input, the public key, verify/checkIssued/checkPrivateKey, host/email/IP checks with
// wildcards and subject rules, and Node's errors.
const { X509Certificate, createPrivateKey, generateKeyPairSync } = require('crypto');
const fs = require('fs');
const path = require('path');

const tls = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const ca = new X509Certificate(tls('ca.crt'));
const certs = {};
for (const name of ['server', 'client', 'expired', 'other', 'self-signed']) {
  const cert = new X509Certificate(tls(`${name}.crt`));
  certs[name] = cert;
  console.log(name, cert.subject.replace(/\n/g, '|'), '/', cert.issuer.replace(/\n/g, '|'));
  console.log('  san', cert.subjectAltName, 'ca', cert.ca, 'usage', cert.keyUsage, 'info', cert.infoAccess);
  console.log('  valid', cert.validFrom, '-', cert.validTo, 'serial', cert.serialNumber);
  console.log('  fp', cert.fingerprint, cert.fingerprint256.slice(0, 20), cert.fingerprint512.length);
  console.log('  key', cert.publicKey.asymmetricKeyType, cert.publicKey.asymmetricKeyDetails.modulusLength ||
              cert.publicKey.asymmetricKeyDetails.namedCurve);
  console.log('  verify ca', cert.verify(ca.publicKey), 'self', cert.verify(cert.publicKey),
              'issued', cert.checkIssued(ca), ca.checkIssued(cert));
  console.log('  own key', cert.checkPrivateKey(createPrivateKey(tls(`${name}.key`))),
              'ca key', cert.checkPrivateKey(createPrivateKey(tls('ca.key'))));
  console.log('  der', new X509Certificate(cert.raw).fingerprint256 === cert.fingerprint256,
              'pem', cert.toString() === tls(`${name}.crt`).toString(), cert.toJSON() === cert.toString());
  for (const host of ['localhost', 'LOCALHOST', 'example.com', 'a.example.com', 'a.b.example.com', 'server']) {
    const r = cert.checkHost(host);
    if (r !== undefined) console.log('  host', host, '->', r);
  }
  for (const ip of ['127.0.0.1', '::1', '10.0.0.1']) {
    const r = cert.checkIP(ip);
    if (r !== undefined) console.log('  ip', ip, '->', r);
  }
}
console.log(certs.server);
const legacy = certs.server.toLegacyObject();
console.log('legacy', Object.keys(legacy).join(','), legacy.serialNumber, legacy.bits);
console.log('ca', ca.ca, ca.subject.replace(/\n/g, '|'), ca.verify(ca.publicKey));

attempt('never subject', () => certs.server.checkHost('localhost', { subject: 'never' }));
attempt('no wildcards', () => certs.server.checkHost('a.example.com', { wildcards: false }));
attempt('bad subject option', () => certs.server.checkHost('x', { subject: 'sometimes' }));
attempt('bad wildcards option', () => certs.server.checkHost('x', { wildcards: 1 }));
attempt('nul host', () => certs.server.checkHost('local\0host'));
attempt('bad ip', () => certs.server.checkIP('[::]'));
attempt('host type', () => certs.server.checkHost(5));
attempt('verify string', () => certs.server.verify('key'));
attempt('verify private', () => certs.server.verify(createPrivateKey(tls('ca.key'))));
attempt('verify other type', () => certs.server.verify(generateKeyPairSync('ed25519').publicKey));
attempt('checkPrivateKey public', () => certs.server.checkPrivateKey(ca.publicKey));
attempt('checkIssued string', () => certs.server.checkIssued('x'));
for (const input of ['garbage', Buffer.from([48, 3, 1, 2, 3]), Buffer.alloc(0), 5, null]) {
  attempt('ctor', () => new X509Certificate(input));
}
