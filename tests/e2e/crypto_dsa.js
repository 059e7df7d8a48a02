'use strict';
// DSA keys in node:crypto: PKCS#8, SPKI and OpenSSL's traditional PEM in, the details Node
// reports, PEM/DER out, signatures in DER and IEEE P1363 (random k, so only round trips are
// printed), the legacy DSS1 digest name, generation, and the errors of what DSA cannot do.

const crypto = require('crypto');

const privatePem = `-----BEGIN PRIVATE KEY-----
MIIBSgIBADCCASsGByqGSM44BAEwggEeAoGBALAqvNLO2nD+BRpUGcCiYBe4fYco
7QprrViIVhkCN0n2E5P25Jks4H3a4mKFVuWIOJK1+xiLW86fJI7MPY1yMPQrp5eE
cCfjUOzjQkwt6y2kxk8lPS9nLFY7+L2VwlEs3fI9TgyKvnd8mDUbeaCfxJcHzjXd
+DThLPmdMTd7AcyVAhUAw+USd7774ZaY/t3vLeU87t7KoGsCgYAXqPlnTTpTfWZQ
u+rnCnXcbcd9pwfKibAsZIN75JiYlx7B1DODgce5WcU/vHvBGnHwMsEDIWBuYyFj
15vIRzAE1X6yRBuDsXuS0MaeefCdtYqlBzfEAD/VZC/QoeqSeGT/FbYTsY0MBMyv
mSMEF5ewMqfgo6df3lDD9m4x9+66uQQWAhQ1i9cu3K0ULpbzKjwTjtDbvCfPyA==
-----END PRIVATE KEY-----
`;
const publicPem = `-----BEGIN PUBLIC KEY-----
MIIBtzCCASsGByqGSM44BAEwggEeAoGBALAqvNLO2nD+BRpUGcCiYBe4fYco7Qpr
rViIVhkCN0n2E5P25Jks4H3a4mKFVuWIOJK1+xiLW86fJI7MPY1yMPQrp5eEcCfj
UOzjQkwt6y2kxk8lPS9nLFY7+L2VwlEs3fI9TgyKvnd8mDUbeaCfxJcHzjXd+DTh
LPmdMTd7AcyVAhUAw+USd7774ZaY/t3vLeU87t7KoGsCgYAXqPlnTTpTfWZQu+rn
CnXcbcd9pwfKibAsZIN75JiYlx7B1DODgce5WcU/vHvBGnHwMsEDIWBuYyFj15vI
RzAE1X6yRBuDsXuS0MaeefCdtYqlBzfEAD/VZC/QoeqSeGT/FbYTsY0MBMyvmSME
F5ewMqfgo6df3lDD9m4x9+66uQOBhQACgYEAmKmJPuNwWAONJenRMzs56ZPS1vrC
jwBs0i36P3VnMH6Fx2T4/Un2JgstIiMC2ul6kCaxAn5NoKlwHQa1Us8WxslnCAU1
47BSO/BOCMYO+CG7XmWbTmq+1CuxA8TJ4nmfj/tYZJa3UbzxJP2wEfD5Oqd5QhB3
7bIwdlOKhJrAOVQ=
-----END PUBLIC KEY-----
`;
const traditionalPem = `-----BEGIN DSA PRIVATE KEY-----
MIIBuwIBAAKBgQCwKrzSztpw/gUaVBnAomAXuH2HKO0Ka61YiFYZAjdJ9hOT9uSZ
LOB92uJihVbliDiStfsYi1vOnySOzD2NcjD0K6eXhHAn41Ds40JMLestpMZPJT0v
ZyxWO/i9lcJRLN3yPU4Mir53fJg1G3mgn8SXB8413fg04Sz5nTE3ewHMlQIVAMPl
Ene+++GWmP7d7y3lPO7eyqBrAoGAF6j5Z006U31mULvq5wp13G3HfacHyomwLGSD
e+SYmJcewdQzg4HHuVnFP7x7wRpx8DLBAyFgbmMhY9ebyEcwBNV+skQbg7F7ktDG
nnnwnbWKpQc3xAA/1WQv0KHqknhk/xW2E7GNDATMr5kjBBeXsDKn4KOnX95Qw/Zu
MffuurkCgYEAmKmJPuNwWAONJenRMzs56ZPS1vrCjwBs0i36P3VnMH6Fx2T4/Un2
JgstIiMC2ul6kCaxAn5NoKlwHQa1Us8WxslnCAU147BSO/BOCMYO+CG7XmWbTmq+
1CuxA8TJ4nmfj/tYZJa3UbzxJP2wEfD5Oqd5QhB37bIwdlOKhJrAOVQCFDWL1y7c
rRQulvMqPBOO0Nu8J8/I
-----END DSA PRIVATE KEY-----
`;

const data = Buffer.from('I AM THE WALRUS');

const privateKey = crypto.createPrivateKey(privatePem);
const publicKey = crypto.createPublicKey(publicPem);
console.log(privateKey.type, privateKey.asymmetricKeyType, privateKey.asymmetricKeyDetails);
console.log(publicKey.type, publicKey.asymmetricKeyType, publicKey.asymmetricKeyDetails);
console.log('pkcs8 round trip', privateKey.export({ type: 'pkcs8', format: 'pem' }) === privatePem);
console.log('spki round trip', publicKey.export({ type: 'spki', format: 'pem' }) === publicPem);
console.log('public of private', crypto.createPublicKey(privateKey).equals(publicKey));
const traditional = crypto.createPrivateKey(traditionalPem);
console.log('traditional PEM', traditional.equals(privateKey));
console.log('spki DER bytes', publicKey.export({ type: 'spki', format: 'der' }).length);

for (const dsaEncoding of ['der', 'ieee-p1363']) {
  for (const digest of ['sha1', 'sha256', 'sha512', null]) {
    const sig = crypto.sign(digest, data, { key: privateKey, dsaEncoding });
    const ok = crypto.verify(digest, data, { key: publicKey, dsaEncoding }, sig);
    const bad = crypto.verify(digest, Buffer.from('other'), { key: publicKey, dsaEncoding }, sig);
    console.log(dsaEncoding, digest, dsaEncoding === 'der' ? 'DER' : sig.length, ok, bad);
  }
}

const signer = crypto.createSign('DSS1');
signer.update(data);
const dss1 = signer.sign(traditionalPem);
const verifier = crypto.createVerify('sha1');
verifier.update(data);
console.log('DSS1 verifies as SHA-1', verifier.verify(publicPem, dss1));

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

attempt('jwk export', () => publicKey.export({ format: 'jwk' }));
attempt('pkcs1 export', () => privateKey.export({ type: 'pkcs1', format: 'pem' }));
attempt('sec1 export', () => privateKey.export({ type: 'sec1', format: 'pem' }));
attempt('small modulus', () => crypto.generateKeyPairSync('dsa', { modulusLength: 512 }));
attempt('odd divisor', () => crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 100 }));
attempt('negative divisor', () => crypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: -1 }));
attempt('no modulus', () => crypto.generateKeyPairSync('dsa', {}));
attempt('diffieHellman', () => crypto.diffieHellman({ privateKey, publicKey }));
attempt('publicEncrypt', () => crypto.publicEncrypt(publicKey, data));

const pair = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
console.log('generated', pair.publicKey.asymmetricKeyDetails, pair.privateKey.asymmetricKeyType);
crypto.generateKeyPair('dsa', {
  modulusLength: 1024,
  divisorLength: 160,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'der' },
}, (err, pub, priv) => {
  console.log('async', err, pub.split('\n')[0], priv.length > 300);
  const key = crypto.createPrivateKey({ key: priv, format: 'der', type: 'pkcs8' });
  const sig = crypto.sign('sha256', data, key);
  console.log('async pair signs', crypto.verify('sha256', data, pub, sig));
  globalThis.crypto.subtle.importKey('spki', crypto.createPublicKey(pub).export({ type: 'spki', format: 'der' }),
                                     { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])
    .catch((e) => console.log('webcrypto import', e.name, e.message));
});
