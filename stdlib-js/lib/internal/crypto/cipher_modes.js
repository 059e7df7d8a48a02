'use strict';
// The cipher modes the natives lack, built on their pieces (bindings/src/crypto_cipher.rs):
// AES key wrap (RFC 3394) and key wrap with padding (RFC 5649), Triple-DES key wrap (RFC 3217),
// CCM (RFC 3610, NIST SP 800-38C) and OCB (RFC 7253) on AES-ECB/CBC/CTR and 3DES-CBC. Each
// engine offers what cipher.js asks of one: update, final, setAutoPadding, setAAD, getAuthTag,
// setAuthTag. Block cipher work is done natively, a whole update's blocks in one call where the
// mode allows.

const { nativeError } = require('internal/crypto/util');

const native = binding.crypto;

/** Runs `data` (whole blocks) through AES in `mode` ('ecb', 'cbc', 'ctr'), unpadded. */
function aes(mode, key, iv, data, decrypt = false) {
  const id = native.cipherNew(`aes-${key.byteLength * 8}-${mode}`, key, iv, decrypt, 16);
  if (id < 0) throw new Error('AES setup failed');
  try {
    native.cipherSetPadding(id, false);
    return native.cipherUpdate(id, data);
  } finally {
    native.cipherFree(id);
  }
}

function xorInto(target, targetOffset, source, sourceOffset, length) {
  for (let i = 0; i < length; i++) target[targetOffset + i] ^= source[sourceOffset + i];
}

function concat(chunks) {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  return out;
}

function copyBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}

function equalTime(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const empty = new Uint8Array(0);

/** An error as Node reports one from OpenSSL's providers. */
function opensslError(hex, reason, code) {
  const err = new Error(`error:${hex}:Provider routines::${reason}`);
  err.library = 'Provider routines';
  err.reason = reason;
  err.code = code;
  return err;
}

// ===== key wrap (RFC 3394) =====

const defaultWrapIv = new Uint8Array([0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6]);

/** W(S) of RFC 3394 section 2.2.1 over the 64-bit blocks of `plain`, from the 8-byte `a`. */
function wrapBlocks(key, a, plain) {
  const n = plain.length / 8;
  const r = plain.slice();
  const block = new Uint8Array(16);
  block.set(a);
  const id = native.cipherNew(`aes-${key.byteLength * 8}-ecb`, key, null, false, 16);
  native.cipherSetPadding(id, false);
  try {
    for (let j = 0; j < 6; j++) {
      for (let i = 0; i < n; i++) {
        block.set(r.subarray(i * 8, i * 8 + 8), 8);
        const b = native.cipherUpdate(id, block);
        block.set(b.subarray(0, 8));
        xorCounter(block, n * j + i + 1);
        r.set(b.subarray(8, 16), i * 8);
      }
    }
  } finally {
    native.cipherFree(id);
  }
  const out = new Uint8Array(8 + r.length);
  out.set(block.subarray(0, 8));
  out.set(r, 8);
  return out;
}

/** W^-1(C) of RFC 3394 section 2.2.2: `{ a, plain }`. */
function unwrapBlocks(key, wrapped) {
  const n = wrapped.length / 8 - 1;
  const r = wrapped.slice(8);
  const block = new Uint8Array(16);
  block.set(wrapped.subarray(0, 8));
  const id = native.cipherNew(`aes-${key.byteLength * 8}-ecb`, key, null, true, 16);
  native.cipherSetPadding(id, false);
  try {
    for (let j = 5; j >= 0; j--) {
      for (let i = n - 1; i >= 0; i--) {
        xorCounter(block, n * j + i + 1);
        block.set(r.subarray(i * 8, i * 8 + 8), 8);
        const b = native.cipherUpdate(id, block);
        block.set(b.subarray(0, 8));
        r.set(b.subarray(8, 16), i * 8);
      }
    }
  } finally {
    native.cipherFree(id);
  }
  return { a: block.slice(0, 8), plain: r };
}

/** XORs the 64-bit big-endian `t` into the first 8 bytes of `block`. */
function xorCounter(block, t) {
  for (let k = 7; k >= 0 && t > 0; k--) {
    block[k] ^= t & 0xff;
    t = Math.floor(t / 256);
  }
}

/** Shared shape of the wrap engines: each update wraps or unwraps its whole input. */
class WrapBase {
  constructor({ key, iv, decrypt }, errors) {
    this.key = copyBytes(key);
    this.iv = iv === undefined || iv === null ? undefined : copyBytes(iv);
    this.decrypt = decrypt;
    this.errors = errors;
  }
  update(data) {
    data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const out = this.decrypt ? this.unwrap(data) : this.wrap(data);
    if (out === undefined) throw this.errors.updateFailed();
    return out;
  }
  final() {
    return empty;
  }
  setAutoPadding() {}
  setAAD() {
    return false;
  }
  getAuthTag() {
    return undefined;
  }
}

class Wrap extends WrapBase {
  wrap(data) {
    if (data.length < 16 || data.length % 8 !== 0) return undefined;
    return wrapBlocks(this.key, this.iv ?? defaultWrapIv, data);
  }
  unwrap(data) {
    if (data.length < 24 || data.length % 8 !== 0) return undefined;
    const { a, plain } = unwrapBlocks(this.key, data);
    return equalTime(a, this.iv ?? defaultWrapIv) ? plain : undefined;
  }
}

const defaultPadIv = new Uint8Array([0xa6, 0x59, 0x59, 0xa6]);

class WrapPad extends WrapBase {
  wrap(data) {
    const length = data.length;
    if (length === 0) return undefined;
    const a = new Uint8Array(8);
    a.set(this.iv ?? defaultPadIv);
    new DataView(a.buffer).setUint32(4, length);
    const padded = new Uint8Array(Math.ceil(length / 8) * 8);
    padded.set(data);
    if (padded.length === 8) {
      const block = new Uint8Array(16);
      block.set(a);
      block.set(padded, 8);
      return aes('ecb', this.key, null, block);
    }
    return wrapBlocks(this.key, a, padded);
  }
  unwrap(data) {
    if (data.length < 16 || data.length % 8 !== 0) return undefined;
    let a, plain;
    if (data.length === 16) {
      const b = aes('ecb', this.key, null, data, true);
      a = b.slice(0, 8);
      plain = b.slice(8);
    } else {
      ({ a, plain } = unwrapBlocks(this.key, data));
    }
    if (!equalTime(a.subarray(0, 4), this.iv ?? defaultPadIv)) return undefined;
    const length = new DataView(a.buffer, a.byteOffset, 8).getUint32(4);
    if (length > plain.length || length <= plain.length - 8) return undefined;
    for (let i = length; i < plain.length; i++) if (plain[i] !== 0) return undefined;
    return plain.slice(0, length);
  }
}

// ===== Triple-DES key wrap (RFC 3217, OpenSSL's des3-wrap) =====

const desWrapIv = new Uint8Array([0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05]);

/** 3DES-CBC over whole blocks, unpadded. */
function des3(key, iv, data, decrypt) {
  const id = native.cipherNew('des-ede3-cbc', key, iv, decrypt, 16);
  if (id < 0) throw new Error('3DES setup failed');
  try {
    native.cipherSetPadding(id, false);
    return native.cipherUpdate(id, data);
  } finally {
    native.cipherFree(id);
  }
}

class DesWrap extends WrapBase {
  /** The CMS key checksum: the first 8 bytes of the key's SHA-1. */
  checksum(data) {
    return native.hashOnce('sha1', data).subarray(0, 8);
  }
  wrap(data) {
    if (data.length === 0 || data.length % 8 !== 0) return undefined;
    const iv = new Uint8Array(8);
    native.randomFill(iv, 0, 8);
    const inner = des3(this.key, iv, concat([data, this.checksum(data)]), false);
    const reversed = concat([iv, inner]).reverse();
    return des3(this.key, desWrapIv, reversed, false);
  }
  unwrap(data) {
    if (data.length < 24 || data.length % 8 !== 0) return undefined;
    const reversed = des3(this.key, desWrapIv, data, true).reverse();
    const plain = des3(this.key, reversed.subarray(0, 8), reversed.subarray(8), true);
    const key = plain.subarray(0, plain.length - 8);
    if (!equalTime(this.checksum(key), plain.subarray(plain.length - 8))) return undefined;
    return key.slice();
  }
}

// ===== CCM =====

class Ccm {
  constructor({ key, iv, decrypt, authTagLength }, errors) {
    this.key = copyBytes(key);
    this.nonce = copyBytes(iv);
    this.decrypt = decrypt;
    this.tagLength = authTagLength;
    this.errors = errors;
    this.q = 15 - iv.byteLength;
    this.maxLength = 2 ** (8 * this.q) - 1;
    this.aad = empty;
    this.plaintextLength = undefined;
    this.done = false;
    this.tag = undefined;
    this.expected = undefined;
    this.authentic = true;
  }

  messageLengthError() {
    return nativeError(RangeError, 'ERR_CRYPTO_INVALID_MESSAGELEN', 'Invalid message length');
  }

  setAAD(aad, plaintextLength) {
    if (plaintextLength === undefined) {
      throw nativeError(TypeError, 'ERR_MISSING_ARGS',
                        'options.plaintextLength required for CCM mode with AAD');
    }
    if (plaintextLength > this.maxLength) throw this.messageLengthError();
    if (!this.done) {
      this.aad = copyBytes(aad);
      this.plaintextLength = plaintextLength;
    }
    return true;
  }

  /** The counter block A_i (the flags byte, the nonce, i in q bytes), for i of 0 or 1. */
  counter(i) {
    const block = new Uint8Array(16);
    block[0] = this.q - 1;
    block.set(this.nonce, 1);
    block[15] = i;
    return block;
  }

  /** CBC-MAC over B0, the encoded AAD and the padded message (SP 800-38C section A.2). */
  mac(message) {
    const aadLength = this.aad.length;
    let header;
    if (aadLength === 0) header = 0;
    else if (aadLength < 0xff00) header = 2;
    else header = 6;
    const aadBlock = Math.ceil((header + aadLength) / 16) * 16;
    const input = new Uint8Array(16 + aadBlock + Math.ceil(message.length / 16) * 16);
    input[0] = (aadLength > 0 ? 64 : 0) | (((this.tagLength - 2) / 2) << 3) | (this.q - 1);
    input.set(this.nonce, 1);
    let len = message.length;
    for (let k = 15; k > 15 - this.q; k--) {
      input[k] = len & 0xff;
      len = Math.floor(len / 256);
    }
    if (header === 2) {
      input[16] = aadLength >> 8;
      input[17] = aadLength & 0xff;
    } else if (header === 6) {
      input[16] = 0xff;
      input[17] = 0xfe;
      new DataView(input.buffer).setUint32(18, aadLength);
    }
    input.set(this.aad, 16 + header);
    input.set(message, 16 + aadBlock);
    const chain = aes('cbc', this.key, new Uint8Array(16), input);
    return chain.slice(chain.length - 16);
  }

  update(data) {
    data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data.length > this.maxLength) throw this.messageLengthError();
    if (this.done) throw this.errors.updateFailed();
    if (this.plaintextLength !== undefined && data.length !== this.plaintextLength) {
      // OpenSSL re-sets the length (and so the IV) for the new size and refuses.
      throw opensslError('1C80006D', 'invalid iv length', 'ERR_OSSL_INVALID_IV_LENGTH');
    }
    this.done = true;
    const s0 = aes('ecb', this.key, null, this.counter(0));
    // CTR from A_1; the counter never carries into the nonce (the length limit sees to that).
    const out = aes('ctr', this.key, this.counter(1), data);
    const plain = this.decrypt ? out : data;
    const t = this.mac(plain);
    const tag = new Uint8Array(this.tagLength);
    for (let i = 0; i < this.tagLength; i++) tag[i] = t[i] ^ s0[i];
    if (!this.decrypt) {
      this.tag = tag;
      return out;
    }
    if (this.expected === undefined || !equalTime(tag, this.expected)) {
      this.authentic = false;
      return empty;
    }
    return out;
  }

  final() {
    if (this.decrypt) {
      if (!this.authentic) throw this.errors.authFailed();
      return empty;
    }
    if (!this.done) {
      throw opensslError('1C800077', 'tag not set', 'ERR_OSSL_TAG_NOT_SET');
    }
    return empty;
  }

  setAutoPadding() {}
  getAuthTag() {
    return this.tag;
  }
  setAuthTag(tag) {
    this.expected = copyBytes(tag);
  }
}

// ===== OCB (RFC 7253) =====

/** Doubling in GF(2^128) as RFC 7253 section 2 defines it. */
function double(block) {
  const out = new Uint8Array(16);
  for (let i = 0; i < 15; i++) out[i] = ((block[i] << 1) | (block[i + 1] >> 7)) & 0xff;
  out[15] = (block[15] << 1) & 0xff;
  if (block[0] & 0x80) out[15] ^= 0x87;
  return out;
}

function ntz(i) {
  let n = 0;
  while ((i & 1) === 0) {
    i >>>= 1;
    n++;
  }
  return n;
}

class Ocb {
  constructor({ key, iv, decrypt, authTagLength }, errors) {
    this.key = copyBytes(key);
    this.decrypt = decrypt;
    this.tagLength = authTagLength;
    this.errors = errors;
    this.lStar = aes('ecb', this.key, null, new Uint8Array(16));
    this.lDollar = double(this.lStar);
    this.l = [double(this.lDollar)];
    // Offset_0 from the nonce (section 4.2).
    const nonce = new Uint8Array(16);
    nonce[0] = ((authTagLength * 8) % 128) << 1;
    nonce[15 - iv.byteLength] |= 1;
    nonce.set(new Uint8Array(iv.buffer, iv.byteOffset, iv.byteLength), 16 - iv.byteLength);
    const bottom = nonce[15] & 0x3f;
    nonce[15] &= 0xc0;
    const ktop = aes('ecb', this.key, null, nonce);
    const stretch = new Uint8Array(24);
    stretch.set(ktop);
    for (let i = 0; i < 8; i++) stretch[16 + i] = ktop[i] ^ ktop[i + 1];
    this.offset = new Uint8Array(16);
    const byteShift = bottom >> 3;
    const bitShift = bottom & 7;
    for (let i = 0; i < 16; i++) {
      const hi = stretch[i + byteShift];
      const lo = stretch[i + byteShift + 1];
      this.offset[i] = bitShift === 0 ? hi : ((hi << bitShift) | (lo >> (8 - bitShift))) & 0xff;
    }
    this.checksum = new Uint8Array(16);
    this.blocks = 0;
    this.pending = empty;
    this.aadParts = [];
    this.tag = undefined;
    this.expected = undefined;
  }

  lOf(index) {
    while (this.l.length <= index) this.l.push(double(this.l[this.l.length - 1]));
    return this.l[index];
  }

  /** Runs whole blocks through the mode, advancing the offset and the checksum. */
  blocksOf(data) {
    const count = data.length / 16;
    const offsets = new Uint8Array(data.length);
    const input = data.slice();
    for (let b = 0; b < count; b++) {
      xorInto(this.offset, 0, this.lOf(ntz(++this.blocks)), 0, 16);
      offsets.set(this.offset, b * 16);
      if (!this.decrypt) xorInto(this.checksum, 0, data, b * 16, 16);
    }
    xorInto(input, 0, offsets, 0, input.length);
    const out = aes('ecb', this.key, null, input, this.decrypt);
    xorInto(out, 0, offsets, 0, out.length);
    if (this.decrypt) for (let b = 0; b < count; b++) xorInto(this.checksum, 0, out, b * 16, 16);
    return out;
  }

  update(data) {
    data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const all = this.pending.length === 0 ? data : concat([this.pending, data]);
    const whole = all.length - (all.length % 16);
    this.pending = all.slice(whole);
    return whole === 0 ? empty : this.blocksOf(all.subarray(0, whole));
  }

  /** HASH(K, A) of section 4.1 over every setAAD piece. */
  hashAad() {
    const aad = concat(this.aadParts);
    const sum = new Uint8Array(16);
    const offset = new Uint8Array(16);
    const whole = aad.length - (aad.length % 16);
    if (whole > 0) {
      const input = aad.slice(0, whole);
      for (let b = 0; b < whole / 16; b++) {
        xorInto(offset, 0, this.lOf(ntz(b + 1)), 0, 16);
        xorInto(input, b * 16, offset, 0, 16);
      }
      const enc = aes('ecb', this.key, null, input);
      for (let b = 0; b < whole / 16; b++) xorInto(sum, 0, enc, b * 16, 16);
    }
    if (aad.length > whole) {
      xorInto(offset, 0, this.lStar, 0, 16);
      const last = new Uint8Array(16);
      last.set(aad.subarray(whole));
      last[aad.length - whole] = 0x80;
      xorInto(last, 0, offset, 0, 16);
      xorInto(sum, 0, aes('ecb', this.key, null, last), 0, 16);
    }
    return sum;
  }

  final() {
    const rest = this.pending;
    this.pending = empty;
    let out = empty;
    if (rest.length > 0) {
      xorInto(this.offset, 0, this.lStar, 0, 16);
      const pad = aes('ecb', this.key, null, this.offset);
      out = rest.slice();
      xorInto(out, 0, pad, 0, rest.length);
      const plain = this.decrypt ? out : rest;
      xorInto(this.checksum, 0, plain, 0, rest.length);
      this.checksum[rest.length] ^= 0x80;
    }
    const input = this.checksum.slice();
    xorInto(input, 0, this.offset, 0, 16);
    xorInto(input, 0, this.lDollar, 0, 16);
    const full = aes('ecb', this.key, null, input);
    xorInto(full, 0, this.hashAad(), 0, 16);
    const tag = full.slice(0, this.tagLength);
    if (!this.decrypt) {
      this.tag = tag;
      return out;
    }
    if (this.expected === undefined || !equalTime(tag, this.expected)) {
      throw this.errors.authFailed();
    }
    return out;
  }

  setAutoPadding() {}
  setAAD(aad) {
    // The AAD is hashed at final(), so (as with OpenSSL) it may come at any point before.
    this.aadParts.push(copyBytes(aad));
    return true;
  }
  getAuthTag() {
    return this.tag;
  }
  setAuthTag(tag) {
    this.expected = copyBytes(tag);
  }
}

module.exports = {
  DesWrap,
  opensslError,
  Ccm,
  Ocb,
  Wrap,
  WrapPad,
  aes,
  unwrapBlocks,
  wrapBlocks,
};
