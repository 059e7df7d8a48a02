'use strict';
// Ed448 and X448 against RFC 8032 7.4 and RFC 7748 6.2, and against keys, signatures and a
// certificate made by node and openssl (crypto_keys/gen448.js): Ed448 signatures are
// deterministic, so Eddy's must equal Node's byte for byte. PEM/DER/JWK round trips, key
// generation, crypto.diffieHellman, Web Crypto (Ed448, X448), and Node's errors for bad keys,
// signatures and options.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'crypto_keys');
const text = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const hex = (b) => Buffer.from(b).toString('hex');
const sigs = JSON.parse(text('ed448_signatures.json'));
const messages = {
  fox: Buffer.from('The quick brown fox jumps over the lazy dog'),
  empty: Buffer.alloc(0),
  big: Buffer.alloc(100000, 'abc'),
};

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

async function attemptAsync(label, fn) {
  try {
    const r = await fn();
    console.log(label, 'ok', r instanceof ArrayBuffer ? hex(r) : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

// PKCS#8 and SPKI DER for raw key bytes (RFC 8410).
const pkcs8Prefix = {
  ed448: '3047020100300506032b6571043b0439',
  x448: '3046020100300506032b656f043a0438',
};
const spkiPrefix = { ed448: '3043300506032b6571033a00', x448: '3042300506032b656f033900' };
const privateFromRaw = (type, raw) => crypto.createPrivateKey({
  key: Buffer.from(pkcs8Prefix[type] + raw, 'hex'), format: 'der', type: 'pkcs8',
});
const publicFromRaw = (type, raw) => crypto.createPublicKey({
  key: Buffer.from(spkiPrefix[type] + raw, 'hex'), format: 'der', type: 'spki',
});

// ===== RFC 8032 7.4 (Ed448, empty context) =====
const rfc8032 = [
  ['blank',
   '6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b',
   '5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180',
   '',
   '533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600'],
  ['1 octet',
   'c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e',
   '43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480',
   '03',
   '26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cbcee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0ff3348ab21aa4adafd1d234441cf807c03a00'],
  ['256 octets',
   '2ec5fe3c17045abdb136a5e6a913e32ab75ae68b53d2fc149b77e504132d37569b7e766ba74a19bd6162343a21c8590aa9cebca9014c636df5',
   '79756f014dcfe2079f5dd9e718be4171e2ef2486a08f25186f6bff43a9936b9bfe12402b08ae65798a3d81e22e9ec80e7690862ef3d4ed3a00',
   '15777532b0bdd0d1389f636c5f6b9ba734c90af572877e2d272dd078aa1e567cfa80e12928bb542330e8409f3174504107ecd5efac61ae7504dabe2a602ede89e5cca6257a7c77e27a702b3ae39fc769fc54f2395ae6a1178cab4738e543072fc1c177fe71e92e25bf03e4ecb72f47b64d0465aaea4c7fad372536c8ba516a6039c3c2a39f0e4d832be432dfa9a706a6e5c7e19f397964ca4258002f7c0541b590316dbc5622b6b2a6fe7a4abffd96105eca76ea7b98816af0748c10df048ce012d901015a51f189f3888145c03650aa23ce894c3bd889e030d565071c59f409a9981b51878fd6fc110624dcbcde0bf7a69ccce38fabdf86f3bef6044819de11',
   'c650ddbb0601c19ca11439e1640dd931f43c518ea5bea70d3dcde5f4191fe53f00cf966546b72bcc7d58be2b9badef28743954e3a44a23f880e8d4f1cfce2d7a61452d26da05896f0a50da66a239a8a188b6d825b3305ad77b73fbac0836ecc60987fd08527c1a8e80d5823e65cafe2a3d00'],
];
for (const [name, secret, pub, msg, expected] of rfc8032) {
  const key = privateFromRaw('ed448', secret);
  const publicKey = crypto.createPublicKey(key);
  const x = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const sig = crypto.sign(null, Buffer.from(msg, 'hex'), key);
  console.log('rfc8032', name, hex(x) === pub, hex(sig) === expected, hex(sig).slice(0, 32));
  const given = publicFromRaw('ed448', pub);
  console.log('  verify', crypto.verify(null, Buffer.from(msg, 'hex'), given, Buffer.from(expected, 'hex')),
              crypto.verify(null, Buffer.from(msg + '00', 'hex'), given, Buffer.from(expected, 'hex')));
}

// ===== RFC 7748 6.2 (X448) =====
const alice = '9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b';
const alicePub = '9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0';
const bob = '1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d';
const bobPub = '3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609';
const shared = '07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a449a5037514a879d';
{
  const a = privateFromRaw('x448', alice);
  const b = privateFromRaw('x448', bob);
  const aPub = crypto.createPublicKey(a);
  const bPub = crypto.createPublicKey(b);
  console.log('rfc7748 public', Buffer.from(aPub.export({ format: 'jwk' }).x, 'base64url').toString('hex') === alicePub,
              Buffer.from(bPub.export({ format: 'jwk' }).x, 'base64url').toString('hex') === bobPub);
  const ab = crypto.diffieHellman({ privateKey: a, publicKey: publicFromRaw('x448', bobPub) });
  const ba = crypto.diffieHellman({ privateKey: b, publicKey: aPub });
  console.log('rfc7748 shared', hex(ab) === shared, hex(ba) === shared, ab.length);
}

// ===== node's keys and signatures =====
const ed = crypto.createPrivateKey(text('ed448_private.pem'));
const edPub = crypto.createPublicKey(text('ed448_public.pem'));
console.log('types', ed.type, ed.asymmetricKeyType, edPub.type, edPub.asymmetricKeyType,
            JSON.stringify(ed.asymmetricKeyDetails), JSON.stringify(edPub.asymmetricKeyDetails));
console.log('public of private', crypto.createPublicKey(ed).equals(edPub));
for (const [name, msg] of Object.entries(messages)) {
  const mine = crypto.sign(null, msg, ed);
  const nodes = Buffer.from(sigs[name], 'base64');
  console.log('sign', name, mine.length, mine.equals(nodes), hex(mine).slice(0, 40));
  const tampered = Buffer.from(nodes);
  tampered[5] ^= 1;
  console.log('  verify node sig', crypto.verify(null, msg, edPub, nodes), crypto.verify(undefined, msg, ed, nodes),
              crypto.verify(null, msg, edPub, tampered), crypto.verify(null, Buffer.concat([msg, Buffer.from('x')]), edPub, nodes));
}
console.log('pem round trip', ed.export({ type: 'pkcs8', format: 'pem' }) === text('ed448_private.pem'),
            edPub.export({ type: 'spki', format: 'pem' }) === text('ed448_public.pem'));
const edDer = ed.export({ type: 'pkcs8', format: 'der' });
console.log('der', hex(edDer).slice(0, 32), edDer.length,
            crypto.createPrivateKey({ key: edDer, format: 'der', type: 'pkcs8' }).equals(ed));
const edJwk = ed.export({ format: 'jwk' });
console.log('jwk', Object.keys(edJwk).join(), edJwk.crv, edJwk.kty,
            crypto.createPrivateKey({ key: edJwk, format: 'jwk' }).equals(ed),
            crypto.createPublicKey({ key: edPub.export({ format: 'jwk' }), format: 'jwk' }).equals(edPub));
const encrypted = ed.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
console.log('encrypted pkcs8', encrypted.split('\n')[0],
            crypto.createPrivateKey({ key: encrypted, passphrase: 'pw' }).equals(ed));

const x = crypto.createPrivateKey(text('x448_private.pem'));
const xPub = crypto.createPublicKey(text('x448_public.pem'));
const y = crypto.createPrivateKey(text('x448b_private.pem'));
const yPub = crypto.createPublicKey(text('x448b_public.pem'));
console.log('x448 types', x.asymmetricKeyType, xPub.asymmetricKeyType, crypto.createPublicKey(x).equals(xPub));
const xy = crypto.diffieHellman({ privateKey: x, publicKey: yPub });
console.log('x448 shared', hex(xy), xy.equals(crypto.diffieHellman({ privateKey: y, publicKey: xPub })));
const xJwk = x.export({ format: 'jwk' });
console.log('x448 jwk', Object.keys(xJwk).join(), xJwk.crv,
            crypto.createPrivateKey({ key: xJwk, format: 'jwk' }).equals(x),
            x.export({ type: 'pkcs8', format: 'pem' }) === text('x448_private.pem'),
            xPub.export({ type: 'spki', format: 'der' }).length);

// ===== the certificate =====
const cert = new crypto.X509Certificate(text('ed448_cert.pem'));
console.log('cert', cert.subject, cert.publicKey.asymmetricKeyType, cert.publicKey.equals(edPub),
            cert.verify(edPub), cert.verify(crypto.generateKeyPairSync('ed448').publicKey), cert.checkPrivateKey(ed));

// ===== generation =====
for (const type of ['ed448', 'x448']) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type);
  const pem = crypto.generateKeyPairSync(type, {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  console.log('generated', type, publicKey.asymmetricKeyType, privateKey.asymmetricKeyType,
              crypto.createPublicKey(privateKey).equals(publicKey), pem.publicKey.split('\n')[0],
              pem.privateKey.length, hex(pem.privateKey).slice(0, 32));
}
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed448');
  console.log('generated signs', crypto.verify(null, messages.fox, publicKey, crypto.sign(null, messages.fox, privateKey)));
  const a = crypto.generateKeyPairSync('x448');
  const b = crypto.generateKeyPairSync('x448');
  console.log('generated agree', crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey })
    .equals(crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey })));
}

// ===== errors =====
attempt('sign with digest', () => crypto.sign('sha256', messages.fox, ed));
attempt('verify with digest', () => crypto.verify('sha512', messages.fox, edPub, Buffer.alloc(114)));
attempt('createSign', () => crypto.createSign('sha256').update('x').sign(ed));
attempt('createVerify', () => crypto.createVerify('sha256').update('x').verify(edPub, Buffer.alloc(114)));
attempt('x448 signs', () => crypto.sign(null, messages.fox, x));
attempt('x448 verifies', () => crypto.verify(null, messages.fox, xPub, Buffer.alloc(114)));
attempt('short signature', () => crypto.verify(null, messages.fox, edPub, Buffer.alloc(113)));
attempt('long signature', () => crypto.verify(null, messages.fox, edPub, Buffer.alloc(115)));
attempt('0xff signature', () => crypto.verify(null, messages.fox, edPub, Buffer.alloc(114, 0xff)));
attempt('s out of range', () => {
  const s = Buffer.from(sigs.fox, 'base64');
  s.fill(0xff, 57, 113);
  return crypto.verify(null, messages.fox, edPub, s);
});
for (const fill of [0xff, 0x02]) {
  attempt(`not a point ${fill}`, () => {
    const k = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed448', x: Buffer.alloc(57, fill).toString('base64url') }, format: 'jwk' });
    return [k.asymmetricKeyType, crypto.verify(null, messages.fox, k, Buffer.from(sigs.fox, 'base64'))].join();
  });
}
attempt('dh mixed', () => crypto.diffieHellman({ privateKey: x, publicKey: crypto.generateKeyPairSync('x25519').publicKey }));
attempt('dh ed448', () => crypto.diffieHellman({ privateKey: ed, publicKey: edPub }));
attempt('dh zero point', () => crypto.diffieHellman({ privateKey: x, publicKey: publicFromRaw('x448', '00'.repeat(56)) }));
attempt('jwk short x', () => crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed448', x: 'AAAA' }, format: 'jwk' }));
attempt('jwk short d', () => crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'X448', x: xJwk.x, d: Buffer.alloc(32).toString('base64url') }, format: 'jwk' }));
attempt('jwk bad crv', () => crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed449', x: edJwk.x }, format: 'jwk' }));
attempt('truncated pkcs8', () => crypto.createPrivateKey({ key: edDer.subarray(0, edDer.length - 1), format: 'der', type: 'pkcs8' }));
attempt('short pkcs8 key', () => crypto.createPrivateKey({ key: Buffer.from('3046020100300506032b6571043a0438' + '00'.repeat(56), 'hex'), format: 'der', type: 'pkcs8' }));
attempt('short spki key', () => crypto.createPublicKey({ key: Buffer.from('3042300506032b6571033900' + '00'.repeat(56), 'hex'), format: 'der', type: 'spki' }));
attempt('pkcs1 export', () => ed.export({ type: 'pkcs1', format: 'pem' }));
attempt('sec1 export', () => x.export({ type: 'sec1', format: 'der' }));
attempt('keygen options ignored', () => crypto.generateKeyPairSync('ed448', { modulusLength: 5 }).publicKey.asymmetricKeyType);

// ===== async forms, then Web Crypto =====
(async () => {
  await new Promise((resolve) => crypto.sign(null, messages.fox, ed, (err, sig) => {
    console.log('async sign', err, sig.equals(Buffer.from(sigs.fox, 'base64')));
    crypto.verify(null, messages.fox, edPub, sig, (err2, ok) => {
      console.log('async verify', err2, ok);
      resolve();
    });
  }));
  await new Promise((resolve) => crypto.generateKeyPair('x448', (err, publicKey, privateKey) => {
    console.log('async keygen', err, publicKey.asymmetricKeyType, privateKey.asymmetricKeyType);
    resolve();
  }));

  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey({ name: 'Ed448' }, true, ['sign', 'verify']);
  console.log('subtle keys', Object.keys(pair).join(), JSON.stringify(pair.privateKey.algorithm),
              pair.privateKey.usages.join(), pair.publicKey.usages.join(), pair.publicKey.extractable);
  const data = Buffer.from('web crypto data');
  const s = await subtle.sign({ name: 'Ed448' }, pair.privateKey, data);
  console.log('subtle sign', s.byteLength, await subtle.verify({ name: 'Ed448' }, pair.publicKey, s, data),
              await subtle.verify({ name: 'Ed448', context: new Uint8Array(0) }, pair.publicKey, s, data),
              await subtle.verify({ name: 'Ed448' }, pair.publicKey, s, Buffer.from('other')));
  await attemptAsync('subtle context', () => subtle.sign({ name: 'Ed448', context: new Uint8Array(3) }, pair.privateKey, data));
  await attemptAsync('subtle context type', () => subtle.sign({ name: 'Ed448', context: 'abc' }, pair.privateKey, data));
  await attemptAsync('subtle wrong key', () => subtle.sign({ name: 'Ed448' }, pair.publicKey, data));

  // Node's key, imported four ways, signs as node did.
  const pkcs8 = await subtle.importKey('pkcs8', ed.export({ type: 'pkcs8', format: 'der' }), { name: 'Ed448' }, true, ['sign']);
  const fromNode = await subtle.sign({ name: 'Ed448' }, pkcs8, messages.fox);
  console.log('subtle node key', Buffer.from(fromNode).equals(Buffer.from(sigs.fox, 'base64')));
  const raw = await subtle.exportKey('raw', await subtle.importKey('spki', edPub.export({ type: 'spki', format: 'der' }), { name: 'Ed448' }, true, ['verify']));
  console.log('subtle raw', raw.byteLength, hex(raw) === hex(Buffer.from(edJwk.x, 'base64url')));
  const rawKey = await subtle.importKey('raw', raw, { name: 'Ed448' }, true, ['verify']);
  console.log('subtle raw verifies', await subtle.verify('Ed448', rawKey, Buffer.from(sigs.fox, 'base64'), messages.fox));
  const jwk = await subtle.exportKey('jwk', pkcs8);
  console.log('subtle jwk', JSON.stringify({ ...jwk, d: jwk.d === edJwk.d, x: jwk.x === edJwk.x }));
  const jwkKey = await subtle.importKey('jwk', { ...jwk, alg: 'EdDSA' }, { name: 'Ed448' }, false, ['sign']);
  console.log('subtle jwk key', jwkKey.type, jwkKey.extractable, jwkKey.algorithm.name);
  console.log('subtle pkcs8 export', hex(await subtle.exportKey('pkcs8', pkcs8)) === hex(edDer));
  await attemptAsync('subtle raw short', () => subtle.importKey('raw', new Uint8Array(32), { name: 'Ed448' }, true, ['verify']));
  await attemptAsync('subtle jwk alg', () => subtle.importKey('jwk', { ...jwk, alg: 'Ed25519' }, { name: 'Ed448' }, true, ['sign']));
  await attemptAsync('subtle jwk crv', () => subtle.importKey('jwk', jwk, { name: 'Ed25519' }, true, ['sign']));
  await attemptAsync('subtle usage', () => subtle.generateKey({ name: 'Ed448' }, true, ['encrypt']));
  await attemptAsync('subtle spki type', () => subtle.importKey('spki', xPub.export({ type: 'spki', format: 'der' }), { name: 'Ed448' }, true, ['verify']));

  // X448: RFC 7748's keys through importKey, deriveBits and deriveKey.
  const aKey = await subtle.importKey('pkcs8', Buffer.from(pkcs8Prefix.x448 + alice, 'hex'), { name: 'X448' }, true, ['deriveBits', 'deriveKey']);
  const bPub = await subtle.importKey('raw', Buffer.from(bobPub, 'hex'), { name: 'X448' }, true, []);
  const bits = await subtle.deriveBits({ name: 'X448', public: bPub }, aKey, 448);
  console.log('subtle x448', hex(bits) === shared, hex(await subtle.deriveBits({ name: 'X448', public: bPub }, aKey, null)) === shared);
  await attemptAsync('subtle x448 bits 100', () => subtle.deriveBits({ name: 'X448', public: bPub }, aKey, 100));
  await attemptAsync('subtle x448 bits 456', () => subtle.deriveBits({ name: 'X448', public: bPub }, aKey, 456));
  const aes = await subtle.deriveKey({ name: 'X448', public: bPub }, aKey, { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  console.log('subtle deriveKey', JSON.stringify(aes.algorithm), hex(await subtle.exportKey('raw', aes)) === shared.slice(0, 64));
  const xpair = await subtle.generateKey({ name: 'X448' }, true, ['deriveBits']);
  console.log('subtle x448 pair', Object.keys(xpair).join(), xpair.publicKey.usages.length, xpair.privateKey.usages.join(),
              (await subtle.exportKey('raw', xpair.publicKey)).byteLength,
              Object.keys(await subtle.exportKey('jwk', xpair.privateKey)).join());
  const x25519 = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
  await attemptAsync('subtle x448 mixed', () => subtle.deriveBits({ name: 'X448', public: x25519.publicKey }, aKey, 448));
  await attemptAsync('subtle x448 zero point', async () => subtle.deriveBits({ name: 'X448', public: await subtle.importKey('raw', new Uint8Array(56), { name: 'X448' }, true, []) }, aKey, 448));
  await attemptAsync('subtle x448 raw short', () => subtle.importKey('raw', new Uint8Array(55), { name: 'X448' }, true, []));
  await attemptAsync('subtle x448 sign usage', () => subtle.generateKey({ name: 'X448' }, true, ['sign']));
})();
