'use strict';
// Key agreement: finite-field DiffieHellman/DiffieHellmanGroup (createDiffieHellman,
// getDiffieHellman), ECDH (createECDH, ECDH.convertKey), getCurves and crypto.diffieHellman for
// EC and X25519 KeyObjects. Natives: binding.crypto.dh* (bindings/src/crypto_dh.rs), ecdh* and
// dhCompute (bindings/src/crypto_keygen.rs); numbers and points cross as big-endian bytes.

const { codes, validateInt32, validateObject, validateString } = require('internal/errors');
const { getArrayBufferOrView, isAnyArrayBuffer, nativeError, toBuffer } =
  require('internal/crypto/util');
const { KeyObject, kHandle } = require('internal/crypto/keys');

const { ERR_CRYPTO_ECDH_INVALID_FORMAT, ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
        ERR_CRYPTO_INCOMPATIBLE_KEY, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
        ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;
const native = binding.crypto;

// The curves the natives implement, by the names OpenSSL lists.
const kCurves = ['prime256v1', 'secp224r1', 'secp256k1', 'secp384r1', 'secp521r1'];

function getCurves() {
  return kCurves.slice();
}

function curveName(curve) {
  // OpenSSL's short names only: createECDH('P-256') is refused, as in Node.
  const name = curve;
  if (!kCurves.includes(name)) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
  return name;
}

function encode(bytes, encoding) {
  const buf = toBuffer(bytes);
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

function bytesArg(key, name, encoding) {
  key = getArrayBufferOrView(key, name, encoding);
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}

/** 'uncompressed' | 'compressed' | 'hybrid'. */
function getFormat(format) {
  if (format) {
    if (format === 'compressed' || format === 'hybrid') return format;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return 'uncompressed';
}

/** A point in `format`, from its uncompressed form. */
function formatPoint(curve, point, format) {
  if (format === 'compressed') return native.ecdhConvert(curve, point, true);
  if (format === 'hybrid') {
    const out = new Uint8Array(point);
    out[0] = 6 | (point[point.length - 1] & 1);
    return out;
  }
  return point;
}

/** A SEC1 point the natives read: hybrid points (0x06/0x07) as uncompressed. */
function readablePoint(point) {
  if (point.length > 0 && (point[0] === 6 || point[0] === 7)) {
    const out = new Uint8Array(point);
    out[0] = 4;
    return out;
  }
  return point;
}

function stripZeros(bytes) {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return i === 0 ? bytes : bytes.subarray(i);
}

const kCurve = Symbol('kCurve');
const kPrivate = Symbol('kPrivate');
const kPublic = Symbol('kPublic');

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  this[kCurve] = curveName(curve);
  this[kPrivate] = undefined;
  this[kPublic] = undefined;
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  const [d, point] = native.ecdhGenerate(this[kCurve]);
  this[kPrivate] = d;
  this[kPublic] = point;
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = bytesArg(key, 'key', inEnc);
  if (this[kPrivate] === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation computeSecret');
  }
  // A public key set by hand that is not the private key's makes OpenSSL refuse the pair.
  const own = native.ecdhPublic(this[kCurve], this[kPrivate], false);
  if (own === undefined || Buffer.compare(own, this[kPublic]) !== 0) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  }
  const secret = native.ecdhCompute(this[kCurve], this[kPrivate], readablePoint(key));
  if (secret === undefined) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  return encode(secret, outEnc);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = getFormat(format);
  if (this[kPublic] === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  }
  return encode(formatPoint(this[kCurve], this[kPublic], f), encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  if (this[kPrivate] === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  }
  return encode(stripZeros(this[kPrivate]), encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = bytesArg(key, 'key', encoding);
  const point = native.ecdhPublic(this[kCurve], key, false);
  if (point === undefined) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE',
                      'Private key is not valid for specified curve.');
  }
  this[kPrivate] = new Uint8Array(key);
  this[kPublic] = point;
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = bytesArg(key, 'key', encoding);
  const point = native.ecdhConvert(this[kCurve], readablePoint(key), false);
  if (point === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  this[kPublic] = point;
  return this;
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = bytesArg(key, 'key', inEnc);
  const name = curveName(curve);
  const f = getFormat(format);
  const point = native.ecdhConvert(name, readablePoint(key), false);
  if (point === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  return encode(formatPoint(name, point, f), outEnc);
};

function createECDH(curve) {
  return new ECDH(curve);
}

const dhEnabledKeyTypes = new Set(['dh', 'ec', 'x448', 'x25519']);

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!(publicKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'public or private');
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !dhEnabledKeyTypes.has(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }
  const pub = publicKey[kHandle];
  const spki = pub.isPrivate ? native.keyPublicDer(pub.bytes) : pub.bytes;
  return toBuffer(native.dhCompute(privateKey[kHandle].bytes, spki));
}

// ===== finite-field Diffie-Hellman =====

function osslError(hex, lib, reason, code) {
  const err = new Error(`error:${hex}:${lib}::${reason}`);
  err.library = lib;
  err.reason = reason;
  err.code = code;
  return err;
}

const badGenerator = () =>
  osslError('02800065', 'Diffie-Hellman routines', 'bad generator', 'ERR_OSSL_DH_BAD_GENERATOR');

const kKeyTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function toBuf(value, encoding) {
  if (typeof value === 'string') {
    return Buffer.from(value, encoding === 'buffer' || !encoding ? 'utf8' : encoding);
  }
  return isAnyArrayBuffer(value) ? new Uint8Array(value) : value;
}

const kDh = Symbol('kDh');

/** The state behind a DiffieHellman: prime, generator and keys as bytes. */
function dhState(prime, generator) {
  const g = typeof generator === 'number' ? numberBytes(generator) : generator;
  return { prime, generator: g, priv: undefined, pub: undefined,
           verifyError: native.dhCheck(prime, g) };
}

function numberBytes(n) {
  const out = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return new Uint8Array(out);
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !ArrayBuffer.isView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', kKeyTypes, sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  keyEncoding = keyEncoding || 'buffer';
  genEncoding = genEncoding || 'buffer';
  if (typeof sizeOrKey !== 'number') sizeOrKey = toBuf(sizeOrKey, keyEncoding);
  if (!generator) {
    generator = 2;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBuf(generator, genEncoding);
  } else if (!ArrayBuffer.isView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE('generator', kKeyTypes, generator);
  } else {
    generator = toBuf(generator);
  }
  if (typeof generator === 'number' ? generator < 2 :
    !generator.some((b, i) => b > 1 || (b === 1 && i < generator.length - 1))) {
    throw badGenerator();
  }
  let prime;
  if (typeof sizeOrKey === 'number') {
    if (sizeOrKey < 512) {
      throw osslError('0280007E', 'Diffie-Hellman routines', 'modulus too small',
                      'ERR_OSSL_DH_MODULUS_TOO_SMALL');
    }
    if (sizeOrKey > 10000) {
      throw osslError('02800067', 'Diffie-Hellman routines', 'modulus too large',
                      'ERR_OSSL_DH_MODULUS_TOO_LARGE');
    }
    prime = native.dhGeneratePrime(sizeOrKey);
  } else {
    if (sizeOrKey.byteLength === 0) {
      throw osslError('01800076', 'bignum routines', 'bits too small', 'ERR_OSSL_BN_BITS_TOO_SMALL');
    }
    prime = new Uint8Array(sizeOrKey.buffer, sizeOrKey.byteOffset, sizeOrKey.byteLength).slice();
  }
  Object.defineProperty(this, kDh, { value: dhState(prime, generator) });
  Object.defineProperty(this, 'verifyError', {
    enumerable: true, value: this[kDh].verifyError, writable: true, configurable: true,
  });
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  const groups = require('internal/crypto/dh_groups');
  const hex = typeof name === 'string' ? groups[name] : undefined;
  if (hex === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  }
  Object.defineProperty(this, kDh, { value: dhState(new Uint8Array(Buffer.from(hex, 'hex')), 2) });
  Object.defineProperty(this, 'verifyError', {
    enumerable: true, value: this[kDh].verifyError, writable: true, configurable: true,
  });
}

function dhGenerateKeys(encoding) {
  const state = this[kDh];
  const [priv, pub] = native.dhKeys(state.prime, state.generator, state.priv);
  state.priv = priv;
  state.pub = pub;
  return encode(pub, encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  if (typeof key === 'string') key = Buffer.from(key, 'utf8');
  const state = this[kDh];
  if (state.priv === undefined) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
  }
  const secret = native.dhSecret(state.prime, state.priv, key);
  if (secret === -1 || secret === -2) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN',
                      `Supplied key is too ${secret === -1 ? 'small' : 'large'}`);
  }
  return encode(secret, outEnc);
}

function dhGetter(field, what) {
  return function(encoding) {
    const value = this[kDh][field];
    if (value === undefined) {
      throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE',
                        `No ${what} key - did you forget to generate one?`);
    }
    return encode(value, encoding);
  };
}

function dhSetter(field) {
  return function(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    if (typeof key === 'string') key = Buffer.from(key, 'utf8');
    this[kDh][field] = new Uint8Array(key.buffer, key.byteOffset, key.byteLength).slice();
    return this;
  };
}

for (const Ctor of [DiffieHellman, DiffieHellmanGroup]) {
  Ctor.prototype.generateKeys = dhGenerateKeys;
  Ctor.prototype.computeSecret = dhComputeSecret;
  Ctor.prototype.getPrime = function getPrime(encoding) {
    return encode(this[kDh].prime, encoding);
  };
  Ctor.prototype.getGenerator = function getGenerator(encoding) {
    return encode(this[kDh].generator, encoding);
  };
  Ctor.prototype.getPublicKey = dhGetter('pub', 'public');
  Ctor.prototype.getPrivateKey = dhGetter('priv', 'private');
}
DiffieHellman.prototype.setPublicKey = dhSetter('pub');
DiffieHellman.prototype.setPrivateKey = dhSetter('priv');

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function getDiffieHellman(groupName) {
  return new DiffieHellmanGroup(groupName);
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  getDiffieHellman,
  createECDH,
  diffieHellman,
  getCurves,
};
