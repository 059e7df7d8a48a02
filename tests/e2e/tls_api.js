// node:tls without connections: checkServerIdentity's rules, the defaults, ALPN conversion,
// createSecureContext's checks and errors, and the trusted roots.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

const identityCases = [
  ['a.example.com', { subject: { CN: 'a.example.com' } }],
  ['A.EXAMPLE.COM.', { subject: { CN: 'a.example.com' } }],
  ['b.example.com', { subject: { CN: 'a.example.com' } }],
  ['a.example.com', { subjectaltname: 'DNS:*.example.com', subject: { CN: 'other' } }],
  ['example.com', { subjectaltname: 'DNS:*.example.com' }],
  ['a.b.example.com', { subjectaltname: 'DNS:*.example.com' }],
  ['foo.com', { subjectaltname: 'DNS:*.com' }],
  ['www.example.com', { subjectaltname: 'DNS:w*.example.com' }],
  ['xn--bcher-kva.example', { subjectaltname: 'DNS:*--bcher-kva.example' }],
  ['127.0.0.1', { subjectaltname: 'IP Address:127.0.0.1' }],
  ['::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' }],
  ['10.0.0.1', { subjectaltname: 'DNS:10.0.0.1', subject: { CN: '10.0.0.1' } }],
  ['a.com', { subject: { CN: ['b.com', 'a.com'] } }],
  ['a.com', { subject: {} }],
  ['a.com', { subjectaltname: 'DNS:"b.com\\u002c a.com"' }],
  ['a.com', { subjectaltname: 'URI:http://a.com/', subject: { CN: 'x.com' } }],
];
for (const [host, cert] of identityCases) {
  const err = tls.checkServerIdentity(host, cert);
  console.log(host, JSON.stringify(cert), '->', err ? `${err.code}: ${err.reason}` : 'ok');
}

console.log('defaults:', tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE,
  tls.CLIENT_RENEG_LIMIT, tls.CLIENT_RENEG_WINDOW);
const ciphers = tls.getCiphers();
console.log('getCiphers:', Array.isArray(ciphers), ciphers.includes('tls_aes_256_gcm_sha384'),
  ciphers.includes('ecdhe-rsa-aes128-gcm-sha256'), ciphers.every((c) => c === c.toLowerCase()));
console.log('DEFAULT_CIPHERS starts with', tls.DEFAULT_CIPHERS.split(':')[0]);

const out = {};
tls.convertALPNProtocols(['h2', 'http/1.1'], out);
console.log('convertALPNProtocols:', out.ALPNProtocols);
try {
  tls.convertALPNProtocols(['x'.repeat(256)], {});
} catch (err) {
  console.log(err.code, err.message);
}

const roots = tls.rootCertificates;
console.log('rootCertificates:', Array.isArray(roots), Object.isFrozen(roots), roots.length > 10,
  roots.every((pem) => pem.startsWith('-----BEGIN CERTIFICATE-----\n') && pem.endsWith('\n-----END CERTIFICATE-----')),
  roots === tls.rootCertificates);

const ctx = tls.createSecureContext({ key: read('server.key'), cert: read('server.crt'), ca: [read('ca.crt')] });
console.log('createSecureContext:', ctx instanceof tls.SecureContext, typeof ctx.context);

const bad = [
  { minVersion: 'TLSv5' },
  { maxVersion: 'SSLv3' },
  { minVersion: 'TLSv1.2', secureProtocol: 'TLSv1_2_method' },
  { secureProtocol: 'NoSuchMethod' },
  { key: 42 },
  { cert: {} },
  { ca: [read('ca.crt'), 1] },
  { cert: 'not a certificate' },
  { key: 'not a key' },
  { ciphers: 1 },
  { passphrase: 1 },
  { ticketKeys: Buffer.alloc(3) },
];
for (const options of bad) {
  try {
    tls.createSecureContext(options);
    console.log('no error for', Object.keys(options));
  } catch (err) {
    console.log(Object.keys(options).join('+'), '->', err.name, err.code, err.message);
  }
}
for (const options of [{ SNICallback: 'x' }, { handshakeTimeout: 'x' }, 'string']) {
  try {
    tls.createServer(options);
  } catch (err) {
    console.log('createServer', JSON.stringify(options), '->', err.code, err.message);
  }
}
const socket = new tls.TLSSocket();
console.log('TLSSocket:', socket instanceof require('net').Socket, socket.encrypted, socket.authorized,
  socket.alpnProtocol, socket.servername, socket.isSessionReused(), socket.getSession());
socket.destroy();
const server = tls.createServer();
console.log('Server:', server instanceof require('net').Server, server instanceof tls.Server);
