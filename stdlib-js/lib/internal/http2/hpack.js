'use strict';
// HPACK (RFC 7541): the static table, the canonical Huffman code of Appendix B, and an
// encoder/decoder pair that each keep a dynamic table. Header names and values are carried as
// latin1 strings (one byte per char), the way they travel on the wire.

const STATIC = [
  null,
  [':authority', ''], [':method', 'GET'], [':method', 'POST'], [':path', '/'],
  [':path', '/index.html'], [':scheme', 'http'], [':scheme', 'https'], [':status', '200'],
  [':status', '204'], [':status', '206'], [':status', '304'], [':status', '400'],
  [':status', '404'], [':status', '500'], ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'], ['accept-language', ''], ['accept-ranges', ''],
  ['accept', ''], ['access-control-allow-origin', ''], ['age', ''], ['allow', ''],
  ['authorization', ''], ['cache-control', ''], ['content-disposition', ''],
  ['content-encoding', ''], ['content-language', ''], ['content-length', ''],
  ['content-location', ''], ['content-range', ''], ['content-type', ''], ['cookie', ''],
  ['date', ''], ['etag', ''], ['expect', ''], ['expires', ''], ['from', ''], ['host', ''],
  ['if-match', ''], ['if-modified-since', ''], ['if-none-match', ''], ['if-range', ''],
  ['if-unmodified-since', ''], ['last-modified', ''], ['link', ''], ['location', ''],
  ['max-forwards', ''], ['proxy-authenticate', ''], ['proxy-authorization', ''], ['range', ''],
  ['referer', ''], ['refresh', ''], ['retry-after', ''], ['server', ''], ['set-cookie', ''],
  ['strict-transport-security', ''], ['transfer-encoding', ''], ['user-agent', ''],
  ['vary', ''], ['via', ''], ['www-authenticate', ''],
];
const STATIC_LEN = STATIC.length - 1;
// name -> first static index; "name\0value" -> static index.
const staticName = new Map();
const staticPair = new Map();
for (let i = STATIC_LEN; i >= 1; i--) {
  staticName.set(STATIC[i][0], i);
  staticPair.set(`${STATIC[i][0]}\0${STATIC[i][1]}`, i);
}

// Code lengths of symbols 0..256 (256 = EOS), RFC 7541 Appendix B. The code is canonical: codes
// of one length are consecutive in symbol order, so the lengths determine every code.
const LENGTHS = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5,
  6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6,
  7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23,
  23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22,
  22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22,
  23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27,
  27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25,
  24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26, 30,
];
const CODES = new Uint32Array(257);
{
  const order = [];
  for (let s = 0; s < 257; s++) order.push(s);
  order.sort((a, b) => LENGTHS[a] - LENGTHS[b] || a - b);
  let code = 0;
  let len = LENGTHS[order[0]];
  for (const s of order) {
    code *= 2 ** (LENGTHS[s] - len);
    len = LENGTHS[s];
    CODES[s] = code;
    code++;
  }
}
// Decoding trie: node n has children TRIE[2n] / TRIE[2n+1]; a value >= 0x10000 is a leaf holding
// symbol (value - 0x10000), 0 means no child yet.
const TRIE = new Int32Array(2 * 512);
{
  let next = 1;
  for (let s = 0; s < 257; s++) {
    let node = 0;
    for (let b = LENGTHS[s] - 1; b >= 0; b--) {
      const bit = Math.floor(CODES[s] / 2 ** b) & 1;
      const slot = 2 * node + bit;
      if (b === 0) {
        TRIE[slot] = 0x10000 + s;
      } else {
        if (TRIE[slot] === 0) TRIE[slot] = next++;
        node = TRIE[slot];
      }
    }
  }
}

function huffmanLength(str) {
  let bits = 0;
  for (let i = 0; i < str.length; i++) bits += LENGTHS[str.charCodeAt(i) & 0xff];
  return Math.ceil(bits / 8);
}

function huffmanEncode(str, out) {
  let acc = 0; // pending bits, fewer than 8
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const sym = str.charCodeAt(i) & 0xff;
    const code = CODES[sym];
    for (let b = LENGTHS[sym] - 1; b >= 0; b--) {
      acc = (acc << 1) | (Math.floor(code / 2 ** b) & 1);
      if (++n === 8) {
        out.push(acc);
        acc = 0;
        n = 0;
      }
    }
  }
  // Pad with the most significant bits of EOS (all ones).
  if (n > 0) out.push(((acc << (8 - n)) | (0xff >> n)) & 0xff);
}

function huffmanDecode(buf, start, end) {
  let node = 0;
  let depth = 0; // bits consumed since the last symbol
  let allOnes = true;
  let out = '';
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    for (let b = 7; b >= 0; b--) {
      const bit = (byte >> b) & 1;
      const v = TRIE[2 * node + bit];
      depth++;
      if (bit === 0) allOnes = false;
      if (v >= 0x10000) {
        const sym = v - 0x10000;
        if (sym === 256) throw new HpackError('EOS in Huffman string');
        out += String.fromCharCode(sym);
        node = 0;
        depth = 0;
        allOnes = true;
      } else if (v === 0) {
        throw new HpackError('invalid Huffman code');
      } else {
        node = v;
      }
    }
  }
  // Leftover bits must be a prefix of EOS no longer than 7 bits.
  if (depth > 7 || !allOnes) throw new HpackError('invalid Huffman padding');
  return out;
}

class HpackError extends Error {}

function encodeInt(out, value, prefixBits, firstByte) {
  const max = (1 << prefixBits) - 1;
  if (value < max) {
    out.push(firstByte | value);
    return;
  }
  out.push(firstByte | max);
  value -= max;
  while (value >= 128) {
    out.push((value % 128) + 128);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

function encodeString(out, str) {
  const hlen = huffmanLength(str);
  if (hlen < str.length) {
    encodeInt(out, hlen, 7, 0x80);
    huffmanEncode(str, out);
  } else {
    encodeInt(out, str.length, 7, 0);
    for (let i = 0; i < str.length; i++) out.push(str.charCodeAt(i) & 0xff);
  }
}

// Entries cost name length + value length + 32 octets (RFC 7541 section 4.1).
class DynamicTable {
  constructor(maxSize) {
    this.entries = []; // newest first
    this.size = 0;
    this.maxSize = maxSize;
  }
  add(name, value) {
    const cost = name.length + value.length + 32;
    this.entries.unshift([name, value]);
    this.size += cost;
    this.evict();
  }
  setMaxSize(n) {
    this.maxSize = n;
    this.evict();
  }
  evict() {
    while (this.size > this.maxSize && this.entries.length > 0) {
      const [n, v] = this.entries.pop();
      this.size -= n.length + v.length + 32;
    }
  }
  get(index) {
    if (index >= 1 && index <= STATIC_LEN) return STATIC[index];
    const e = this.entries[index - STATIC_LEN - 1];
    if (e === undefined) throw new HpackError(`invalid header index ${index}`);
    return e;
  }
}

class Encoder {
  constructor() {
    this.table = new DynamicTable(4096);
    this.pendingSizeUpdate = -1;
  }
  // The peer's SETTINGS_HEADER_TABLE_SIZE bounds our table; we keep at most 4096 of it.
  setMaxTableSize(n) {
    n = Math.min(n, 4096);
    if (n === this.table.maxSize && this.pendingSizeUpdate < 0) return;
    this.table.setMaxSize(n);
    this.pendingSizeUpdate = n;
  }
  // headers: [[name, value, neverIndex]]; returns a Buffer holding one header block.
  encode(headers) {
    const out = [];
    if (this.pendingSizeUpdate >= 0) {
      encodeInt(out, this.pendingSizeUpdate, 5, 0x20);
      this.pendingSizeUpdate = -1;
    }
    for (const [name, value, never] of headers) {
      if (never) {
        const ni = staticName.get(name);
        encodeInt(out, ni || 0, 4, 0x10);
        if (!ni) encodeString(out, name);
        encodeString(out, value);
        continue;
      }
      const si = staticPair.get(`${name}\0${value}`);
      if (si !== undefined) {
        encodeInt(out, si, 7, 0x80);
        continue;
      }
      let nameIndex = staticName.get(name) || 0;
      let found = 0;
      const entries = this.table.entries;
      for (let i = 0; i < entries.length; i++) {
        if (entries[i][0] === name) {
          if (entries[i][1] === value) {
            found = STATIC_LEN + 1 + i;
            break;
          }
          if (nameIndex === 0) nameIndex = STATIC_LEN + 1 + i;
        }
      }
      if (found) {
        encodeInt(out, found, 7, 0x80);
        continue;
      }
      // Index what is small enough to be worth keeping; big values go as literals.
      if (name.length + value.length + 32 <= this.table.maxSize / 2) {
        encodeInt(out, nameIndex, 6, 0x40);
        if (!nameIndex) encodeString(out, name);
        encodeString(out, value);
        this.table.add(name, value);
      } else {
        encodeInt(out, nameIndex, 4, 0x00);
        if (!nameIndex) encodeString(out, name);
        encodeString(out, value);
      }
    }
    return Buffer.from(out);
  }
}

class Decoder {
  constructor(maxTableSize = 4096) {
    this.table = new DynamicTable(maxTableSize);
    this.limit = maxTableSize; // what our SETTINGS_HEADER_TABLE_SIZE allows
  }
  setLimit(n) {
    this.limit = n;
    if (this.table.maxSize > n) this.table.setMaxSize(n);
  }
  // Returns [[name, value, neverIndexed]]; throws HpackError on a malformed block.
  decode(buf) {
    const headers = [];
    let pos = 0;
    const end = buf.length;
    const readInt = (prefixBits) => {
      const max = (1 << prefixBits) - 1;
      let value = buf[pos++] & max;
      if (value < max) return value;
      let m = 1;
      for (;;) {
        if (pos >= end) throw new HpackError('truncated integer');
        const b = buf[pos++];
        value += (b & 127) * m;
        m *= 128;
        if (m > 2 ** 35) throw new HpackError('integer overflow');
        if ((b & 128) === 0) return value;
      }
    };
    const readString = () => {
      if (pos >= end) throw new HpackError('truncated string');
      const huff = (buf[pos] & 0x80) !== 0;
      const len = readInt(7);
      if (pos + len > end) throw new HpackError('truncated string');
      const s = huff ? huffmanDecode(buf, pos, pos + len) : buf.latin1Slice(pos, pos + len);
      pos += len;
      return s;
    };
    let sawHeader = false;
    while (pos < end) {
      const b = buf[pos];
      if (b & 0x80) {
        const idx = readInt(7);
        if (idx === 0) throw new HpackError('index 0');
        const [n, v] = this.table.get(idx);
        headers.push([n, v, false]);
        sawHeader = true;
      } else if ((b & 0xc0) === 0x40) {
        const idx = readInt(6);
        const name = idx ? this.table.get(idx)[0] : readString();
        const value = readString();
        this.table.add(name, value);
        headers.push([name, value, false]);
        sawHeader = true;
      } else if ((b & 0xe0) === 0x20) {
        // A size update may only open a block (section 4.2).
        if (sawHeader) throw new HpackError('late table size update');
        const n = readInt(5);
        if (n > this.limit) throw new HpackError('table size update above limit');
        this.table.setMaxSize(n);
      } else {
        const never = (b & 0xf0) === 0x10;
        const idx = readInt(4);
        const name = idx ? this.table.get(idx)[0] : readString();
        const value = readString();
        headers.push([name, value, never]);
        sawHeader = true;
      }
    }
    return headers;
  }
}

module.exports = { Encoder, Decoder, HpackError, huffmanEncode, huffmanDecode, CODES, LENGTHS };
