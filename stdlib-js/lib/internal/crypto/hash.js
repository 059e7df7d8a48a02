'use strict';
// Hash and Hmac (node:crypto's createHash/createHmac objects, Transform streams built lazily)
// and the one-shot crypto.hash(). The digest state lives in Rust (bindings/src/crypto_hash.rs)
// under an id: digest() frees it; a FinalizationRegistry frees the state of objects dropped
// before their digest (see track()). A Hash creates its state only when it needs one: the
// common createHash(a).update(string).digest() is a single native call (see handleOf()).

const {
  codes,
  validateEncoding,
  validateString,
  validateUint32,
} = require('internal/errors');
const {
  digestInfo,
  encodeBytes,
  getStringOption,
  isAnyArrayBuffer,
  nativeError,
  notXofError,
  secretKeyBytes,
  stringBytes,
} = require('internal/crypto/util');
const { normalizeEncoding } = require('internal/buffer/encodings');
const LazyTransform = require('internal/crypto/lazy_transform');

const {
  ERR_CRYPTO_HASH_FINALIZED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;

const native = binding.crypto;
const kHandle = Symbol('kHandle');
const kState = Symbol('kState');
const kInfo = Symbol('kInfo');

const registry = new FinalizationRegistry((id) => native.hashFree(id));

// Registering each object with the FinalizationRegistry costs about as much as hashing a short
// string, and most are digested at once (createHash(a).update(x).digest()). So new objects wait
// here until a microtask runs (or 1024 of them wait) and only those not yet digested then are
// registered; a digest frees the native state itself.
const unregistered = [];
let flushQueued = false;

function track(self) {
  unregistered.push(self);
  if (unregistered.length >= 1024) {
    registerWaiting();
  } else if (!flushQueued) {
    flushQueued = true;
    queueMicrotask(registerWaiting);
  }
}

function registerWaiting() {
  flushQueued = false;
  for (let i = 0; i < unregistered.length; i++) {
    const self = unregistered[i];
    const state = self[kState];
    if (!state.finalized) {
      state.registered = true;
      registry.register(self, self[kHandle], self);
    }
  }
  unregistered.length = 0;
}

/** `options.outputLength`, validated, or undefined. */
function outputLengthOption(options) {
  const len = options !== null && typeof options === 'object' ? options.outputLength : undefined;
  if (len !== undefined) validateUint32(len, 'options.outputLength');
  return len;
}

/** The output length to ask the native side for (undefined for a fixed-size digest). */
function resolveOutputLength(info, len) {
  if (info.xof) return len === undefined ? info.size : len;
  if (len !== undefined && len !== info.size) throw notXofError();
  return undefined;
}

/**
 * Set up a Hash or Hmac. `id` is its native state, or 0 for a Hash that creates it later from
 * `algorithm` and `outputLength` (what the native side takes for that digest).
 */
function attach(self, id, info, options, algorithm, outputLength) {
  self[kHandle] = id;
  self[kInfo] = info;
  self[kState] = { finalized: false, registered: false, algorithm, outputLength, pending: undefined };
  if (id !== 0) track(self);
  LazyTransform.call(self, options);
}

/**
 * The native state of `self`, created now if it has none yet. Until then a Hash may hold one
 * string (or bytes made from one) in `pending`: nothing else can change those, so hashing them
 * later gives what hashing them at update() would have.
 */
function handleOf(self) {
  let id = self[kHandle];
  if (id === 0) {
    const state = self[kState];
    id = native.hashNew(state.algorithm, state.outputLength);
    if (state.pending !== undefined) {
      native.hashUpdate(id, state.pending);
      state.pending = undefined;
    }
    self[kHandle] = id;
    track(self);
  }
  return id;
}

/**
 * Mark `self` finalized and hand back its digest (the native state is freed): bytes, or with
 * `hex` the hex string, made natively as one flat string.
 */
function finish(self, hex = false) {
  const state = self[kState];
  state.finalized = true;
  const id = self[kHandle];
  if (id === 0) {
    // Never needed a native state: one call hashes what update() kept.
    const data = state.pending === undefined ? '' : state.pending;
    state.pending = undefined;
    return native.hashOnce(state.algorithm, data, state.outputLength, hex);
  }
  if (state.registered) registry.unregister(self);
  return native.hashDigest(id, hex);
}

// ===== Hash =====

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  validateString(algorithm, 'algorithm');
  const len = outputLengthOption(options);
  const info = digestInfo(algorithm);
  if (info === undefined) throw new Error('Digest method not supported');
  attach(this, 0, info, options, algorithm, resolveOutputLength(info, len));
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  const len = outputLengthOption(options);
  const info = this[kInfo];
  const outputLength = resolveOutputLength(info, len);
  const id = native.hashCopy(handleOf(this), outputLength);
  const copied = Object.create(Hash.prototype);
  attach(copied, id, info, options, this[kState].algorithm, outputLength);
  return copied;
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  native.hashUpdate(handleOf(this), typeof chunk === 'string' ? stringBytes(chunk, encoding) : chunk);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  if (!this[kState].finalized) this.push(encodeBytes(finish(this), 'buffer'));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  const state = this[kState];
  if (state.finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    if (encoding) {
      validateEncoding(data, encoding);
      data = stringBytes(data, encoding);
    }
    // The first string may wait for digest() (see handleOf()).
    if (this[kHandle] === 0 && state.pending === undefined) {
      state.pending = data;
      return this;
    }
  } else if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  native.hashUpdate(handleOf(this), data);
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  // Any truthy value names an encoding through its string form (which may throw first).
  const encoding = outputEncoding ? `${outputEncoding}` : 'buffer';
  if (encoding === 'hex') return finish(this, true);
  return encodeBytes(finish(this), encoding);
};

// ===== Hmac =====

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  const id = native.hmacNew(hmac, key);
  if (id < 0) throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`);
  attach(this, id, undefined, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const encoding = outputEncoding ? `${outputEncoding}` : 'buffer';
  // A second digest() of an Hmac gives empty output rather than throwing.
  if (this[kState].finalized) return encoding === 'buffer' ? encodeBytes(new Uint8Array(0), encoding) : '';
  if (encoding === 'hex') return finish(this, true);
  return encodeBytes(finish(this), encoding);
};

Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

/** An HMAC key as bytes (or a string the native side reads as UTF-8). */
function prepareSecretKey(key, encoding) {
  if (typeof key === 'string') return stringBytes(key, encoding);
  if (ArrayBuffer.isView(key)) return key;
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  const secret = secretKeyBytes(key);
  if (secret !== undefined) return secret;
  throw new ERR_INVALID_ARG_TYPE(
    'key',
    ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'],
    key);
}

// ===== crypto.hash() =====

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let encoding = outputEncoding;
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    encoding = normalizeEncoding(outputEncoding);
    if (encoding === undefined) throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const bytes = native.hashOnce(algorithm, input, undefined, encoding === 'hex');
  if (bytes === undefined) throw new Error(`Digest method ${algorithm} is not supported`);
  return encoding === 'hex' ? bytes : encodeBytes(bytes, encoding);
}

module.exports = {
  Hash,
  Hmac,
  hash,
};
