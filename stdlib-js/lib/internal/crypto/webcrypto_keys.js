'use strict';
// Web Crypto's CryptoKey. A key keeps its material under a symbol: for a secret key, its bytes
// (`secretBytesOf` hands them to node:crypto's functions, which accept a CryptoKey wherever a
// secret key goes). The algorithm and usages objects are made once, as Node's are, so the
// getters return the same objects each time.

const { codes } = require('internal/errors');

const { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } = codes;

const kType = Symbol('kType');
const kExtractable = Symbol('kExtractable');
const kAlgorithm = Symbol('kAlgorithm');
const kUsages = Symbol('kUsages');
const kMaterial = Symbol('kMaterial');

class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kType];
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kUsages];
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: this[kType],
      extractable: this[kExtractable],
      algorithm: this[kAlgorithm],
      usages: this[kUsages],
    }, opts)}`;
  }
}

for (const key of ['type', 'extractable', 'algorithm', 'usages']) {
  const desc = Object.getOwnPropertyDescriptor(CryptoKey.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(CryptoKey.prototype, key, desc);
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: 'CryptoKey', writable: false, enumerable: false, configurable: true,
});

// Made by the implementation only: CryptoKey itself cannot be constructed from JS.
class InternalCryptoKey extends CryptoKey {
  constructor(type, material, algorithm, extractable, usages) {
    // eslint-disable-next-line constructor-super
    return Reflect.construct(function make() {
      this[kType] = type;
      this[kMaterial] = material;
      this[kAlgorithm] = algorithm;
      this[kExtractable] = extractable;
      this[kUsages] = usages;
      // postMessage() and structuredClone() copy a key into a new CryptoKey (kCloneData).
      markCloneable(this);
    }, [], InternalCryptoKey);
  }
}

// Instances report CryptoKey as their constructor, as Node's do.
Object.defineProperty(InternalCryptoKey.prototype, 'constructor', {
  value: CryptoKey, writable: true, enumerable: false, configurable: true,
});

let cloneSymbols;
function markCloneable(object) {
  if (cloneSymbols === undefined) {
    cloneSymbols = require('internal/worker/clone');
    Object.defineProperty(CryptoKey.prototype, cloneSymbols.kCloneData, {
      value: cryptoKeyCloneData, writable: false, enumerable: false, configurable: true,
    });
  }
  cloneSymbols.markTransferable(object);
}

/** A secret key's material travels as its bytes, an asymmetric one as its KeyObject's data. */
function cryptoKeyCloneData() {
  const material = this[kMaterial];
  const data = {
    type: this[kType],
    extractable: this[kExtractable],
    algorithm: this[kAlgorithm],
    usages: this[kUsages],
    material: this[kType] === 'secret' ? new Uint8Array(material) :
      require('internal/crypto/keys').keyObjectData(material),
  };
  return { module: 'internal/crypto/webcrypto_keys', name: 'reviveCryptoKey', data };
}

function reviveCryptoKey({ type, extractable, algorithm, usages, material }) {
  if (type !== 'secret') material = require('internal/crypto/keys').reviveKeyObject(material);
  return new InternalCryptoKey(type, material, algorithm, extractable, usages);
}

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kType] !== undefined &&
    value instanceof CryptoKey;
}

/** A secret CryptoKey's bytes, or undefined for anything else. */
function secretBytesOf(value) {
  if (!isCryptoKey(value) || value[kType] !== 'secret') return undefined;
  return value[kMaterial];
}

function createSecretCryptoKey(bytes, algorithm, extractable, usages) {
  return new InternalCryptoKey('secret', bytes, algorithm, extractable, usages);
}

module.exports = {
  CryptoKey,
  InternalCryptoKey,
  createSecretCryptoKey,
  isCryptoKey,
  kAlgorithm,
  kMaterial,
  reviveCryptoKey,
  secretBytesOf,
};
