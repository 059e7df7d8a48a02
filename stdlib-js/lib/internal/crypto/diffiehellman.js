'use strict';
// Key agreement: ECDH (createECDH, ECDH.convertKey), getCurves and crypto.diffieHellman for EC
// and X25519 KeyObjects. Natives: binding.crypto.ecdh* and dhCompute
// (bindings/src/crypto_keygen.rs); points cross as SEC1 bytes, scalars as big-endian bytes.

const { codes, validateObject, validateString } = require('internal/errors');
const { getArrayBufferOrView, nativeError, toBuffer } = require('internal/crypto/util');
const { KeyObject, kHandle } = require('internal/crypto/keys');

const { ERR_CRYPTO_ECDH_INVALID_FORMAT, ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
        ERR_CRYPTO_INCOMPATIBLE_KEY, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
        ERR_INVALID_ARG_VALUE } = codes;
const native = binding.crypto;

// The curves the natives implement, by the names OpenSSL lists.
const kCurves = ['prime256v1', 'secp256k1', 'secp384r1', 'secp521r1'];

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

module.exports = {
  ECDH,
  createECDH,
  diffieHellman,
  getCurves,
};
