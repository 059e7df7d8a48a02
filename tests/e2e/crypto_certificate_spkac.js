// crypto.Certificate (SPKAC) on openssl-made RSA (MD5, SHA-256) and EC (SHA-256) SPKACs, a
// tampered one, base64 damage, every input kind, and argument errors.
const { Certificate } = require('crypto');
const fs = require('fs');
const read = (n) => fs.readFileSync(`${__dirname}/crypto_keys/spkac/${n}.spkac`);
for (const name of ['rsa', 'rsa_md5', 'ec']) {
  const s = read(name);
  console.log(name, Certificate.verifySpkac(s), Certificate.exportChallenge(s).toString(),
              Certificate.exportPublicKey(s).toString().split('\n')[0]);
  const text = s.toString().trim();
  const ab = s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength);
  console.log(Certificate.verifySpkac(text), Certificate.verifySpkac(' ' + text + '\n'),
              Certificate.verifySpkac(ab), Certificate.verifySpkac(new DataView(ab)),
              Certificate.verifySpkac(Buffer.from(text).toString('hex'), 'hex'),
              new Certificate().verifySpkac(text), Certificate().exportChallenge(text).toString());
  // A changed challenge byte breaks the signature, not the parse.
  const der = Buffer.from(text, 'base64');
  const at = der.indexOf(Buffer.from('hello'));
  der[at] ^= 1;
  const bad = der.toString('base64');
  console.log(Certificate.verifySpkac(bad), Certificate.exportChallenge(bad).toString());
  for (const broken of [text.slice(4), text.slice(0, 64) + '\n' + text.slice(64), text + 'A', '']) {
    console.log(Certificate.verifySpkac(broken), JSON.stringify(Certificate.exportPublicKey(broken)),
                JSON.stringify(Certificate.exportChallenge(broken)));
  }
}
for (const v of [1, {}, [], null, undefined, true]) {
  try { Certificate.verifySpkac(v); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(Certificate.prototype.verifySpkac === Certificate.verifySpkac, Certificate.length);
