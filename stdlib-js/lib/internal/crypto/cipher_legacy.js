'use strict';
// The rest of OpenSSL's AES and Triple-DES modes that Node lists: Triple DES in ECB, CFB,
// CFB8, CFB1 and OFB (three-key and two-key), AES in CFB1, and AES-XTS. The natives have
// AES-ECB and 3DES-CBC only; the modes are built here on a block primitive over them
// (`Blocks`), with OpenSSL's padding and streaming rules. Engines offer what cipher.js asks of
// one (see cipher_modes).

const native = binding.crypto;
const empty = new Uint8Array(0);

function xorInto(target, targetOffset, source, sourceOffset, length) {
  for (let i = 0; i < length; i++) target[targetOffset + i] ^= source[sourceOffset + i];
}

function asBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Native states dropped before their engine's final() are freed here.
const registry = new FinalizationRegistry((ids) => ids.forEach((id) => native.cipherFree(id)));

/**
 * Whole-block encryption and decryption with one key. AES runs natively in ECB. 3DES has only
 * CBC: encrypting P xor (the previous output block) through a running CBC state gives E(P),
 * and a CBC decryption gives D(C_i) xor C_(i-1), from which D(C_i) follows.
 */
class Blocks {
  constructor(kind, key) {
    this.kind = kind;
    this.size = kind === 'aes' ? 16 : 8;
    const name = kind === 'aes' ? `aes-${key.byteLength * 8}-ecb` : 'des-ede3-cbc';
    const iv = kind === 'aes' ? null : new Uint8Array(8);
    this.enc = native.cipherNew(name, key, iv, false, 16);
    this.dec = native.cipherNew(name, key, iv, true, 16);
    native.cipherSetPadding(this.enc, false);
    native.cipherSetPadding(this.dec, false);
    this.lastOut = new Uint8Array(8);
    this.lastIn = new Uint8Array(8);
    registry.register(this, [this.enc, this.dec], this);
  }

  encrypt(data) {
    if (this.kind === 'aes') return native.cipherUpdate(this.enc, data);
    const out = new Uint8Array(data.length);
    const block = new Uint8Array(8);
    for (let at = 0; at < data.length; at += 8) {
      block.set(data.subarray(at, at + 8));
      xorInto(block, 0, this.lastOut, 0, 8);
      this.lastOut = native.cipherUpdate(this.enc, block);
      out.set(this.lastOut, at);
    }
    return out;
  }

  decrypt(data) {
    const out = native.cipherUpdate(this.dec, data);
    if (this.kind === 'aes' || data.length === 0) return out;
    xorInto(out, 0, this.lastIn, 0, 8);
    for (let at = 8; at < data.length; at += 8) xorInto(out, at, data, at - 8, 8);
    this.lastIn = data.slice(data.length - 8);
    return out;
  }

  free() {
    if (this.enc !== 0) {
      registry.unregister(this);
      native.cipherFree(this.enc);
      native.cipherFree(this.dec);
      this.enc = this.dec = 0;
    }
  }
}

/** Two-key Triple DES keys become three-key ones with K3 = K1. */
function desKey(key) {
  key = asBytes(key);
  if (key.length === 24) return key;
  const full = new Uint8Array(24);
  full.set(key);
  full.set(key.subarray(0, 8), 16);
  return full;
}

function blocksFor(params) {
  return params.cipher === 'aes' ? new Blocks('aes', params.key) : new Blocks('des3', desKey(params.key));
}

/** What the stream and block engines share: no AAD, no tags. */
class Base {
  setAAD() {
    return false;
  }
  getAuthTag() {
    return undefined;
  }
  setAutoPadding() {}
}

// ===== ECB with OpenSSL's padding =====

class Ecb extends Base {
  constructor(params, errors) {
    super();
    this.blocks = blocksFor(params);
    this.decrypt = params.decrypt;
    this.errors = errors;
    this.padding = true;
    this.pending = empty;
  }

  setAutoPadding(on) {
    this.padding = on;
  }

  update(data) {
    const bs = this.blocks.size;
    const all = new Uint8Array(this.pending.length + data.byteLength);
    all.set(this.pending);
    all.set(asBytes(data), this.pending.length);
    let n = all.length - (all.length % bs);
    // A padded decryption keeps its last whole block back: it may be the padding.
    if (this.decrypt && this.padding && n === all.length && n > 0) n -= bs;
    this.pending = all.slice(n);
    if (n === 0) return empty;
    const whole = all.subarray(0, n);
    return this.decrypt ? this.blocks.decrypt(whole) : this.blocks.encrypt(whole);
  }

  final() {
    const bs = this.blocks.size;
    const rest = this.pending;
    this.pending = empty;
    try {
      if (!this.padding) {
        if (rest.length !== 0) throw this.errors.wrongFinalBlockLength();
        return empty;
      }
      if (!this.decrypt) {
        const pad = bs - rest.length;
        const last = new Uint8Array(bs).fill(pad);
        last.set(rest);
        return this.blocks.encrypt(last);
      }
      if (rest.length !== bs) throw this.errors.wrongFinalBlockLength();
      const last = this.blocks.decrypt(rest);
      const pad = last[bs - 1];
      if (pad === 0 || pad > bs) throw this.errors.badDecrypt();
      for (let i = bs - pad; i < bs; i++) if (last[i] !== pad) throw this.errors.badDecrypt();
      return last.slice(0, bs - pad);
    } finally {
      this.blocks.free();
    }
  }
}

// ===== CFB (full block), OFB, CFB8 and CFB1 =====

class Cfb extends Base {
  constructor(params) {
    super();
    this.blocks = blocksFor(params);
    this.decrypt = params.decrypt;
    this.register = asBytes(params.iv).slice();
    this.stream = new Uint8Array(0);
    this.used = 0;
  }

  update(data) {
    data = asBytes(data);
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      if (this.used === this.stream.length) {
        this.stream = this.blocks.encrypt(this.register);
        this.used = 0;
      }
      const c = this.decrypt ? data[i] : data[i] ^ this.stream[this.used];
      out[i] = data[i] ^ this.stream[this.used];
      // The next register is this block's ciphertext.
      this.register[this.used++] = c;
    }
    return out;
  }

  final() {
    this.blocks.free();
    return empty;
  }
}

class Ofb extends Base {
  constructor(params) {
    super();
    this.blocks = blocksFor(params);
    this.stream = asBytes(params.iv).slice();
    this.used = this.stream.length;
  }

  update(data) {
    data = asBytes(data);
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      if (this.used === this.stream.length) {
        this.stream = this.blocks.encrypt(this.stream);
        this.used = 0;
      }
      out[i] = data[i] ^ this.stream[this.used++];
    }
    return out;
  }

  final() {
    this.blocks.free();
    return empty;
  }
}

/** CFB with 8-bit (`bits` 8) or 1-bit (`bits` 1) segments: one block cipher call per segment. */
class CfbSegments extends Base {
  constructor(params, bits) {
    super();
    this.blocks = blocksFor(params);
    this.decrypt = params.decrypt;
    this.register = asBytes(params.iv).slice();
    this.bits = bits;
  }

  /** Shifts the register left by `n` bits (8 or 1), bringing in `value`'s low n bits. */
  shift(value) {
    const r = this.register;
    if (this.bits === 8) {
      r.copyWithin(0, 1);
      r[r.length - 1] = value;
      return;
    }
    for (let i = 0; i < r.length - 1; i++) r[i] = ((r[i] << 1) | (r[i + 1] >> 7)) & 0xff;
    r[r.length - 1] = ((r[r.length - 1] << 1) | value) & 0xff;
  }

  update(data) {
    data = asBytes(data);
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      if (this.bits === 8) {
        const c = data[i] ^ this.blocks.encrypt(this.register)[0];
        out[i] = c;
        this.shift(this.decrypt ? data[i] : c);
        continue;
      }
      let byte = 0;
      for (let bit = 7; bit >= 0; bit--) {
        const inBit = (data[i] >> bit) & 1;
        const outBit = inBit ^ (this.blocks.encrypt(this.register)[0] >> 7);
        byte |= outBit << bit;
        this.shift(this.decrypt ? inBit : outBit);
      }
      out[i] = byte;
    }
    return out;
  }

  final() {
    this.blocks.free();
    return empty;
  }
}

class Cfb8 extends CfbSegments {
  constructor(params) {
    super(params, 8);
  }
}

class Cfb1 extends CfbSegments {
  constructor(params) {
    super(params, 1);
  }
}

// ===== XTS (IEEE 1619) =====

/** Multiplication by x in GF(2^128), XTS's little-endian convention. */
function nextTweak(t) {
  const out = new Uint8Array(16);
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    out[i] = ((t[i] << 1) | carry) & 0xff;
    carry = t[i] >> 7;
  }
  if (carry) out[0] ^= 0x87;
  return out;
}

function xtsDuplicatedKeys() {
  const err = new Error('error:1C800095:Provider routines::xts duplicated keys');
  err.library = 'Provider routines';
  err.reason = 'xts duplicated keys';
  err.code = 'ERR_OSSL_XTS_DUPLICATED_KEYS';
  return err;
}

/** Each update() is one data unit under the IV's tweak, as OpenSSL's XTS has it. */
class Xts extends Base {
  constructor(params, errors) {
    super();
    const key = asBytes(params.key);
    const half = key.length / 2;
    const k1 = key.slice(0, half);
    const k2 = key.slice(half);
    let same = true;
    for (let i = 0; i < half; i++) if (k1[i] !== k2[i]) same = false;
    if (same) throw xtsDuplicatedKeys();
    this.decrypt = params.decrypt;
    this.errors = errors;
    this.k1 = k1;
    this.tweak0 = aesOnce(k2, asBytes(params.iv), false);
  }

  /** The blocks of `data` (whole blocks) under the tweaks from `t`: one native call. */
  run(data, tweaks, decrypt) {
    const input = data.slice();
    for (let b = 0; b < tweaks.length; b++) xorInto(input, b * 16, tweaks[b], 0, 16);
    const out = aesOnce(this.k1, input, decrypt);
    for (let b = 0; b < tweaks.length; b++) xorInto(out, b * 16, tweaks[b], 0, 16);
    return out;
  }

  update(data) {
    data = asBytes(data);
    const length = data.length;
    if (length < 16) throw this.errors.updateFailed();
    const whole = Math.floor(length / 16);
    const tail = length % 16;
    const tweaks = [this.tweak0];
    for (let b = 1; b <= whole; b++) tweaks.push(nextTweak(tweaks[b - 1]));
    if (tail === 0) return this.run(data, tweaks.slice(0, whole), this.decrypt);
    // Ciphertext stealing for the last partial block.
    const out = new Uint8Array(length);
    const head = (whole - 1) * 16;
    if (whole > 1) out.set(this.run(data.subarray(0, head), tweaks.slice(0, whole - 1), this.decrypt));
    const last = data.subarray(head, head + 16);
    const partial = data.subarray(head + 16);
    const [first, second] = this.decrypt ? [tweaks[whole], tweaks[whole - 1]] :
      [tweaks[whole - 1], tweaks[whole]];
    const cc = this.run(last, [first], this.decrypt);
    const joined = new Uint8Array(16);
    joined.set(partial);
    joined.set(cc.subarray(tail), tail);
    out.set(this.run(joined, [second], this.decrypt), head);
    out.set(cc.subarray(0, tail), head + 16);
    return out;
  }

  final() {
    return empty;
  }
}

function aesOnce(key, data, decrypt) {
  const id = native.cipherNew(`aes-${key.length * 8}-ecb`, key, null, decrypt, 16);
  try {
    native.cipherSetPadding(id, false);
    return native.cipherUpdate(id, data);
  } finally {
    native.cipherFree(id);
  }
}

module.exports = {
  Cfb,
  Cfb1,
  Cfb8,
  Ecb,
  Ofb,
  Xts,
};
