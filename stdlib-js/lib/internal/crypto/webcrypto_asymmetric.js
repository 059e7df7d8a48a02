'use strict';
// Web Crypto's asymmetric algorithms: RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP; ECDSA and ECDH
// on P-256, P-384 and P-521; Ed25519, Ed448, X25519 and X448. A CryptoKey of these holds a
// KeyObject (so
// KeyObject.from() and node:crypto's functions take it as they take the KeyObject), and the work
// goes to the same natives node:crypto uses: key generation, signatures and RSA-OAEP run on the
// worker pool (each resolves an ArrayBuffer or boolean), ECDH/X25519/X448 agreement on the
// calling thread (one scalar multiplication).
// internal/crypto/webcrypto_subtle has already converted and normalized the arguments;
// messages and DOMException names are Node's.

const { Buffer } = require('buffer');
const keys = require('internal/crypto/keys');
const { InternalCryptoKey, kAlgorithm, kMaterial } = require('internal/crypto/webcrypto_keys');
const { domException, hashInfo, operationFailed } = require('internal/crypto/webcrypto_symmetric');

const native = binding.crypto;

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const RSA_PKCS1_PSS_PADDING = 6;

const rsaNames = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];
const ecNames = ['ECDSA', 'ECDH'];
const okpNames = ['Ed25519', 'X25519', 'Ed448', 'X448'];
// Bytes in a raw (public) key.
const okpSizes = { 'Ed25519': 32, 'X25519': 32, 'Ed448': 57, 'X448': 56 };
const names = [...rsaNames, ...ecNames, ...okpNames];

// Web Crypto's curve names -> the names KeyObject's asymmetricKeyDetails reports.
const curves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const fieldBytes = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

const hashBits = { 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 };

const signUsages = { public: ['verify'], private: ['sign'] };
const agreeUsages = { public: [], private: ['deriveKey', 'deriveBits'] };
const usageSets = {
  'RSASSA-PKCS1-v1_5': signUsages,
  'RSA-PSS': signUsages,
  'RSA-OAEP': { public: ['encrypt', 'wrapKey'], private: ['decrypt', 'unwrapKey'] },
  'ECDSA': signUsages,
  'ECDH': agreeUsages,
  'Ed25519': signUsages,
  'X25519': agreeUsages,
  'Ed448': signUsages,
  'X448': agreeUsages,
};

function familyOf(name) {
  if (rsaNames.includes(name)) return 'rsa';
  if (ecNames.includes(name)) return 'ec';
  return 'okp';
}

function invalidKeyData() {
  return domException('Invalid keyData', 'DataError');
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A fresh ArrayBuffer holding exactly `bytes`. */
function arrayBufferOf(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function keyObjectOf(key) {
  return key[kMaterial];
}

function makeCryptoKey(keyObject, algorithm, extractable, usages) {
  return new InternalCryptoKey(keyObject.type, keyObject, algorithm, extractable, usages);
}

// ===== usages =====

/** Generation: every usage must belong to the algorithm (Node's wording differs for RSA). */
function checkGenerateUsages(name, usages) {
  const set = usageSets[name];
  const allowed = [...set.public, ...set.private];
  if (usages.some((u) => !allowed.includes(u))) {
    const what = familyOf(name) === 'rsa' ? 'a RSA' : `an ${name}`;
    throw domException(`Unsupported key usage for ${what} key`, 'SyntaxError');
  }
}

/** Import: the usages must suit the kind of key being imported. */
function checkImportUsages(name, isPublic, usages) {
  const allowed = usageSets[name][isPublic ? 'public' : 'private'];
  if (usages.some((u) => !allowed.includes(u))) {
    const what = familyOf(name) === 'rsa' ? `an ${name}` : `a ${name}`;
    throw domException(`Unsupported key usage for ${what} key`, 'SyntaxError');
  }
}

// ===== generateKey =====

/** The unsigned 32-bit value of a big-endian byte string, or undefined if it does not fit. */
function exponentOf(bytes) {
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.length - i > 4 && bytes[i] !== 0) return undefined;
    value = (value * 256 + bytes[i]) % 4294967296;
  }
  return value;
}

function keyGen(args) {
  return new Promise((resolve, reject) => {
    native.keyGen(args[0], args[1], args[2], undefined, undefined, undefined, (err, pair) => {
      if (err) reject(operationFailed());
      else resolve(pair);
    });
  });
}

async function generateKey(algorithm, extractable, usages) {
  const { name } = algorithm;
  let args;
  let keyAlgorithm;
  switch (familyOf(name)) {
    case 'rsa': {
      const exponent = exponentOf(algorithm.publicExponent);
      if (exponent === undefined) {
        throw domException('The publicExponent must be equivalent to an unsigned 32-bit value',
                           'OperationError');
      }
      args = ['rsa', algorithm.modulusLength, exponent];
      keyAlgorithm = {
        name,
        modulusLength: algorithm.modulusLength,
        publicExponent: algorithm.publicExponent.slice(),
        hash: { name: algorithm.hash.name },
      };
      break;
    }
    case 'ec':
      if (curves[algorithm.namedCurve] === undefined) {
        throw domException('Unrecognized namedCurve', 'NotSupportedError');
      }
      args = ['ec', algorithm.namedCurve];
      keyAlgorithm = { name, namedCurve: algorithm.namedCurve };
      break;
    default:
      args = [name.toLowerCase()];
      keyAlgorithm = { name };
  }
  checkGenerateUsages(name, usages);
  const set = usageSets[name];
  const publicUsages = set.public.filter((u) => usages.includes(u));
  const privateUsages = set.private.filter((u) => usages.includes(u));
  const [pkcs8, spki] = await keyGen(args);
  // Node checks this once the pair exists, so a failed generation is reported first.
  if (privateUsages.length === 0) {
    throw domException('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
  const publicKey = makeCryptoKey(keys.makeKeyObject(false, spki), keyAlgorithm, true,
                                  publicUsages);
  const privateKey = makeCryptoKey(keys.makeKeyObject(true, pkcs8), keyAlgorithm, extractable,
                                   privateUsages);
  // Node's pairs list their members in this order for Ed25519, Ed448, X25519 and X448.
  if (familyOf(name) === 'okp') return { __proto__: null, privateKey, publicKey };
  return { __proto__: null, publicKey, privateKey };
}

// ===== importKey =====

function parseDer(keyData, isPublic) {
  try {
    const key = { key: Buffer.from(bytesOf(keyData)), format: 'der',
                  type: isPublic ? 'spki' : 'pkcs8' };
    return isPublic ? keys.createPublicKey(key) : keys.createPrivateKey(key);
  } catch {
    throw invalidKeyData();
  }
}

function parseJwk(jwk, isPublic) {
  try {
    return isPublic ? keys.createPublicKey({ key: jwk, format: 'jwk' }) :
      keys.createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    throw invalidKeyData();
  }
}

/** A JWK's "kty" checked; true when it describes a public key (no "d"). */
function checkKty(jwk, kty) {
  if (!jwk.kty) throw invalidKeyData();
  if (jwk.kty !== kty) throw domException('Invalid JWK "kty" Parameter', 'DataError');
  return jwk.d === undefined;
}

/** The "use", "key_ops" and "ext" members checked against the import's arguments. */
function checkJwkMembers(jwk, use, usages, extractable) {
  if (usages.length > 0 && jwk.use !== undefined && jwk.use !== use) {
    throw domException('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    const ops = jwk.key_ops;
    if (new Set(ops).size !== ops.length) {
      throw domException('Duplicate key operation', 'DataError');
    }
    if (!usages.every((u) => ops.includes(u))) {
      throw domException('Key operations and usage mismatch', 'DataError');
    }
  }
  if (jwk.ext === false && extractable) {
    throw domException('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
}

// JWK "alg" values (and digest names) -> the Web Crypto hash they name, by lower-case name.
const jwkHashes = new Map();
for (const [hash, bits] of [['SHA-1', '1'], ['SHA-256', '256'], ['SHA-384', '384'],
  ['SHA-512', '512']]) {
  for (const alias of [`rs${bits}`, `ps${bits}`, bits === '1' ? 'rsa-oaep' : `rsa-oaep-${bits}`,
    `sha${bits}`, `sha-${bits}`]) {
    jwkHashes.set(alias, hash);
  }
}

function rsaJwkAlg(name, hash) {
  const bits = hash.slice(4);
  if (name === 'RSA-OAEP') return bits === '1' ? 'RSA-OAEP' : `RSA-OAEP-${bits}`;
  return `${name === 'RSA-PSS' ? 'PS' : 'RS'}${bits}`;
}

function importRsa(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  let keyObject;
  switch (format) {
    case 'spki':
    case 'pkcs8':
      checkImportUsages(name, format === 'spki', usages);
      keyObject = parseDer(keyData, format === 'spki');
      break;
    case 'jwk': {
      const isPublic = checkKty(keyData, 'RSA');
      checkImportUsages(name, isPublic, usages);
      checkJwkMembers(keyData, name === 'RSA-OAEP' ? 'enc' : 'sig', usages, extractable);
      if (keyData.alg !== undefined) {
        const alg = `${keyData.alg}`.toLowerCase();
        if (jwkHashes.get(alg) !== algorithm.hash.name) {
          throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
        }
      }
      keyObject = parseJwk(keyData, isPublic);
      break;
    }
    default:
      throw domException(`Unable to import RSA key with format ${format}`, 'NotSupportedError');
  }
  if (keyObject.asymmetricKeyType !== 'rsa') throw domException('Invalid key type', 'DataError');
  const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
  let hex = publicExponent.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return makeCryptoKey(keyObject, {
    name,
    modulusLength,
    publicExponent: new Uint8Array(Buffer.from(hex, 'hex')),
    hash: algorithm.hash,
  }, extractable, usages);
}

/** An EC public key from an uncompressed or compressed point. */
function ecPublicFromPoint(namedCurve, point) {
  const full = native.ecdhConvert(namedCurve, bytesOf(point), false);
  const size = fieldBytes[namedCurve];
  if (full === undefined || full.length !== 1 + 2 * size) throw invalidKeyData();
  const b64 = (from, to) => Buffer.from(full.subarray(from, to)).toString('base64url');
  return parseJwk({ kty: 'EC', crv: namedCurve, x: b64(1, 1 + size), y: b64(1 + size) }, true);
}

function importEc(format, keyData, algorithm, extractable, usages) {
  const { name, namedCurve } = algorithm;
  if (curves[namedCurve] === undefined) {
    throw domException('Unrecognized namedCurve', 'NotSupportedError');
  }
  let keyObject;
  switch (format) {
    case 'spki':
    case 'pkcs8':
      checkImportUsages(name, format === 'spki', usages);
      keyObject = parseDer(keyData, format === 'spki');
      break;
    case 'jwk': {
      const isPublic = checkKty(keyData, 'EC');
      if (keyData.crv !== namedCurve) {
        throw domException('JWK "crv" does not match the requested algorithm', 'DataError');
      }
      checkImportUsages(name, isPublic, usages);
      checkJwkMembers(keyData, name === 'ECDH' ? 'enc' : 'sig', usages, extractable);
      if (name === 'ECDSA' && keyData.alg !== undefined) {
        const algCurve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[keyData.alg];
        if (algCurve !== namedCurve) {
          throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
        }
      }
      keyObject = parseJwk(keyData, isPublic);
      break;
    }
    default:
      checkImportUsages(name, true, usages);
      keyObject = ecPublicFromPoint(namedCurve, keyData);
  }
  if (keyObject.asymmetricKeyType !== 'ec') throw domException('Invalid key type', 'DataError');
  if (keyObject.asymmetricKeyDetails.namedCurve !== curves[namedCurve]) {
    throw domException('Named curve mismatch', 'DataError');
  }
  return makeCryptoKey(keyObject, { name, namedCurve }, extractable, usages);
}

function okpPublicFromRaw(name, bytes) {
  return parseJwk({ kty: 'OKP', crv: name, x: Buffer.from(bytes).toString('base64url') }, true);
}

function importOkp(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  let keyObject;
  switch (format) {
    case 'spki':
    case 'pkcs8':
      checkImportUsages(name, format === 'spki', usages);
      keyObject = parseDer(keyData, format === 'spki');
      break;
    case 'jwk': {
      const isPublic = checkKty(keyData, 'OKP');
      if (keyData.crv !== name) {
        throw domException('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
      }
      checkImportUsages(name, isPublic, usages);
      const signing = usageSets[name] === signUsages;
      checkJwkMembers(keyData, signing ? 'sig' : 'enc', usages, extractable);
      if (keyData.alg !== undefined && signing && keyData.alg !== 'EdDSA' &&
          keyData.alg !== name) {
        throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      if (typeof keyData.x !== 'string') throw domException('Invalid JWK', 'DataError');
      const publicKey = okpPublicFromRaw(name, Buffer.from(keyData.x, 'base64url'));
      if (isPublic) {
        keyObject = publicKey;
      } else {
        // The private half must be the one the given public half belongs to.
        keyObject = parseJwk({ kty: 'OKP', crv: name, x: keyData.x, d: keyData.d }, false);
        if (!keys.createPublicKey(keyObject).equals(publicKey)) throw invalidKeyData();
      }
      break;
    }
    default: {
      checkImportUsages(name, true, usages);
      if (keyData.byteLength !== okpSizes[name]) {
        throw domException(`${name} raw keys must be exactly ${okpSizes[name]}-bytes`,
                           'DataError');
      }
      keyObject = okpPublicFromRaw(name, bytesOf(keyData));
    }
  }
  if (keyObject.asymmetricKeyType !== name.toLowerCase()) {
    throw domException('Invalid key type', 'DataError');
  }
  return makeCryptoKey(keyObject, { name }, extractable, usages);
}

function importKey(format, keyData, algorithm, extractable, usages) {
  let key;
  switch (familyOf(algorithm.name)) {
    case 'rsa': key = importRsa(format, keyData, algorithm, extractable, usages); break;
    case 'ec': key = importEc(format, keyData, algorithm, extractable, usages); break;
    default: key = importOkp(format, keyData, algorithm, extractable, usages);
  }
  if (key.type === 'private' && usages.length === 0) {
    throw domException('Usages cannot be empty when importing a private key.', 'SyntaxError');
  }
  return key;
}

// ===== exportKey =====

function exportKey(format, key) {
  const algorithm = key[kAlgorithm];
  const { name } = algorithm;
  const keyObject = keyObjectOf(key);
  const refuse = (what) =>
    domException(`Unable to export a ${what} ${name} ${key.type} key`, 'InvalidAccessError');
  switch (format) {
    case 'spki':
      // Node's message says "raw" here.
      if (key.type !== 'public') throw refuse('raw');
      return arrayBufferOf(bytesOf(keyObject.export({ format: 'der', type: 'spki' })));
    case 'pkcs8':
      if (key.type !== 'private') throw refuse('pkcs8');
      return arrayBufferOf(bytesOf(keyObject.export({ format: 'der', type: 'pkcs8' })));
    case 'raw': {
      const family = familyOf(name);
      if (key.type !== 'public' || family === 'rsa') throw refuse('raw');
      const jwk = keyObject.export({ format: 'jwk' });
      const x = Buffer.from(jwk.x, 'base64url');
      if (family === 'okp') return arrayBufferOf(new Uint8Array(x));
      const y = Buffer.from(jwk.y, 'base64url');
      const out = new Uint8Array(1 + x.length + y.length);
      out[0] = 4;
      out.set(x, 1);
      out.set(y, 1 + x.length);
      return out.buffer;
    }
    default: {
      const jwk = { key_ops: key.usages.slice(), ext: key.extractable,
                    ...keyObject.export({ format: 'jwk' }) };
      if (familyOf(name) === 'rsa') jwk.alg = rsaJwkAlg(name, algorithm.hash.name);
      else if (name === 'Ed25519' || name === 'Ed448') jwk.alg = name;
      return jwk;
    }
  }
}

// ===== sign and verify =====

function signatureJob(algorithm, key, data, signature) {
  const verifying = signature !== undefined;
  const type = verifying ? 'public' : 'private';
  if (key.type !== type) throw domException(`Key must be a ${type} key`, 'InvalidAccessError');
  // Node 20 signs Ed448 in pure mode only (RFC 8032's empty context).
  if (algorithm.name === 'Ed448' && algorithm.context?.byteLength) {
    throw domException('Non zero-length context is not yet supported.', 'NotSupportedError');
  }
  const keyAlgorithm = key[kAlgorithm];
  let digest;
  let padding;
  let saltLength;
  let p1363 = false;
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      digest = hashInfo[keyAlgorithm.hash.name].native;
      padding = RSA_PKCS1_PADDING;
      break;
    case 'RSA-PSS': {
      digest = hashInfo[keyAlgorithm.hash.name].native;
      padding = RSA_PKCS1_PSS_PADDING;
      saltLength = algorithm.saltLength;
      // A salt longer than the key leaves room for is an error here, where node:crypto's
      // verify() just returns false.
      const hashBytes = hashBits[keyAlgorithm.hash.name] / 8;
      const maxSalt = Math.ceil((keyAlgorithm.modulusLength - 1) / 8) - hashBytes - 2;
      if (verifying && saltLength > maxSalt) throw operationFailed();
      break;
    }
    case 'ECDSA':
      digest = hashInfo[algorithm.hash.name].native;
      p1363 = true;
      break;
    default:
      break;
  }
  const der = keyObjectOf(key)[keys.kHandle].bytes;
  return new Promise((resolve, reject) => {
    const done = (err, result) => {
      if (err) reject(operationFailed());
      else resolve(verifying ? result : arrayBufferOf(result));
    };
    if (verifying) {
      native.verify(der, digest, data, false, padding, saltLength, p1363, signature, done);
    } else {
      native.sign(der, digest, data, false, padding, saltLength, p1363, done);
    }
  });
}

function sign(algorithm, key, data) {
  return signatureJob(algorithm, key, data, undefined);
}

function verify(algorithm, key, signature, data) {
  return signatureJob(algorithm, key, data, signature);
}

// ===== RSA-OAEP =====

function rsaOaep(algorithm, key, data, decrypt) {
  const type = decrypt ? 'private' : 'public';
  if (key.type !== type) {
    throw domException('The requested operation is not valid for the provided key',
                       'InvalidAccessError');
  }
  const handle = keyObjectOf(key)[keys.kHandle];
  const hash = hashInfo[key[kAlgorithm].hash.name].native;
  const label = algorithm.label === undefined || algorithm.label.byteLength === 0 ?
    undefined : bytesOf(algorithm.label);
  return new Promise((resolve, reject) => {
    native.pkCrypt(decrypt ? 1 : 0, handle.bytes, decrypt, bytesOf(data), RSA_PKCS1_OAEP_PADDING,
                   hash, label, (err, out) => {
                     if (err) reject(operationFailed());
                     else resolve(arrayBufferOf(out));
                   });
  });
}

// ===== ECDH, X25519 and X448 =====

function deriveBits(algorithm, baseKey, length) {
  const peer = algorithm.public;
  if (peer.type !== 'public') {
    throw domException('algorithm.public must be a public key', 'InvalidAccessError');
  }
  if (baseKey.type !== 'private') {
    throw domException('baseKey must be a private key', 'InvalidAccessError');
  }
  const peerAlgorithm = peer[kAlgorithm];
  const baseAlgorithm = baseKey[kAlgorithm];
  if (!['ECDH', 'X25519', 'X448'].includes(peerAlgorithm.name)) {
    throw domException('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
  }
  if (peerAlgorithm.name !== baseAlgorithm.name) {
    throw domException('The public and private keys must be of the same type',
                       'InvalidAccessError');
  }
  if (peerAlgorithm.name === 'ECDH' && peerAlgorithm.namedCurve !== baseAlgorithm.namedCurve) {
    throw domException('Named curve mismatch', 'InvalidAccessError');
  }
  let secret;
  try {
    secret = native.dhCompute(keyObjectOf(baseKey)[keys.kHandle].bytes,
                              keyObjectOf(peer)[keys.kHandle].bytes);
  } catch {
    throw operationFailed();
  }
  if (length === null) return arrayBufferOf(secret);
  const bytes = Math.ceil(length / 8);
  if (secret.length < bytes) {
    throw domException('derived bit length is too small', 'OperationError');
  }
  const out = secret.slice(0, bytes);
  // The bits past `length` in the last byte are cleared.
  if (length % 8 !== 0) out[bytes - 1] &= (0xff << (8 - (length % 8))) & 0xff;
  return arrayBufferOf(out);
}

module.exports = {
  deriveBits,
  exportKey,
  generateKey,
  importKey,
  isAsymmetric: (name) => names.includes(name),
  rsaOaep,
  sign,
  verify,
};
