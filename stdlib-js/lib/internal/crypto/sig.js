'use strict';
// Signatures: Sign/Verify (Writable streams that hash what is written, then sign the digest),
// and the one-shot crypto.sign/crypto.verify, which take the whole message (Ed25519 needs it)
// and run on the worker pool when given a callback. Natives: binding.crypto.sign/verify
// (bindings/src/crypto_sign.rs), given a key's canonical DER from internal/crypto/keys.

const { codes, validateFunction, validateString } = require('internal/errors');
const { getArrayBufferOrView, nativeError, toBuffer, encodeBytes } =
  require('internal/crypto/util');
const { preparePrivateKey, preparePublicOrPrivateKey } = require('internal/crypto/keys');

const { ERR_CRYPTO_SIGN_KEY_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;
const native = binding.crypto;
const kHash = Symbol('kHash');
const kAlgorithm = Symbol('kAlgorithm');

let Writable;
function writable() {
  if (Writable === undefined) Writable = require('stream').Writable;
  return Writable;
}

function getIntOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

/** true for IEEE P1363 (r || s), false for DER. */
function getDSASignatureEncoding(options) {
  if (typeof options === 'object') {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return false;
    if (dsaEncoding === 'ieee-p1363') return true;
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return false;
}

function invalidDigest() {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
}

/** OpenSSL's legacy DSS1 (SHA-1 for DSA) names a digest for Sign/Verify only. */
function signDigestName(algorithm) {
  return algorithm.toLowerCase() === 'dss1' ? 'sha1' : algorithm;
}

/** The hash behind a Sign/Verify: the digest name must be one the natives know. */
function newHash(algorithm) {
  const { Hash } = require('internal/crypto/hash');
  try {
    return new Hash(algorithm);
  } catch {
    throw invalidDigest();
  }
}

// ===== Sign =====

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  ensureStreams();
  validateString(algorithm, 'algorithm');
  algorithm = signDigestName(algorithm);
  this[kHash] = newHash(algorithm);
  this[kAlgorithm] = algorithm;
  writable().call(this, options);
}

function setupStream(Ctor) {
  Object.setPrototypeOf(Ctor.prototype, writable().prototype);
  Object.setPrototypeOf(Ctor, writable());
}

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

function update(data, encoding) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  this[kHash].update(data, encoding);
  return this;
}

Sign.prototype.update = update;

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(options);
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const p1363 = getDSASignatureEncoding(options);
  const digest = this[kHash].digest();
  const sig = native.sign(handle.bytes, this[kAlgorithm], digest, true, padding, saltLength, p1363);
  if (encoding && encoding !== 'buffer') return encodeBytes(sig, encoding);
  return toBuffer(sig);
};

// ===== Verify =====

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  ensureStreams();
  validateString(algorithm, 'algorithm');
  algorithm = signDigestName(algorithm);
  this[kHash] = newHash(algorithm);
  this[kAlgorithm] = algorithm;
  writable().call(this, options);
}

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const p1363 = getDSASignatureEncoding(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const handle = preparePublicOrPrivateKey(options);
  if (typeof signature === 'string') signature = Buffer.from(signature, 'utf8');
  const digest = this[kHash].digest();
  return native.verify(keyDer(handle), this[kAlgorithm], digest, true, padding, saltLength,
                       p1363, signature);
};

/** The SPKI the verify native takes (a private key verifies with its public half). */
function keyDer(handle) {
  if (!handle.isPrivate) return handle.bytes;
  if (handle.publicDer === undefined) handle.publicDer = native.keyPublicDer(handle.bytes);
  return handle.publicDer;
}

// Sign and Verify become Writables when the first one is made, so requiring crypto loads no
// streams.
let streamsReady = false;
function ensureStreams() {
  if (streamsReady) return;
  streamsReady = true;
  setupStream(Sign);
  setupStream(Verify);
}

// ===== one-shot =====

function dataBytes(data) {
  data = getArrayBufferOrView(data, 'data');
  if (typeof data === 'string') data = Buffer.from(data, 'utf8');
  return data;
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = dataBytes(data);
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const p1363 = getDSASignatureEncoding(key);
  const handle = preparePrivateKey(key);
  const alg = algorithm == null ? undefined : algorithm;
  if (callback === undefined) {
    return toBuffer(native.sign(handle.bytes, alg, data, false, padding, saltLength, p1363));
  }
  native.sign(handle.bytes, alg, Buffer.from(data), false, padding, saltLength, p1363,
              (err, sig) => {
                if (err) return callback(err);
                callback(null, toBuffer(sig));
              });
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = dataBytes(data);
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const p1363 = getDSASignatureEncoding(key);
  if (!ArrayBuffer.isView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const handle = preparePublicOrPrivateKey(key);
  const alg = algorithm == null ? undefined : algorithm;
  const der = keyDer(handle);
  if (callback === undefined) {
    return native.verify(der, alg, data, false, padding, saltLength, p1363, signature);
  }
  native.verify(der, alg, Buffer.from(data), false, padding, saltLength, p1363,
                Buffer.from(signature), callback);
}

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
};
