'use strict';
// Web Crypto's asymmetric algorithms with fixed keys: deterministic signatures (RSASSA-PKCS1-v1_5,
// Ed25519), round trips for the randomized ones (RSA-PSS, ECDSA, RSA-OAEP), ECDH and X25519
// agreement, key import/export in every format, wrapKey/unwrapKey, the shapes of generated keys,
// KeyObject interop, and the DOMExceptions of bad calls.

const crypto = require('crypto');
const { subtle } = globalThis.crypto;

const rsaJwk = {
  kty: 'RSA',
  n: 'y62mKNoED7VI8HEHQzYX8glPbaL74RaI3JZ-qraRxV8OKeSxE2g4vPBMvkXP25g6MgdpEXdbIsVnZBMkNP8T0tD0_4SNQHsLzvJi2LOpP_Qceh8cLA-Js3E7-GppguMivrg2N3MrZaVoYX1OO1TFQzILvKFOzlDdn9i7R8GhVt8',
  e: 'AQAB',
  d: 'uT-0K9226e6Ra5bx6xCNEOek5WviuaO8UR1UEcLBrIk7IaFN6P_W8wmAU2K9ndXDwHL6_hbXvjVbRysduFHz3R2CYTUfln9J_mZS50Y9RT55X61Ag3GKkIKzHcEJzfJLhjNq1wK9VIPtWG0j_RYY022htyA773LFedzkuVPoqhk',
  p: '_8JwmIGoIOha0LLVQakp6jmVaciSv_XXgGxn-YRjK_wQzdBOs3L1vAT9Chq4C5Jf9ewb5l78FuIM-aBeVrPFlQ',
  q: 'y96sa701RqRtgNvlJ0tWY3-3n4Vjx774WGclq_Iyg2n31oI6K-aRBOfWj4lZAfCbqhUnZNE3w-6TLvXHLCwlow',
  dp: 'mk9BSfJoczpdmK9dVZlv7Z7ClClsyR7V3-kILpZ-k0opBVRaN5DzzHYiCZenVWwCM8k56BuE83V9qJrmcF9UpQ',
  dq: 'L8pkOuFg0s2KyfFCV6LGfo6a-e8oA9QVnYuYfiVJiBrYOVXP0yi6iB7c4kr9LYI8y3MoB-8vlmOf5xtAdG9o5w',
  qi: 'nK3xnP3lG7MiCNXiaMEn_lscEV21mQxIqA2bKSpDFoYeceWPyZ-bnUWNCd381MAqh8jYR8eKswebecLQgzhvig',
};
const rsaPublicJwk = { kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e };
const ecJwk = {
  kty: 'EC',
  x: 'cLSFVD-FlAKOznspE2eHTDYupphIQHoSlk_ZBOur_8E',
  y: 'chMWV3Q28yi0FseR_LCFi6apJV2pMP8iwYCaZRJegso',
  crv: 'P-256',
  d: 'hZ3MWFW8sOHxo9x0IefsAOLw_4drU7IFtd1SLOFO63E',
};
const ecPublicJwk = { kty: 'EC', x: ecJwk.x, y: ecJwk.y, crv: 'P-256' };
const ecPeerJwk = {
  kty: 'EC',
  x: 'I99a3dwrCBh_UZojcNiG4kssIoieDJUxBnDwqTiNvT4',
  y: 'HTCzneiWBFBZDNqAOzc7Yc_LjhKd4B4kqvj9N7yll68',
  crv: 'P-256',
};
const edJwk = {
  crv: 'Ed25519',
  d: 'EehDPCJThGsFpO1-vdvchaVS5Wb9NH_v7Zf1RkV1e2w',
  x: 'uS2kLDscR0_ky2HtFtBK0yDArtRCzPGZQfbJysqxyC4',
  kty: 'OKP',
};
const xJwk = {
  kty: 'OKP',
  crv: 'X25519',
  d: 'dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo',
  x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo',
};
const xPeerRaw = Buffer.from('3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08', 'base64url');

const message = Buffer.from('the quick brown fox');
const hex = (buffer) => Buffer.from(buffer).toString('hex');

function describe(key) {
  const algorithm = { ...key.algorithm };
  if (algorithm.publicExponent) algorithm.publicExponent = hex(algorithm.publicExponent);
  return `${key.type} ${key.extractable} ${JSON.stringify(algorithm)} ${JSON.stringify(key.usages)}`;
}

async function attempt(label, promise) {
  try {
    const result = await promise;
    console.log(label, 'resolved', result instanceof ArrayBuffer ? hex(result) : result);
  } catch (err) {
    console.log(label, 'rejected', err.name, JSON.stringify(err.message), err.code ?? '');
  }
}

async function rsa() {
  console.log('== RSA');
  const RS = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const priv = await subtle.importKey('jwk', rsaJwk, RS, true, ['sign']);
  const pub = await subtle.importKey('jwk', rsaPublicJwk, RS, true, ['verify']);
  console.log(describe(priv));
  console.log(describe(pub));
  const sig = await subtle.sign('RSASSA-PKCS1-v1_5', priv, message);
  console.log('RSASSA signature', hex(sig));
  console.log('verify', await subtle.verify(RS, pub, sig, message));
  console.log('verify other data', await subtle.verify(RS, pub, sig, Buffer.from('x')));
  const spki = await subtle.exportKey('spki', pub);
  console.log('spki', hex(spki));
  const pkcs8 = await subtle.exportKey('pkcs8', priv);
  console.log('pkcs8 bytes', pkcs8.byteLength);
  const jwk = await subtle.exportKey('jwk', priv);
  console.log('jwk members', Object.keys(jwk).join(), jwk.alg, jwk.n === rsaJwk.n, jwk.qi === rsaJwk.qi);
  const again = await subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-384' }, false,
                                       ['sign']);
  console.log(describe(again));
  console.log('PSS jwk alg', (await subtle.exportKey('jwk', await subtle.importKey(
    'spki', spki, { name: 'RSA-PSS', hash: 'SHA-512' }, true, ['verify']))).alg);

  const PS = { name: 'RSA-PSS', hash: 'SHA-256' };
  const pssPriv = await subtle.importKey('pkcs8', pkcs8, PS, false, ['sign']);
  const pssPub = await subtle.importKey('spki', spki, PS, false, ['verify']);
  const pssSig = await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pssPriv, message);
  console.log('PSS signature bytes', pssSig.byteLength);
  console.log('PSS verify', await subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub, pssSig, message));
  console.log('PSS verify wrong salt', await subtle.verify({ name: 'RSA-PSS', saltLength: 20 }, pssPub, pssSig, message));
  const nodeSig = crypto.sign('sha256', message, {
    key: crypto.createPrivateKey({ key: rsaJwk, format: 'jwk' }),
    padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  });
  console.log('PSS verify node signature', await subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub, nodeSig, message));

  const OAEP = { name: 'RSA-OAEP', hash: 'SHA-256' };
  const encKey = await subtle.importKey('jwk', rsaPublicJwk, OAEP, true, ['encrypt', 'wrapKey']);
  const decKey = await subtle.importKey('jwk', { ...rsaJwk, alg: 'RSA-OAEP-256' }, OAEP, true,
                                        ['decrypt', 'unwrapKey']);
  const ct = await subtle.encrypt({ name: 'RSA-OAEP', label: Buffer.from('label') }, encKey, message);
  console.log('OAEP ciphertext bytes', ct.byteLength);
  const pt = await subtle.decrypt({ name: 'RSA-OAEP', label: Buffer.from('label') }, decKey, ct);
  console.log('OAEP decrypt', Buffer.from(pt).toString());
  await attempt('OAEP wrong label', subtle.decrypt({ name: 'RSA-OAEP' }, decKey, ct));
  await attempt('OAEP too long', subtle.encrypt({ name: 'RSA-OAEP' }, encKey, new Uint8Array(100)));
  await attempt('OAEP encrypt with private', subtle.encrypt({ name: 'RSA-OAEP' }, decKey, message));
  const nodeCt = crypto.publicEncrypt({ key: crypto.KeyObject.from(encKey), oaepHash: 'sha256' }, message);
  console.log('OAEP decrypt node ciphertext', Buffer.from(await subtle.decrypt('RSA-OAEP', decKey, nodeCt)).toString());

  const aes = await subtle.importKey('raw', Buffer.alloc(16, 7), 'AES-GCM', true, ['encrypt']);
  const wrapped = await subtle.wrapKey('raw', aes, encKey, { name: 'RSA-OAEP' });
  const unwrapped = await subtle.unwrapKey('raw', wrapped, decKey, { name: 'RSA-OAEP' }, 'AES-GCM',
                                           true, ['decrypt']);
  console.log('OAEP unwrapped', describe(unwrapped), hex(await subtle.exportKey('raw', unwrapped)));
}

async function ec() {
  console.log('== EC');
  const ES = { name: 'ECDSA', namedCurve: 'P-256' };
  const priv = await subtle.importKey('jwk', ecJwk, ES, true, ['sign']);
  const pub = await subtle.importKey('jwk', ecPublicJwk, ES, true, ['verify']);
  console.log(describe(priv));
  const raw = await subtle.exportKey('raw', pub);
  console.log('raw', hex(raw));
  const spki = await subtle.exportKey('spki', pub);
  console.log('spki', hex(spki));
  const fromRaw = await subtle.importKey('raw', raw, ES, true, ['verify']);
  console.log('raw → spki equal', hex(await subtle.exportKey('spki', fromRaw)) === hex(spki));
  const compressed = crypto.ECDH.convertKey(Buffer.from(raw), 'prime256v1', undefined, undefined, 'compressed');
  const fromCompressed = await subtle.importKey('raw', compressed, ES, true, ['verify']);
  console.log('compressed → raw', hex(await subtle.exportKey('raw', fromCompressed)) === hex(raw));
  console.log('jwk', JSON.stringify(await subtle.exportKey('jwk', priv)));
  for (const hash of ['SHA-256', 'SHA-384', 'SHA-512', 'SHA-1']) {
    const sig = await subtle.sign({ name: 'ECDSA', hash }, priv, message);
    console.log('ECDSA', hash, sig.byteLength, await subtle.verify({ name: 'ECDSA', hash }, pub, sig, message),
                await subtle.verify({ name: 'ECDSA', hash }, pub, sig, Buffer.from('other')));
  }
  const nodeSig = crypto.sign('sha256', message, { key: crypto.KeyObject.from(priv), dsaEncoding: 'ieee-p1363' });
  console.log('ECDSA verify node signature', await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, nodeSig, message));

  const DH = { name: 'ECDH', namedCurve: 'P-256' };
  const dhPriv = await subtle.importKey('jwk', ecJwk, DH, false, ['deriveBits', 'deriveKey']);
  const dhPeer = await subtle.importKey('jwk', ecPeerJwk, DH, false, []);
  console.log(describe(dhPeer));
  const bits = await subtle.deriveBits({ name: 'ECDH', public: dhPeer }, dhPriv, 256);
  console.log('ECDH bits', hex(bits));
  console.log('ECDH 20 bits', hex(await subtle.deriveBits({ name: 'ECDH', public: dhPeer }, dhPriv, 20)));
  const nodeSecret = crypto.diffieHellman({
    privateKey: crypto.createPrivateKey({ key: ecJwk, format: 'jwk' }),
    publicKey: crypto.createPublicKey({ key: ecPeerJwk, format: 'jwk' }),
  });
  console.log('matches diffieHellman', hex(nodeSecret) === hex(bits));
  const derived = await subtle.deriveKey({ name: 'ECDH', public: dhPeer }, dhPriv,
                                         { name: 'AES-CBC', length: 128 }, true, ['encrypt']);
  console.log('derived', describe(derived), hex(await subtle.exportKey('raw', derived)));
  await attempt('ECDH too long', subtle.deriveBits({ name: 'ECDH', public: dhPeer }, dhPriv, 512));
}

async function okp() {
  console.log('== OKP');
  const priv = await subtle.importKey('jwk', edJwk, 'Ed25519', true, ['sign']);
  const pub = await subtle.importKey('raw', Buffer.from(edJwk.x, 'base64url'), { name: 'Ed25519' },
                                     true, ['verify']);
  console.log(describe(priv));
  const sig = await subtle.sign('Ed25519', priv, message);
  console.log('Ed25519 signature', hex(sig));
  console.log('verify', await subtle.verify('Ed25519', pub, sig, message));
  console.log('verify short signature', await subtle.verify('Ed25519', pub, sig.slice(1), message));
  console.log('same as crypto.sign', hex(crypto.sign(null, message, crypto.KeyObject.from(priv))) === hex(sig));
  console.log('spki', hex(await subtle.exportKey('spki', pub)));
  console.log('pkcs8', hex(await subtle.exportKey('pkcs8', priv)));
  console.log('jwk', JSON.stringify(await subtle.exportKey('jwk', priv)));
  console.log('public jwk', JSON.stringify(await subtle.exportKey('jwk', pub)));

  const xPriv = await subtle.importKey('jwk', xJwk, { name: 'X25519' }, true, ['deriveBits', 'deriveKey']);
  const xPub = await subtle.importKey('raw', xPeerRaw, 'X25519', true, []);
  console.log(describe(xPub));
  console.log('X25519 bits', hex(await subtle.deriveBits({ name: 'X25519', public: xPub }, xPriv, null)));
  console.log('X25519 12 bits', hex(await subtle.deriveBits({ name: 'X25519', public: xPub }, xPriv, 12)));
  const hmac = await subtle.deriveKey({ name: 'X25519', public: xPub }, xPriv,
                                      { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
  console.log('derived', describe(hmac));
  console.log('x jwk', JSON.stringify(await subtle.exportKey('jwk', xPub)));

  // AES-KW wraps the PKCS#8 of the Ed25519 key; unwrapping gives it back.
  const kek = await subtle.importKey('raw', Buffer.alloc(32, 1), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
  const wrapped = await subtle.wrapKey('pkcs8', priv, kek, 'AES-KW');
  console.log('wrapped pkcs8', hex(wrapped));
  const back = await subtle.unwrapKey('pkcs8', wrapped, kek, 'AES-KW', 'Ed25519', true, ['sign']);
  console.log('unwrapped signs the same', hex(await subtle.sign('Ed25519', back, message)) === hex(sig));
  const wrappedJwk = await subtle.wrapKey('jwk', xPriv, kek, 'AES-KW');
  const backJwk = await subtle.unwrapKey('jwk', wrappedJwk, kek, 'AES-KW', 'X25519', false, ['deriveBits']);
  console.log('unwrapped jwk', describe(backJwk));
}

async function generated() {
  console.log('== generateKey');
  const cases = [
    [{ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, ['sign', 'verify']],
    [{ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([3]), hash: 'SHA-1' }, ['unwrapKey', 'encrypt', 'decrypt', 'wrapKey']],
    [{ name: 'ECDSA', namedCurve: 'P-384' }, ['verify', 'sign']],
    [{ name: 'ECDH', namedCurve: 'P-521' }, ['deriveBits']],
    [{ name: 'Ed25519' }, ['sign', 'verify']],
    [{ name: 'X25519' }, ['deriveKey', 'deriveBits']],
  ];
  for (const [algorithm, usages] of cases) {
    const pair = await subtle.generateKey(algorithm, false, usages);
    console.log(algorithm.name, Object.getPrototypeOf(pair), Object.keys(pair).join());
    console.log(' ', describe(pair.publicKey));
    console.log(' ', describe(pair.privateKey));
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    console.log('  public jwk', Object.keys(jwk).join());
    const keyObject = crypto.KeyObject.from(pair.privateKey);
    console.log('  KeyObject', keyObject.type, keyObject.asymmetricKeyType,
                JSON.stringify(keyObject.asymmetricKeyDetails, (k, v) => typeof v === 'bigint' ? `${v}` : v),
                crypto.createPublicKey(pair.privateKey).equals(crypto.KeyObject.from(pair.publicKey)));
  }
}

async function errors() {
  console.log('== errors');
  const ES = { name: 'ECDSA', namedCurve: 'P-256' };
  const pub = await subtle.importKey('jwk', ecPublicJwk, ES, false, ['verify']);
  const priv = await subtle.importKey('jwk', ecJwk, ES, false, ['sign']);
  const rsaPub = await subtle.importKey('jwk', rsaPublicJwk, { name: 'RSA-OAEP', hash: 'SHA-1' }, true, ['encrypt']);
  const x = await subtle.importKey('raw', xPeerRaw, 'X25519', true, []);
  const dhPriv = await subtle.importKey('jwk', ecJwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const rsaGen = { name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  await attempt('export not extractable', subtle.exportKey('spki', pub));
  await attempt('export raw of RSA', subtle.exportKey('raw', rsaPub));
  await attempt('export pkcs8 of public', subtle.exportKey('pkcs8', rsaPub));
  await attempt('export spki of private', subtle.exportKey('spki', await subtle.importKey('jwk', edJwk, 'Ed25519', true, ['sign'])));
  await attempt('sign with public', subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pub, message));
  await attempt('sign without hash', subtle.sign({ name: 'ECDSA' }, priv, message));
  await attempt('sign PSS without salt', subtle.sign({ name: 'RSA-PSS' }, priv, message));
  await attempt('sign wrong algorithm', subtle.sign('Ed25519', priv, message));
  await attempt('generate bad usage', subtle.generateKey(ES, true, ['encrypt']));
  await attempt('generate RSA bad usage', subtle.generateKey(rsaGen, true, ['encrypt']));
  await attempt('generate only public usages', subtle.generateKey({ name: 'Ed25519' }, true, ['verify']));
  await attempt('generate bad curve', subtle.generateKey({ name: 'ECDH', namedCurve: 'P-192' }, true, ['deriveBits']));
  await attempt('generate no curve', subtle.generateKey({ name: 'ECDH' }, true, ['deriveBits']));
  await attempt('generate exponent too big', subtle.generateKey({ ...rsaGen, publicExponent: new Uint8Array([1, 0, 0, 0, 0, 1]) }, true, ['sign']));
  await attempt('generate exponent not Uint8Array', subtle.generateKey({ ...rsaGen, publicExponent: [1, 0, 1] }, true, ['sign']));
  await attempt('generate small modulus', subtle.generateKey({ ...rsaGen, modulusLength: 128 }, true, ['sign']));
  await attempt('import usage', subtle.importKey('jwk', ecPublicJwk, ES, true, ['sign']));
  await attempt('import RSA usage', subtle.importKey('jwk', rsaPublicJwk, { name: 'RSA-OAEP', hash: 'SHA-1' }, true, ['decrypt']));
  await attempt('import empty private usages', subtle.importKey('jwk', ecJwk, ES, true, []));
  await attempt('import garbage spki', subtle.importKey('spki', new Uint8Array(10), ES, true, ['verify']));
  await attempt('import EC as RSA', subtle.importKey('jwk', ecJwk, { name: 'RSA-PSS', hash: 'SHA-1' }, true, ['sign']));
  await attempt('import curve mismatch', subtle.importKey('spki', await subtle.exportKey('spki', x), ES, true, ['verify']));
  await attempt('import crv mismatch', subtle.importKey('jwk', ecJwk, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign']));
  await attempt('import alg mismatch', subtle.importKey('jwk', { ...ecJwk, alg: 'ES512' }, ES, true, ['sign']));
  await attempt('import RSA alg mismatch', subtle.importKey('jwk', { ...rsaPublicJwk, alg: 'RS384' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']));
  await attempt('import use mismatch', subtle.importKey('jwk', { ...ecJwk, use: 'enc' }, ES, true, ['sign']));
  await attempt('import key_ops mismatch', subtle.importKey('jwk', { ...ecJwk, key_ops: ['verify'] }, ES, true, ['sign']));
  await attempt('import key_ops duplicate', subtle.importKey('jwk', { ...ecJwk, key_ops: ['sign', 'sign'] }, ES, true, ['sign']));
  await attempt('import key_ops not a sequence', subtle.importKey('jwk', { ...ecJwk, key_ops: 'sign' }, ES, true, ['sign']));
  await attempt('import ext mismatch', subtle.importKey('jwk', { ...ecJwk, ext: false }, ES, true, ['sign']));
  await attempt('import RSA raw', subtle.importKey('raw', new Uint8Array(10), { name: 'RSA-OAEP', hash: 'SHA-1' }, true, ['encrypt']));
  await attempt('import Ed25519 short raw', subtle.importKey('raw', new Uint8Array(31), 'Ed25519', true, ['verify']));
  await attempt('import OKP crv mismatch', subtle.importKey('jwk', edJwk, 'X25519', true, ['deriveBits']));
  await attempt('import OKP wrong x', subtle.importKey('jwk', { ...edJwk, x: xJwk.x }, 'Ed25519', true, ['sign']));
  await attempt('derive without public', subtle.deriveBits({ name: 'ECDH' }, dhPriv, 8));
  await attempt('derive public not a key', subtle.deriveBits({ name: 'ECDH', public: {} }, dhPriv, 8));
  await attempt('derive mixed types', subtle.deriveBits({ name: 'ECDH', public: x }, dhPriv, 8));
  await attempt('derive with private as public', subtle.deriveBits({ name: 'ECDH', public: dhPriv }, dhPriv, 8));
  await attempt('derive with ECDSA key', subtle.deriveBits({ name: 'ECDH', public: pub }, dhPriv, 8));
  await attempt('derive zero point', subtle.deriveBits({ name: 'X25519', public: await subtle.importKey('raw', new Uint8Array(32), 'X25519', true, []) },
                                                      await subtle.importKey('jwk', xJwk, 'X25519', true, ['deriveBits']), null));
  await attempt('unknown algorithm', subtle.generateKey({ name: 'Ed4488' }, true, ['sign']));
}

(async () => {
  await rsa();
  await ec();
  await okp();
  await generated();
  await errors();
})();
