// What a TLS connection tells about itself: getPeerCertificate (plain and with the issuer
// chain, ending in the root that points to itself), getCertificate, getProtocol, getCipher,
// and the server's view of a client certificate.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));

function show(label, cert) {
  console.log(`${label}:`);
  console.log('  subject', cert.subject);
  console.log('  issuer', cert.issuer);
  console.log('  subjectaltname', cert.subjectaltname);
  console.log('  ca', cert.ca, 'bits', cert.bits, 'exponent', cert.exponent, 'modulus length', cert.modulus.length);
  console.log('  pubkey', Buffer.isBuffer(cert.pubkey), cert.pubkey.length, 'raw', Buffer.isBuffer(cert.raw), cert.raw.length);
  console.log('  serialNumber', cert.serialNumber, 'ext_key_usage', cert.ext_key_usage);
  console.log('  valid_to is a date:', !Number.isNaN(Date.parse(cert.valid_to)), cert.valid_from.endsWith(' GMT'));
  console.log('  fingerprints', /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/.test(cert.fingerprint),
    cert.fingerprint256.length, cert.fingerprint512.length);
  console.log('  keys', Object.keys(cert).join(' '));
}

const server = tls.createServer({
  key: read('server.key'), cert: read('server.crt'), ca: read('ca.crt'), requestCert: true,
}, (socket) => {
  show('server sees the client', socket.getPeerCertificate());
  console.log('server own certificate CN:', socket.getCertificate().subject.CN);
  socket.end();
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    host: 'localhost', port: server.address().port, ca: read('ca.crt'),
    key: read('client.key'), cert: read('client.crt'),
  }, () => {
    show('client sees the server', client.getPeerCertificate());
    const chain = client.getPeerCertificate(true);
    console.log('chain:', chain.subject.CN, '->', chain.issuerCertificate.subject.CN,
      '-> root points to itself:', chain.issuerCertificate.issuerCertificate === chain.issuerCertificate);
    console.log('protocol', client.getProtocol(), 'cipher', client.getCipher());
    console.log('client own certificate CN:', client.getCertificate().subject.CN);
    client.resume();
    client.on('close', () => {
      console.log('after close:', client.getPeerCertificate());
      server.close();
    });
  });
});
