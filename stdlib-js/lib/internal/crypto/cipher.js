'use strict';
// Cipheriv and Decipheriv (node:crypto's createCipheriv/createDecipheriv objects, Transform
// streams built lazily), the deprecated Cipher/Decipher, getCiphers() and getCipherInfo().
// Most modes run in Rust (bindings/src/crypto_cipher.rs) under an id; key wrap, CCM, OCB
// and des3-wrap are put together from the natives' pieces in
// internal/crypto/cipher_modes, the remaining 3DES and AES modes (ECB/CFB/OFB 3DES, CFB1, XTS)
// in internal/crypto/cipher_legacy. This file checks every argument as Node does, in Node's order,
// and turns the natives' failure codes into Node's errors.

const {
  codes,
  validateEncoding,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/errors');
const {
  getStringOption,
  isAnyArrayBuffer,
  nativeError,
  secretKeyBytes,
  stringBytes,
  toBuffer,
} = require('internal/crypto/util');
const { normalizeEncoding } = require('internal/buffer/encodings');
const LazyTransform = require('internal/crypto/lazy_transform');
const modes = require('internal/crypto/cipher_modes');
const legacy = require('internal/crypto/cipher_legacy');

const {
  ERR_CRYPTO_INVALID_STATE,
  ERR_INTERNAL_ASSERTION,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_UNKNOWN_ENCODING,
} = codes;

const { Buffer } = require('buffer');

const native = binding.crypto;
const kHandle = Symbol('kHandle');

// ===== the cipher table =====

// Each entry: what getCipherInfo reports (OpenSSL's names and NIDs) and which engine runs it.
// `iv` is [min, max] for the modes that take several IV lengths.
const table = new Map();
const listed = [];

// OpenSSL knows some names it does not list (aes-128-wrap beside id-aes128-wrap).
const unlisted = new Set(['aes-128-wrap', 'aes-192-wrap', 'aes-256-wrap', 'aes128-wrap-pad',
                          'aes192-wrap-pad', 'aes256-wrap-pad', 'aes-128-wrap-pad',
                          'aes-192-wrap-pad', 'aes-256-wrap-pad']);

function add(names, info) {
  for (const name of names) {
    table.set(name.toLowerCase(), info);
    if (!unlisted.has(name)) listed.push(name);
  }
}

const nids = {
  cbc: [419, 423, 427], ecb: [418, 422, 426], ofb: [420, 424, 428], cfb: [421, 425, 429],
  cfb8: [653, 654, 655], ctr: [904, 905, 906], gcm: [895, 898, 901], ccm: [896, 899, 902],
  ocb: [958, 959, 960], wrap: [788, 789, 790], wrapPad: [897, 900, 903],
};
[128, 192, 256].forEach((bits, i) => {
  const keyLength = bits / 8;
  const base = (mode, extra) => ({ keyLength, native: `aes-${bits}-${mode}`, ...extra });
  add([`aes-${bits}-cbc`, `aes${bits}`], base('cbc', {
    name: `aes-${bits}-cbc`, nid: nids.cbc[i], mode: 'cbc', blockSize: 16, ivLength: 16 }));
  add([`aes-${bits}-ecb`], base('ecb', {
    name: `aes-${bits}-ecb`, nid: nids.ecb[i], mode: 'ecb', blockSize: 16, ivLength: 0 }));
  add([`aes-${bits}-ofb`], base('ofb', {
    name: `aes-${bits}-ofb`, nid: nids.ofb[i], mode: 'ofb', blockSize: 1, ivLength: 16 }));
  add([`aes-${bits}-cfb`], base('cfb', {
    name: `aes-${bits}-cfb`, nid: nids.cfb[i], mode: 'cfb', blockSize: 1, ivLength: 16 }));
  add([`aes-${bits}-cfb8`], base('cfb8', {
    name: `aes-${bits}-cfb8`, nid: nids.cfb8[i], mode: 'cfb', blockSize: 1, ivLength: 16 }));
  add([`aes-${bits}-ctr`], base('ctr', {
    name: `aes-${bits}-ctr`, nid: nids.ctr[i], mode: 'ctr', blockSize: 1, ivLength: 16 }));
  add([`aes-${bits}-gcm`, `id-aes${bits}-GCM`], base('gcm', {
    name: `id-aes${bits}-gcm`, nid: nids.gcm[i], mode: 'gcm', blockSize: 1, ivLength: 12,
    iv: [1, 128], aead: 'gcm' }));
  add([`aes-${bits}-ccm`, `id-aes${bits}-CCM`], {
    keyLength, engine: modes.Ccm, name: `id-aes${bits}-ccm`, nid: nids.ccm[i], mode: 'ccm',
    blockSize: 1, ivLength: 12, iv: [7, 13], aead: 'ccm' });
  add([`aes-${bits}-ocb`], {
    keyLength, engine: modes.Ocb, name: `aes-${bits}-ocb`, nid: nids.ocb[i], mode: 'ocb',
    blockSize: 16, ivLength: 12, iv: [1, 15], aead: 'ocb' });
  add([`id-aes${bits}-wrap`, `aes${bits}-wrap`, `aes-${bits}-wrap`], {
    keyLength, engine: modes.Wrap, name: `id-aes${bits}-wrap`, nid: nids.wrap[i],
    mode: 'wrap', blockSize: 8, ivLength: 8, });
  add([`id-aes${bits}-wrap-pad`, `aes${bits}-wrap-pad`, `aes-${bits}-wrap-pad`], {
    keyLength, engine: modes.WrapPad, name: `id-aes${bits}-wrap-pad`, nid: nids.wrapPad[i],
    mode: 'wrap', blockSize: 8, ivLength: 4, });
});
// Built on a block primitive in internal/crypto/cipher_legacy.
const legacyNids = { cfb1: [650, 651, 652] };
[128, 192, 256].forEach((bits, i) => {
  add([`aes-${bits}-cfb1`], {
    keyLength: bits / 8, engine: legacy.Cfb1, blockCipher: 'aes', name: `aes-${bits}-cfb1`,
    nid: legacyNids.cfb1[i], mode: 'cfb', blockSize: 1, ivLength: 16 });
});
add(['aes-128-xts'], {
  keyLength: 32, engine: legacy.Xts, name: 'aes-128-xts', nid: 913, mode: 'xts', blockSize: 1,
  ivLength: 16 });
add(['aes-256-xts'], {
  keyLength: 64, engine: legacy.Xts, name: 'aes-256-xts', nid: 914, mode: 'xts', blockSize: 1,
  ivLength: 16 });
for (const [prefix, keyLength, nid] of [['des-ede3', 24, { ecb: 33, cfb: 61, ofb: 63 }],
                                        ['des-ede', 16, { ecb: 32, cfb: 60, ofb: 62 }]]) {
  const base = { keyLength, blockCipher: 'des3' };
  add([prefix, `${prefix}-ecb`], {
    ...base, engine: legacy.Ecb, name: prefix, nid: nid.ecb, mode: 'ecb', blockSize: 8,
    ivLength: 0 });
  add([`${prefix}-cfb`], {
    ...base, engine: legacy.Cfb, name: `${prefix}-cfb`, nid: nid.cfb, mode: 'cfb', blockSize: 1,
    ivLength: 8 });
  add([`${prefix}-ofb`], {
    ...base, engine: legacy.Ofb, name: `${prefix}-ofb`, nid: nid.ofb, mode: 'ofb', blockSize: 1,
    ivLength: 8 });
}
add(['des-ede3-cfb8'], {
  keyLength: 24, blockCipher: 'des3', engine: legacy.Cfb8, name: 'des-ede3-cfb8', nid: 659,
  mode: 'cfb', blockSize: 1, ivLength: 8 });
add(['des-ede3-cfb1'], {
  keyLength: 24, blockCipher: 'des3', engine: legacy.Cfb1, name: 'des-ede3-cfb1', nid: 658,
  mode: 'cfb', blockSize: 1, ivLength: 8 });
add(['chacha20'], {
  keyLength: 32, native: 'chacha20', name: 'chacha20', nid: 1019, mode: 'stream',
  blockSize: 1, ivLength: 16 });
add(['chacha20-poly1305'], {
  keyLength: 32, native: 'chacha20-poly1305', name: 'chacha20-poly1305', nid: 1018,
  mode: 'stream', blockSize: 1, ivLength: 12, aead: 'chacha' });
add(['des3-wrap', 'id-smime-alg-CMS3DESwrap'], {
  keyLength: 24, engine: modes.DesWrap, name: 'id-smime-alg-cms3deswrap', nid: 246,
  mode: 'wrap', blockSize: 8, ivLength: 0 });
// Two-key Triple DES is three-key Triple DES with K3 = K1.
add(['des-ede-cbc'], {
  keyLength: 16, native: 'des-ede3-cbc', name: 'des-ede-cbc', nid: 43, mode: 'cbc',
  blockSize: 8, ivLength: 8,
  expandKey: (key) => Buffer.concat([key, key.subarray(0, 8)]) });
add(['des-ede3-cbc', 'des3'], {
  keyLength: 24, native: 'des-ede3-cbc', name: 'des-ede3-cbc', nid: 44, mode: 'cbc',
  blockSize: 8, ivLength: 8 });
listed.sort();

const byNid = new Map();
for (const info of table.values()) byNid.set(info.nid, info);

function lookup(name) {
  return table.get(name.toLowerCase());
}

function getCiphers() {
  return listed.slice();
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = typeof nameOrNid === 'number' ? byNid.get(nameOrNid) : lookup(nameOrNid);
  if (info === undefined) return undefined;
  if (keyLength !== undefined && keyLength !== info.keyLength) return undefined;
  if (ivLength !== undefined && !ivLengthValid(info, ivLength)) return undefined;
  const out = { mode: info.mode, name: info.name, nid: info.nid };
  if (info.blockSize !== 1 || info.mode !== 'stream') out.blockSize = info.blockSize;
  const iv = ivLength === undefined ? info.ivLength : ivLength;
  if (iv !== 0) out.ivLength = iv;
  out.keyLength = info.keyLength;
  return out;
}

function ivLengthValid(info, length) {
  if (info.iv !== undefined) return length >= info.iv[0] && length <= info.iv[1];
  return length === info.ivLength;
}

// ===== errors from the natives =====

const { opensslError } = modes;

const unknownCipher = () => nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
const invalidKeyLength = () => nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
const invalidIv = () => nativeError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
const authFailed = () => new Error('Unsupported state or unable to authenticate data');
const updateFailed = () => new Error('Trying to add data in unsupported state');
const invalidState = () => nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
function invalidTagLength(length) {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG',
                     `Invalid authentication tag length: ${length}`);
}

/** What the JS engines (cipher_modes, cipher_legacy) throw. */
const engineErrors = {
  invalidIv, authFailed, updateFailed, invalidState,
  badDecrypt: () => failure(4),
  wrongFinalBlockLength: () => failure(5),
};

/** The error for a native failure code (the natives return it negated). */
function failure(code, detail) {
  switch (code) {
    case 1: return unknownCipher();
    case 2: return invalidKeyLength();
    case 3: return invalidIv();
    case 4: return opensslError('1C800064', 'bad decrypt', 'ERR_OSSL_BAD_DECRYPT');
    case 5: return opensslError('1C80006B', 'wrong final block length',
                                'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
    case 6: return authFailed();
    case 7: return invalidTagLength(detail);
    default: return invalidState();
  }
}

// ===== engines =====

// Native states not finalized when their object is dropped are freed here.
const registry = new FinalizationRegistry((id) => native.cipherFree(id));

/** A cipher state in Rust, behind the same interface as the JS engines in cipher_modes. */
class NativeEngine {
  constructor(name, key, iv, decrypt, tagLength) {
    const id = native.cipherNew(name, key, iv, decrypt, tagLength);
    if (id < 0) throw failure(-id);
    this.id = id;
    registry.register(this, id, this);
  }
  update(data) {
    return native.cipherUpdate(this.id, data);
  }
  final() {
    const out = native.cipherFinal(this.id);
    // The tag outlives the native state, which final() frees.
    if (typeof out !== 'number') this.tag = native.cipherGetTag(this.id);
    this.free();
    if (typeof out === 'number') throw failure(-out);
    return out;
  }
  free() {
    if (this.id !== 0) {
      registry.unregister(this);
      native.cipherFree(this.id);
    }
    this.id = 0;
  }
  setAutoPadding(on) {
    native.cipherSetPadding(this.id, on);
  }
  setAAD(aad) {
    return native.cipherSetAAD(this.id, aad);
  }
  getAuthTag() {
    return this.tag;
  }
  setAuthTag(tag) {
    const r = native.cipherSetTag(this.id, tag);
    if (r < 0) throw failure(-r, tag.byteLength);
  }
}

// ===== arguments =====

const kKeyTypes = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject',
                   'CryptoKey'];

/** A secret key as bytes: a string (in `encoding`), bytes, a secret KeyObject or CryptoKey. */
function prepareSecretKey(key, encoding) {
  if (typeof key === 'string') return toBytes(stringBytes(key, encoding));
  if (ArrayBuffer.isView(key)) return key;
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  const secret = secretKeyBytes(key);
  if (secret !== undefined) return secret;
  throw new ERR_INVALID_ARG_TYPE('key', kKeyTypes, key);
}

function toBytes(value) {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function ivBytes(iv) {
  if (iv === null) return null;
  if (typeof iv === 'string') return Buffer.from(iv, 'utf8');
  if (ArrayBuffer.isView(iv)) return iv;
  if (isAnyArrayBuffer(iv)) return new Uint8Array(iv);
  throw new ERR_INVALID_ARG_TYPE('iv', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
                                        'DataView'], iv);
}

/** Node's getUIntOption: undefined, or a uint32 (anything else is ERR_INVALID_ARG_VALUE). */
function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return undefined;
}

const validGcmTag = (n) => n === 4 || n === 8 || (n >= 12 && n <= 16);

/** The tag length a mode will use, after Node's checks of `authTagLength`. */
function resolveTagLength(info, algorithm, authTagLength) {
  switch (info.aead) {
    case 'gcm':
      if (authTagLength !== undefined && !validGcmTag(authTagLength)) {
        throw invalidTagLength(authTagLength);
      }
      return authTagLength;
    case 'chacha':
      if (authTagLength !== undefined && (authTagLength < 1 || authTagLength > 16)) {
        throw invalidTagLength(authTagLength);
      }
      return authTagLength;
    case 'ccm':
    case 'ocb':
      if (authTagLength === undefined) {
        throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG',
                          `authTagLength required for ${algorithm}`);
      }
      if (info.aead === 'ccm' ?
        authTagLength < 4 || authTagLength > 16 || authTagLength % 2 !== 0 :
        authTagLength < 1 || authTagLength > 16) {
        throw invalidTagLength(authTagLength);
      }
      return authTagLength;
    default:
      return undefined;
  }
}

/** Checks in Node's order: the IV, then the key, then the tag length; then makes the engine. */
function createEngine(info, algorithm, key, iv, decrypt, authTagLength) {
  const ivOk = iv === null ? info.ivLength === 0 :
    info.ivLength === 0 ? iv.byteLength === 0 : ivLengthValid(info, iv.byteLength);
  if (!ivOk) throw invalidIv();
  if (key.byteLength !== info.keyLength) throw invalidKeyLength();
  authTagLength = resolveTagLength(info, algorithm, authTagLength);
  if (info.engine !== undefined) {
    const engine = new info.engine(
      { keyLength: info.keyLength, key, iv, decrypt, authTagLength, cipher: info.blockCipher },
      engineErrors);
    engine.tagLengthOption = authTagLength;
    return engine;
  }
  if (info.expandKey !== undefined) {
    key = info.expandKey(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  }
  const engine = new NativeEngine(info.native, key, iv, decrypt,
                                  authTagLength === undefined ? 16 : authTagLength);
  engine.tagLengthOption = authTagLength;
  return engine;
}

// ===== Cipheriv / Decipheriv =====

function setup(self, algorithm, key, iv, options, decrypt) {
  validateString(algorithm, 'cipher');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  iv = ivBytes(iv);
  const authTagLength = getUIntOption(options, 'authTagLength');
  const info = lookup(algorithm);
  if (info === undefined) throw unknownCipher();
  const engine = createEngine(info, algorithm, key, iv, decrypt, authTagLength);
  attachState(self, engine, info, decrypt, engine.tagLengthOption, options);
}

function attachState(self, engine, info, decrypt, tagLength, options) {
  self[kHandle] = {
    engine,
    info,
    decrypt,
    tagLength,
    finalized: false,
    started: false,
    aad: undefined,
    tagSet: false,
  };
  self._decoder = null;
  LazyTransform.call(self, options);
}

function Cipheriv(cipher, key, iv, options) {
  if (!new.target) return new Cipheriv(cipher, key, iv, options);
  setup(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

function Decipheriv(cipher, key, iv, options) {
  if (!new.target) return new Decipheriv(cipher, key, iv, options);
  setup(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

/** Hands GCM's AAD (gathered from any number of setAAD calls) to the engine in one piece. */
function start(state) {
  if (state.started) return;
  state.started = true;
  if (state.aad !== undefined) {
    const aad = state.aad.length === 1 ? state.aad[0] : Buffer.concat(state.aad);
    state.aad = undefined;
    state.engine.setAAD(aad);
  }
}

function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding);
  if (decoder === null) {
    const { StringDecoder } = require('string_decoder');
    decoder = new StringDecoder(encoding);
  }
  if (decoder.encoding !== normalized) {
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    throw new ERR_INTERNAL_ASSERTION('Cannot change encoding');
  }
  return decoder;
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
    data = toBytes(stringBytes(data, inputEncoding));
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const state = this[kHandle];
  // OpenSSL takes an int's worth of input at once, less a block of room for the output.
  if (state.finalized || data.byteLength + state.info.blockSize > 2 ** 31 - 1) {
    throw updateFailed();
  }
  start(state);
  const out = toBuffer(state.engine.update(data));
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(out);
  }
  return out;
}

function final(outputEncoding) {
  const state = this[kHandle];
  if (state.finalized) throw invalidState();
  start(state);
  state.finalized = true;
  const out = toBuffer(state.engine.final());
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(out);
  }
  return out;
}

function setAutoPadding(ap) {
  const state = this[kHandle];
  if (state.finalized) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  state.engine.setAutoPadding(!!ap);
  return this;
}

function setAAD(aadbuf, options) {
  const encoding = getStringOption(options, 'encoding');
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  const state = this[kHandle];
  if (typeof aadbuf === 'string') {
    aadbuf = toBytes(stringBytes(aadbuf, encoding));
  } else if (isAnyArrayBuffer(aadbuf)) {
    aadbuf = new Uint8Array(aadbuf);
  } else if (!ArrayBuffer.isView(aadbuf)) {
    throw new ERR_INVALID_ARG_TYPE(
      'buffer', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], aadbuf);
  }
  if (state.finalized || state.info.aead === undefined) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  if (state.info.aead === 'gcm') {
    if (state.started) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    // Copied: the caller may reuse its buffer before the first update().
    (state.aad ??= []).push(Buffer.from(aadbuf.buffer, aadbuf.byteOffset, aadbuf.byteLength).slice());
    return this;
  }
  if (!state.engine.setAAD(aadbuf, plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
}

function getAuthTag() {
  const state = this[kHandle];
  const tag = state.finalized && state.info.aead !== undefined ? state.engine.getAuthTag() : undefined;
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return toBuffer(tag);
}

function setAuthTag(tagbuf, encoding) {
  if (typeof tagbuf === 'string') {
    tagbuf = toBytes(stringBytes(tagbuf, encoding));
  } else if (isAnyArrayBuffer(tagbuf)) {
    tagbuf = new Uint8Array(tagbuf);
  } else if (!ArrayBuffer.isView(tagbuf)) {
    throw new ERR_INVALID_ARG_TYPE(
      'buffer', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], tagbuf);
  }
  const state = this[kHandle];
  if (state.finalized || state.info.aead === undefined || state.tagSet) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  const length = tagbuf.byteLength;
  const aead = state.info.aead;
  let ok;
  if (state.tagLength !== undefined) ok = length === state.tagLength;
  else if (aead === 'gcm') ok = validGcmTag(length);
  else ok = length === 16;
  if (!ok) throw invalidTagLength(length);
  state.engine.setAuthTag(tagbuf);
  state.tagSet = true;
  return this;
}

// ===== streams =====

function _transform(chunk, encoding, callback) {
  let out;
  try {
    out = this.update(chunk, encoding);
  } catch (err) {
    callback(err);
    return;
  }
  this.push(out);
  callback();
}

function _flush(callback) {
  let out;
  try {
    out = this.final();
  } catch (err) {
    callback(err);
    return;
  }
  this.push(out);
  callback();
}

// The methods in the order Node defines them (visible through Object.keys).
const encryptMethods = { _transform, _flush, update, final, setAutoPadding, getAuthTag, setAAD };
const decryptMethods = { _transform, _flush, update, final, setAutoPadding, setAuthTag, setAAD };
Object.assign(Cipheriv.prototype, encryptMethods);
Object.assign(Decipheriv.prototype, decryptMethods);

// ===== Cipher / Decipher (the deprecated password forms) =====

/** OpenSSL's EVP_BytesToKey with MD5, no salt and one round: the key and IV from a password. */
function bytesToKey(password, keyLength, ivLength) {
  const chunks = [];
  let have = 0;
  let prev = new Uint8Array(0);
  while (have < keyLength + ivLength) {
    const input = new Uint8Array(prev.length + password.byteLength);
    input.set(prev);
    input.set(new Uint8Array(password.buffer, password.byteOffset, password.byteLength), prev.length);
    prev = native.hashOnce('md5', input);
    chunks.push(prev);
    have += prev.length;
  }
  const all = Buffer.concat(chunks);
  return { key: all.subarray(0, keyLength), iv: all.subarray(keyLength, keyLength + ivLength) };
}

const counterModes = new Set(['ctr', 'gcm', 'ccm']);

function setupWithPassword(self, algorithm, password, options, decrypt) {
  validateString(algorithm, 'cipher');
  if (typeof password === 'string') password = Buffer.from(password, 'utf8');
  else if (isAnyArrayBuffer(password)) password = new Uint8Array(password);
  else if (!ArrayBuffer.isView(password)) {
    throw new ERR_INVALID_ARG_TYPE(
      'password', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], password);
  }
  const info = lookup(algorithm);
  if (info === undefined) throw unknownCipher();
  const authTagLength = getUIntOption(options, 'authTagLength');
  const { key, iv } = bytesToKey(password, info.keyLength, info.ivLength);
  // Node warns when encrypting only: decrypting reuses what the sender chose.
  if (!decrypt && counterModes.has(info.mode)) {
    process.emitWarning(`Use Cipheriv for counter mode of ${algorithm}`);
  }
  const engine = createEngine(info, algorithm, key, info.ivLength === 0 ? null : iv, decrypt,
                              authTagLength);
  attachState(self, engine, info, decrypt, engine.tagLengthOption, options);
}

function Cipher(cipher, password, options) {
  if (!new.target) return new Cipher(cipher, password, options);
  setupWithPassword(this, cipher, password, options, false);
}
Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipher, LazyTransform);

function Decipher(cipher, password, options) {
  if (!new.target) return new Decipher(cipher, password, options);
  setupWithPassword(this, cipher, password, options, true);
}
Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipher, LazyTransform);

Object.assign(Cipher.prototype, encryptMethods);
Object.assign(Decipher.prototype, decryptMethods);

function createCipher(cipher, password, options) {
  return new Cipher(cipher, password, options);
}

function createDecipher(cipher, password, options) {
  return new Decipher(cipher, password, options);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

module.exports = {
  Cipher,
  Cipheriv,
  Decipher,
  Decipheriv,
  createCipher,
  createCipheriv,
  createDecipher,
  createDecipheriv,
  getCipherInfo,
  getCiphers,
};
