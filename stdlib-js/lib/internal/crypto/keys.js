'use strict';
// KeyObject and the key factories of node:crypto (createSecretKey, createPublicKey,
// createPrivateKey, generateKeyPair(Sync), generateKey(Sync)), plus the key-argument parsing
// that signing and public-key encryption share (prepareAsymmetricKey). A key's material is a
// handle holding bytes: a secret key's own bytes, or an asymmetric key's canonical DER (PKCS#8
// for private, SPKI for public), which the natives in bindings/src/crypto_keyobj.rs,
// crypto_sign.rs and crypto_keygen.rs parse. Equal keys have equal DER.

const { codes, validateFunction, validateInt32, validateInteger, validateObject,
        validateOneOf, validateString, validateUint32 } = require('internal/errors');
const { getArrayBufferOrView, isAnyArrayBuffer, nativeError, toBuffer } =
  require('internal/crypto/util');

const { ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
        ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_JWK } = codes;
const native = binding.crypto;

const kKeyType = Symbol('kKeyType');
const kHandle = Symbol('kHandle');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

// ===== handles =====

/** A key's material. `private` is meaningful for asymmetric keys only. */
class KeyObjectHandle {
  constructor(bytes, isPrivate) {
    this.bytes = bytes;
    this.isPrivate = isPrivate;
    this.info = undefined;
  }

  getInfo() {
    if (this.info === undefined) this.info = native.keyInfo(this.bytes, this.isPrivate);
    return this.info;
  }

  equals(other) {
    const a = this.bytes;
    const b = other.bytes;
    if (a.length !== b.length) return false;
    return native.timingSafeEqual(a, b);
  }
}

// ===== KeyObject classes =====

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, {
      value: handle, enumerable: false, configurable: false, writable: false,
    });
    // postMessage() and structuredClone() copy a key into a new KeyObject (kCloneData).
    markCloneable(this);
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    const { isCryptoKey } = require('internal/crypto/webcrypto_keys');
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return cryptoKeyToKeyObject(key);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type &&
      this[kHandle].equals(otherKeyObject[kHandle]);
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: 'KeyObject', writable: false, enumerable: false, configurable: true,
});

let cloneSymbols;
function markCloneable(object) {
  if (cloneSymbols === undefined) {
    cloneSymbols = require('internal/worker/clone');
    Object.defineProperty(KeyObject.prototype, cloneSymbols.kCloneData, {
      value: keyObjectCloneData, writable: false, enumerable: false, configurable: true,
    });
  }
  cloneSymbols.markTransferable(object);
}

function keyObjectCloneData() {
  return { module: 'internal/crypto/keys', name: 'reviveKeyObject', data: keyObjectData(this) };
}

/** A key as plain data: its type and material (copied). */
function keyObjectData(key) {
  const handle = key[kHandle];
  return { type: key.type, bytes: new Uint8Array(handle.bytes), isPrivate: handle.isPrivate };
}

function reviveKeyObject({ type, bytes, isPrivate }) {
  const handle = new KeyObjectHandle(bytes, isPrivate);
  if (type === 'secret') return new SecretKeyObject(handle);
  return isPrivate ? new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return this[kHandle].bytes.length;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: toBuffer(this[kHandle].bytes).toString('base64url') };
      }
    }
    return Buffer.from(this[kHandle].bytes);
  }
}

class AsymmetricKeyObject extends KeyObject {
  // Both are cached on the object under symbols, as Node does (util.inspect shows them).
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] ||= this[kHandle].getInfo().type;
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'ec':
      case 'dsa':
        return this[kAsymmetricKeyDetails] ||= keyDetails(this[kHandle].getInfo());
      default:
        return {};
    }
  }
}

function keyDetails(info) {
  if (info.type === 'ec') return { namedCurve: info.namedCurve };
  if (info.type === 'dsa') {
    return { modulusLength: info.modulusLength, divisorLength: info.divisorLength };
  }
  const details = { modulusLength: info.modulusLength, publicExponent: info.publicExponent };
  if (info.hashAlgorithm !== undefined) {
    details.hashAlgorithm = info.hashAlgorithm;
    details.mgf1HashAlgorithm = info.mgf1HashAlgorithm;
    details.saltLength = info.saltLength;
  }
  return details;
}

function exportJwk(key) {
  const type = key.asymmetricKeyType;
  if (!['rsa', 'ec', 'ed25519', 'x25519', 'ed448', 'x448'].includes(type)) {
    throw nativeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
  }
  const handle = key[kHandle];
  return native.keyToJwk(handle.bytes, handle.isPrivate);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') return exportJwk(this);
    const { format, type } = parseKeyEncoding(options, this.asymmetricKeyType, true);
    return nativeExport(this[kHandle], format, type);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      }
      return exportJwk(this);
    }
    const { format, type, cipher, passphrase } =
      parseKeyEncoding(options, this.asymmetricKeyType, false);
    return nativeExport(this[kHandle], format, type, cipher, passphrase);
  }
}

function nativeExport(handle, format, type, cipher, passphrase) {
  if (cipher !== undefined) cipher = checkCipher(cipher);
  const out = native.keyExport(handle.bytes, handle.isPrivate, format, type, cipher, passphrase);
  return typeof out === 'string' ? out : toBuffer(out);
}

// The ciphers a private key can be written with (PKCS#8 PBES2 or traditional PEM), by OpenSSL's
// names and aliases.
const kKeyCiphers = new Map([
  ['aes-128-cbc', 'aes-128-cbc'], ['aes-192-cbc', 'aes-192-cbc'], ['aes-256-cbc', 'aes-256-cbc'],
  ['des-ede3-cbc', 'des-ede3-cbc'], ['aes128', 'aes-128-cbc'], ['aes192', 'aes-192-cbc'],
  ['aes256', 'aes-256-cbc'], ['des3', 'des-ede3-cbc'],
  // PKCS#8 only (PBES2 with no IV).
  ['aes-128-ecb', 'aes-128-ecb'], ['aes-192-ecb', 'aes-192-ecb'], ['aes-256-ecb', 'aes-256-ecb'],
]);
function checkCipher(cipher) {
  const name = kKeyCiphers.get(`${cipher}`.toLowerCase());
  if (name === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  }
  return name;
}

function isKeyObject(value) {
  return value != null && value[kHandle] !== undefined && value instanceof KeyObject;
}

function makeKeyObject(isPrivate, bytes) {
  const handle = new KeyObjectHandle(bytes, isPrivate);
  return isPrivate ? new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

// A secret CryptoKey's KeyObject, made on first use: KeyObject.from() gives the same one each
// time, as Node's does.
const secretKeyObjects = new WeakMap();

function cryptoKeyToKeyObject(cryptoKey) {
  const { kMaterial } = require('internal/crypto/webcrypto_keys');
  const material = cryptoKey[kMaterial];
  if (material instanceof KeyObject) return material;
  if (cryptoKey.type === 'secret') {
    let keyObject = secretKeyObjects.get(cryptoKey);
    if (keyObject === undefined) {
      keyObject = new SecretKeyObject(new KeyObjectHandle(new Uint8Array(material), false));
      secretKeyObjects.set(cryptoKey, keyObject);
    }
    return keyObject;
  }
  throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', cryptoKey);
}

// ===== encodings =====

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
  if (formatStr === 'pem' || formatStr === 'der' || formatStr === 'jwk') return formatStr;
  throw new ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) return undefined;
  if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for RSA keys');
    }
    return typeStr;
  }
  if (typeStr === 'spki' && isPublic !== false) return typeStr;
  if (typeStr === 'pkcs8' && isPublic !== true) return typeStr;
  if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for EC keys');
    }
    return typeStr;
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

function parseKeyFormatAndType(enc, keyType, isPublic, objName) {
  const { format: formatStr, type: typeStr } = enc;
  const isInput = keyType === undefined;
  const format = parseKeyFormat(formatStr, isInput ? 'pem' : undefined, option('format', objName));
  const isRequired = (!isInput || format === 'der') && format !== 'jwk';
  const type = parseKeyType(typeStr, isRequired, keyType, isPublic, option('type', objName));
  return { format, type };
}

function isStringOrBuffer(value) {
  return typeof value === 'string' || ArrayBuffer.isView(value) || isAnyArrayBuffer(value);
}

/**
 * A key encoding object's format, type, cipher and passphrase, checked as Node checks them.
 * `keyType` undefined means the encoding describes an input.
 */
function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const isInput = keyType === undefined;
  const { format, type } = parseKeyFormatAndType(enc, keyType, isPublic, objName);
  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }
    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
    }
  }
  if (passphrase !== undefined) {
    passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  }
  return { format, type, cipher: cipher == null ? undefined : cipher, passphrase };
}

// ===== key arguments =====

// What a key argument is for: it decides which kinds of key and input are accepted.
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

const kBufferTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function getKeyObjectHandle(key, ctx) {
  if (ctx === kCreatePrivate) throw new ERR_INVALID_ARG_TYPE('key', kBufferTypes, key);
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    if (key.type !== 'public') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'public');
  }
  return key[kHandle];
}

function validateJwk(key, ctx) {
  validateObject(key, 'key');
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');
    const data = Buffer.from(isPublic ? key.x : key.d, 'base64');
    const size = key.crv === 'Ed448' ? 57 : key.crv === 'X448' ? 56 : 32;
    if (data.byteLength !== size) throw new ERR_CRYPTO_INVALID_JWK();
  } else if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    if (!isPublic) validateString(key.d, 'key.d');
  } else {
    validateString(key.n, 'key.n');
    validateString(key.e, 'key.e');
    if (!isPublic) {
      for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) validateString(key[name], `key.${name}`);
    }
  }
  return isPublic;
}

/** A handle for a JWK argument (public unless the context wants a private key). */
function handleFromJwk(jwk, ctx) {
  const isPublic = validateJwk(jwk, ctx);
  const [isPrivate, der] = native.keyFromJwk(jwk, !isPublic);
  return new KeyObjectHandle(der, isPrivate);
}

// Keys given as PEM strings are parsed once: a JWT library signs with the same PEM each time.
const pemCache = new Map();

function importKey(data, format, type, passphrase, ctx) {
  const wantPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  const cacheable = typeof data === 'string' && passphrase === undefined && format === 'pem';
  const cacheKey = cacheable ? `${wantPublic ? 1 : 0}${data}` : undefined;
  if (cacheable) {
    const hit = pemCache.get(cacheKey);
    if (hit !== undefined) return hit;
  }
  const [isPrivate, der] = native.keyImport(data, format, type, wantPublic, passphrase);
  const handle = new KeyObjectHandle(der, isPrivate);
  if (cacheable) {
    if (pemCache.size >= 32) pemCache.delete(pemCache.keys().next().value);
    pemCache.set(cacheKey, handle);
  }
  return handle;
}

/**
 * A key argument (KeyObject, CryptoKey, PEM/DER input, JWK, or an object with `key`) as a
 * handle; for kConsumePublic a private key stays private (the natives take its public half).
 */
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) return getKeyObjectHandle(key, ctx);
  const { isCryptoKey } = require('internal/crypto/webcrypto_keys');
  if (isCryptoKey(key)) return getKeyObjectHandle(cryptoKeyToKeyObject(key), ctx);
  if (isStringOrBuffer(key)) {
    return importKey(keyBytes(key, 'key'), 'pem', undefined, undefined, ctx);
  }
  if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format } = key;
    if (isKeyObject(data)) return getKeyObjectHandle(data, ctx);
    if (isCryptoKey(data)) return getKeyObjectHandle(cryptoKeyToKeyObject(data), ctx);
    if (format === 'jwk') {
      validateObject(data, 'key.key');
      return handleFromJwk(data, ctx);
    }
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE(
        'key.key',
        [...kBufferTypes, ...(ctx !== kCreatePrivate ? ['KeyObject', 'CryptoKey'] : [])],
        data);
    }
    const isPublic = (ctx === kConsumePrivate || ctx === kCreatePrivate) ? false : undefined;
    const enc = parseKeyEncoding(key, undefined, isPublic);
    return importKey(keyBytes(data, 'key', encoding), enc.format, enc.type, enc.passphrase, ctx);
  }
  throw new ERR_INVALID_ARG_TYPE(
    'key', [...kBufferTypes, ...(ctx !== kCreatePrivate ? ['KeyObject', 'CryptoKey'] : [])], key);
}

/** Key bytes: a string stays a string (PEM text) unless an encoding says otherwise. */
function keyBytes(value, name, encoding) {
  if (typeof value === 'string' && (encoding === undefined || encoding === 'utf8' ||
                                    encoding === 'utf-8' || encoding === 'buffer')) {
    return value;
  }
  return getArrayBufferOrView(value, name, encoding);
}

function preparePrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePrivate);
}

function preparePublicOrPrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePublic);
}

// ===== factories =====

function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle].bytes;
    }
    const { isCryptoKey, secretBytesOf } = require('internal/crypto/webcrypto_keys');
    if (isCryptoKey(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return secretBytesOf(key);
    }
  }
  if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
       ...(bufferOnly ? [] : ['string', 'KeyObject', 'CryptoKey'])],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return new SecretKeyObject(new KeyObjectHandle(copy, false));
}

function createPublicKey(key) {
  const handle = prepareAsymmetricKey(key, kCreatePublic);
  if (handle.isPrivate) {
    return makeKeyObject(false, native.keyPublicDer(handle.bytes));
  }
  return new PublicKeyObject(handle);
}

function createPrivateKey(key) {
  const handle = prepareAsymmetricKey(key, kCreatePrivate);
  if (!handle.isPrivate) {
    throw nativeError(Error, 'ERR_OSSL_UNSUPPORTED', 'error:1E08010C:DECODER routines::unsupported');
  }
  return new PrivateKeyObject(handle);
}

// ===== generation =====

function keygenEncoding(keyType, options) {
  const { publicKeyEncoding, privateKeyEncoding } = options || {};
  let pub, priv;
  if (publicKeyEncoding != null) {
    if (typeof publicKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
    }
    pub = parseKeyEncoding(publicKeyEncoding, keyType, keyType ? true : undefined,
                           'publicKeyEncoding');
  }
  if (privateKeyEncoding != null) {
    if (typeof privateKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
    }
    priv = parseKeyEncoding(privateKeyEncoding, keyType, false, 'privateKeyEncoding');
    if (priv.cipher !== undefined) checkCipher(priv.cipher);
  }
  return { pub, priv };
}

let warnedHash = false;
let warnedMgf1 = false;

/** The native arguments for a key-pair type and its options, checked as Node checks them. */
function keygenArgs(type, options) {
  validateString(type, 'type');
  const encoding = keygenEncoding(type, options);
  if (options !== undefined) validateObject(options, 'options');
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { publicExponent } = options;
      if (publicExponent == null) publicExponent = 0x10001;
      else validateUint32(publicExponent, 'options.publicExponent');
      if (type === 'rsa') return { args: [type, modulusLength, publicExponent], encoding };
      const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
      if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
      if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
      if (mgf1HashAlgorithm !== undefined) {
        validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
      }
      if (hash !== undefined) {
        if (!warnedHash) {
          warnedHash = true;
          process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.',
                              'DeprecationWarning', 'DEP0154');
        }
        validateString(hash, 'options.hash');
        if (hashAlgorithm && hash !== hashAlgorithm) throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
      }
      if (mgf1Hash !== undefined) {
        if (!warnedMgf1) {
          warnedMgf1 = true;
          process.emitWarning('"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" instead.',
                              'DeprecationWarning', 'DEP0154');
        }
        validateString(mgf1Hash, 'options.mgf1Hash');
        if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) {
          throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
        }
      }
      const h = hashAlgorithm || hash;
      const m = mgf1HashAlgorithm || mgf1Hash;
      if (h !== undefined) checkDigest(h, 'Invalid digest');
      if (m !== undefined) checkDigest(m, 'Invalid MGF1 digest');
      return { args: [type, modulusLength, publicExponent, h, m, saltLength], encoding };
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      const { paramEncoding } = options;
      if (paramEncoding != null && paramEncoding !== 'named' && paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      return { args: [type, namedCurve], encoding };
    }
    case 'ed25519':
    case 'x25519':
    case 'ed448':
    case 'x448':
      return { args: [type], encoding };
    case 'dh':
      return { args: [type, ...dhGroup(options)], encoding };
    case 'dsa': {
      validateObject(options, 'options');
      const { modulusLength, divisorLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      if (divisorLength != null) validateInt32(divisorLength, 'options.divisorLength', 0);
      return { args: [type, modulusLength, divisorLength ?? undefined], encoding };
    }
    default:
      break;
  }
  throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
}

/**
 * The prime, generator (big-endian bytes) and prime length of generateKeyPair('dh', options):
 * a MODP group by name, a given prime, or (prime undefined) a safe prime of primeLength bits,
 * which the key generation job finds.
 */
function dhGroup(options) {
  validateObject(options, 'options');
  const { group, primeLength } = options;
  let { prime, generator } = options;
  if (group != null) {
    if (prime != null) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
    if (primeLength != null) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
    if (generator != null) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
    validateString(group, 'options.group');
    const hex = require('internal/crypto/dh_groups')[group];
    if (hex === undefined) {
      throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
    }
    return [Buffer.from(hex, 'hex'), new Uint8Array([2]), undefined];
  }
  if (prime != null) {
    if (primeLength != null) {
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
    }
    if (!ArrayBuffer.isView(prime)) {
      throw new ERR_INVALID_ARG_TYPE('options.prime', ['Buffer', 'TypedArray', 'DataView'], prime);
    }
  } else if (primeLength != null) {
    validateInt32(primeLength, 'options.primeLength', 0);
  } else {
    throw new codes.ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
  }
  if (generator != null) validateInt32(generator, 'options.generator', 0);
  else generator = 2;
  let hex = generator.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = prime == null ? undefined :
    new Uint8Array(prime.buffer, prime.byteOffset, prime.byteLength);
  return [bytes, new Uint8Array(Buffer.from(hex, 'hex')), primeLength ?? undefined];
}

function checkDigest(name, message) {
  if (require('internal/crypto/util').digestInfo(name) === undefined) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `${message}: ${name}`);
  }
}

function encodePair(type, pkcs8, spki, encoding) {
  const publicKey = makeKeyObject(false, spki);
  const privateKey = makeKeyObject(true, pkcs8);
  const { pub, priv } = encoding;
  return {
    publicKey: pub === undefined ? publicKey :
      pub.format === 'jwk' ? exportJwk(publicKey) : nativeExport(publicKey[kHandle], pub.format, pub.type),
    privateKey: priv === undefined ? privateKey :
      priv.format === 'jwk' ? exportJwk(privateKey) :
        nativeExport(privateKey[kHandle], priv.format, priv.type, priv.cipher, priv.passphrase),
  };
}

function generateKeyPairSync(type, options) {
  const { args, encoding } = keygenArgs(type, options);
  const [pkcs8, spki] = native.keyGen(args[0], args[1], args[2], args[3], args[4], args[5]);
  return encodePair(type, pkcs8, spki, encoding);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { args, encoding } = keygenArgs(type, options);
  native.keyGen(args[0], args[1], args[2], args[3], args[4], args[5], (err, pair) => {
    if (err) {
      callback(err);
      return;
    }
    let result;
    try {
      result = encodePair(type, pair[0], pair[1], encoding);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, result.publicKey, result.privateKey);
  });
}

// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }.
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.customArgs'), {
  value: ['publicKey', 'privateKey'], enumerable: false,
});

const kAesKeyLengths = [128, 192, 256];

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', kAesKeyLengths);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return Math.trunc(length / 8);
}

function generateKeySync(type, options) {
  const bytes = require('internal/crypto/random').randomBytes(secretKeyLength(type, options));
  return new SecretKeyObject(new KeyObjectHandle(new Uint8Array(bytes), false));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const len = secretKeyLength(type, options);
  require('internal/crypto/random').randomBytes(len, (err, bytes) => {
    if (err) return callback(err);
    callback(null, new SecretKeyObject(new KeyObjectHandle(new Uint8Array(bytes), false)));
  });
}

module.exports = {
  AsymmetricKeyObject,
  KeyObject,
  KeyObjectHandle,
  PrivateKeyObject,
  PublicKeyObject,
  SecretKeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
  isKeyObject,
  kHandle,
  kConsumePrivate,
  kConsumePublic,
  keyObjectData,
  makeKeyObject,
  parseKeyEncoding,
  prepareAsymmetricKey,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  prepareSecretKey,
  reviveKeyObject,
};
