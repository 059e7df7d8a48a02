'use strict';
// Web Crypto's secret-key algorithms over fixed keys (expected output from node): AES-GCM,
// AES-CBC, AES-CTR (including a counter that wraps in its length bits), AES-KW, HMAC, PBKDF2,
// HKDF, JWK export and import, wrapKey/unwrapKey, and the DOMExceptions for bad input.
const { subtle } = globalThis.crypto;

function bytes(n, seed) {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 29 + seed * 13 + 5) & 0xff;
  return b;
}
const hex = (b) => Buffer.from(b).toString('hex');

async function show(label, promise) {
  try {
    const r = await promise;
    console.log(label, r instanceof ArrayBuffer ? hex(r) : typeof r === 'object' ? JSON.stringify(r) : r);
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message));
  }
}

async function main() {
  for (const bits of [128, 192, 256]) {
    const raw = bytes(bits / 8, bits);
    const gcm = await subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
    for (const tagLength of [undefined, 96, 128, 32]) {
      const algorithm = { name: 'AES-GCM', iv: bytes(12, 1), additionalData: bytes(7, 2), tagLength };
      const ct = await subtle.encrypt(algorithm, gcm, bytes(37, 3));
      const pt = await subtle.decrypt(algorithm, gcm, ct);
      console.log('gcm', bits, tagLength, hex(ct), hex(pt) === hex(bytes(37, 3)));
    }
    const cbc = await subtle.importKey('raw', raw, { name: 'AES-CBC' }, true, ['encrypt', 'decrypt']);
    for (const len of [0, 15, 16, 40]) {
      const ct = await subtle.encrypt({ name: 'AES-CBC', iv: bytes(16, 4) }, cbc, bytes(len, 5));
      const pt = await subtle.decrypt({ name: 'AES-CBC', iv: bytes(16, 4) }, cbc, ct);
      console.log('cbc', bits, len, hex(ct), pt.byteLength === len);
    }
    const ctr = await subtle.importKey('raw', raw, 'AES-CTR', true, ['encrypt', 'decrypt']);
    const counter = bytes(16, 6);
    counter[15] = 0xfe;
    for (const length of [128, 64, 8, 2]) {
      const algorithm = { name: 'AES-CTR', counter, length };
      const ct = await subtle.encrypt(algorithm, ctr, bytes(50, 7));
      const pt = await subtle.decrypt(algorithm, ctr, ct);
      console.log('ctr', bits, length, hex(ct), hex(pt) === hex(bytes(50, 7)));
    }
    const kw = await subtle.importKey('raw', raw, 'AES-KW', true, ['wrapKey', 'unwrapKey']);
    const inner = await subtle.importKey('raw', bytes(32, 8), { name: 'HMAC', hash: 'SHA-256' },
                                         true, ['sign', 'verify']);
    const wrapped = await subtle.wrapKey('raw', inner, kw, 'AES-KW');
    const unwrapped = await subtle.unwrapKey('raw', wrapped, kw, 'AES-KW',
                                             { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    console.log('kw', bits, hex(wrapped), hex(await subtle.exportKey('raw', unwrapped)));
    const wrappedJwk = await subtle.wrapKey('jwk', inner, kw, 'AES-KW');
    const fromJwk = await subtle.unwrapKey('jwk', wrappedJwk, kw, 'AES-KW',
                                           { name: 'HMAC', hash: 'SHA-256' }, true, ['verify']);
    console.log('kw jwk', bits, wrappedJwk.byteLength, fromJwk.algorithm.length, fromJwk.usages);
    console.log('jwk', JSON.stringify(await subtle.exportKey('jwk', gcm)));
  }

  for (const hash of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) {
    const key = await subtle.importKey('raw', bytes(20, 9), { name: 'HMAC', hash }, true,
                                       ['sign', 'verify']);
    const sig = await subtle.sign('HMAC', key, bytes(100, 10));
    console.log('hmac', hash, hex(sig), await subtle.verify('HMAC', key, sig, bytes(100, 10)),
                await subtle.verify('HMAC', key, sig, bytes(100, 11)));
    console.log('hmac jwk', JSON.stringify(await subtle.exportKey('jwk', key)));
    const generated = await subtle.generateKey({ name: 'HMAC', hash }, true, ['sign']);
    console.log('hmac generated', JSON.stringify(generated.algorithm),
                (await subtle.exportKey('raw', generated)).byteLength);
    const pbkdf2 = await subtle.importKey('raw', bytes(12, 12), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
    console.log('pbkdf2', hash, hex(await subtle.deriveBits(
      { name: 'PBKDF2', salt: bytes(8, 13), iterations: 1000, hash }, pbkdf2, 256)));
    const hkdf = await subtle.importKey('raw', bytes(22, 14), 'HKDF', false, ['deriveBits', 'deriveKey']);
    console.log('hkdf', hash, hex(await subtle.deriveBits(
      { name: 'HKDF', salt: bytes(13, 15), info: bytes(10, 16), hash }, hkdf, 336)));
    const derived = await subtle.deriveKey(
      { name: 'HKDF', salt: bytes(13, 15), info: bytes(10, 16), hash }, hkdf,
      { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    console.log('derived', JSON.stringify(derived.algorithm), hex(await subtle.exportKey('raw', derived)));
  }

  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  console.log(Object.prototype.toString.call(aes), aes.type, aes.extractable, aes.algorithm, aes.usages);
  console.log(aes instanceof CryptoKey, aes.algorithm === aes.algorithm);
  const hmacKey = await subtle.importKey('raw', bytes(16, 1), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
  await show('export locked', subtle.exportKey('raw', aes));
  await show('bad aes length', subtle.generateKey({ name: 'AES-CBC', length: 100 }, true, ['encrypt']));
  await show('bad usage', subtle.generateKey({ name: 'AES-CBC', length: 128 }, true, ['sign']));
  await show('no usages', subtle.generateKey({ name: 'AES-CBC', length: 128 }, true, []));
  await show('unknown', subtle.generateKey({ name: 'AES-XYZ', length: 128 }, true, ['encrypt']));
  await show('missing member', subtle.encrypt({ name: 'AES-GCM' }, aes, bytes(1, 1)));
  await show('wrong key', subtle.encrypt({ name: 'AES-CBC', iv: bytes(16, 1) }, aes, bytes(1, 1)));
  await show('tag length', subtle.encrypt({ name: 'AES-GCM', iv: bytes(12, 1), tagLength: 20 }, aes, bytes(1, 1)));
  await show('too small', subtle.decrypt({ name: 'AES-GCM', iv: bytes(12, 1) }, aes, bytes(3, 1)));
  await show('auth', subtle.decrypt({ name: 'AES-GCM', iv: bytes(12, 1) }, aes, bytes(30, 1)));
  await show('raw length', subtle.importKey('raw', bytes(17, 1), 'AES-GCM', true, ['encrypt']));
  await show('jwk alg', subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', alg: 'A256GCM' },
                                        'AES-GCM', true, ['encrypt']));
  await show('jwk kty', subtle.importKey('jwk', { kty: 'EC', k: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'AES-GCM', true, ['encrypt']));
  await show('kdf extractable', subtle.importKey('raw', bytes(4, 1), 'PBKDF2', true, ['deriveBits']));
  await show('sign usage', subtle.sign('HMAC', aes, bytes(1, 1)));
  await show('not a key', subtle.sign('HMAC', {}, bytes(1, 1)));
  await show('bad data', subtle.sign('HMAC', hmacKey, 'text'));
  await show('format', subtle.exportKey('nope', hmacKey));
  const pb = await subtle.importKey('raw', bytes(4, 1), 'PBKDF2', false, ['deriveBits']);
  await show('bits null', subtle.deriveBits({ name: 'PBKDF2', salt: bytes(4, 2), iterations: 1, hash: 'SHA-1' }, pb, null));
  await show('bits odd', subtle.deriveBits({ name: 'PBKDF2', salt: bytes(4, 2), iterations: 1, hash: 'SHA-1' }, pb, 12));
  await show('iterations', subtle.deriveBits({ name: 'PBKDF2', salt: bytes(4, 2), iterations: 0, hash: 'SHA-1' }, pb, 16));
  await show('derive usage', subtle.deriveKey({ name: 'PBKDF2', salt: bytes(4, 2), iterations: 1, hash: 'SHA-1' }, pb,
                                              { name: 'AES-GCM', length: 128 }, true, ['encrypt']));
  const kw = await subtle.importKey('raw', bytes(16, 3), 'AES-KW', false, ['unwrapKey']);
  await show('unwrap bad', subtle.unwrapKey('raw', bytes(24, 4), kw, 'AES-KW', 'AES-GCM', true, ['encrypt']));
  await show('args', subtle.encrypt({ name: 'AES-GCM', iv: bytes(12, 1) }, aes));
  // WebIDL's [EnforceRange] integers and enums.
  await show('range short', subtle.generateKey({ name: 'AES-GCM', length: -1 }, true, ['encrypt']));
  await show('range octet', subtle.encrypt({ name: 'AES-GCM', iv: bytes(12, 1), tagLength: 256 }, aes, bytes(1, 1)));
  await show('range long', subtle.deriveBits({ name: 'PBKDF2', salt: bytes(4, 2), iterations: -1, hash: 'SHA-1' }, pb, 8));
  await show('not finite', subtle.generateKey({ name: 'AES-GCM', length: 'x' }, true, ['encrypt']));
  await show('usage enum', subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt', 'nope']));
  await show('gcm iv', subtle.encrypt({ name: 'AES-GCM', iv: bytes(11, 1) }, aes, bytes(1, 1)));
  await show('hash name', subtle.importKey('raw', bytes(4, 1), { name: 'HMAC', hash: 'sha-384' }, true, ['sign'])
    .then((k) => k.algorithm));
}

main();
