'use strict';
// v8.Serializer / v8.Deserializer: V8's structured-clone wire format (version 15), written and
// read in JS so the bytes match what Node produces for the same values (Node uses V8's
// ValueSerializer; Eddy's runtime only exposes it through structuredClone).

const { codes } = require('internal/errors');
const types = require('util/types');

const kVersion = 15;

const TAG = {
  padding: 0x00, verifyCount: 0x3f, hole: 0x2d, undefined: 0x5f, null: 0x30, true: 0x54,
  false: 0x46, int32: 0x49, uint32: 0x55, double: 0x4e, bigint: 0x5a, utf8: 0x53,
  oneByte: 0x22, twoByte: 0x63, ref: 0x5e, beginObject: 0x6f, endObject: 0x7b,
  beginSparse: 0x61, endSparse: 0x40, beginDense: 0x41, endDense: 0x24, date: 0x44,
  trueObject: 0x79, falseObject: 0x78, numberObject: 0x6e, bigintObject: 0x7a,
  stringObject: 0x73, regexp: 0x52, beginMap: 0x3b, endMap: 0x3a, beginSet: 0x27, endSet: 0x2c,
  arrayBuffer: 0x42, transfer: 0x74, view: 0x56, shared: 0x75, host: 0x5c, error: 0x72,
};

const viewTags = [
  [Int8Array, 0x62], [Uint8Array, 0x42], [Uint8ClampedArray, 0x43], [Int16Array, 0x77],
  [Uint16Array, 0x57], [Int32Array, 0x64], [Uint32Array, 0x44], [Float32Array, 0x66],
  [Float64Array, 0x46], [BigInt64Array, 0x71], [BigUint64Array, 0x51], [DataView, 0x3f],
];

const regexpFlags = { g: 1, i: 2, m: 4, y: 8, u: 16, s: 32, d: 128, v: 256 };

const errorTags = [
  [EvalError, 0x45], [RangeError, 0x52], [ReferenceError, 0x46], [SyntaxError, 0x53],
  [TypeError, 0x54], [URIError, 0x55],
];

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isIndexKey = (k) => /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;

class Serializer {
  #bytes = new Uint8Array(64);
  #length = 0;
  #ids = new Map();
  #nextId = 0;
  #transfers = new Map();
  #viewsAsHost = false;

  #reserve(n) {
    if (this.#length + n <= this.#bytes.length) return;
    const next = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + n));
    next.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = next;
  }

  #byte(b) {
    this.#reserve(1);
    this.#bytes[this.#length++] = b;
  }

  #varint(n) {
    // Unsigned LEB128 of a non-negative integer (up to 2^64 through BigInt).
    if (typeof n === 'bigint' || n > 0xffffffff) {
      let v = BigInt(n);
      do {
        let b = Number(v & 0x7fn);
        v >>= 7n;
        if (v !== 0n) b |= 0x80;
        this.#byte(b);
      } while (v !== 0n);
      return;
    }
    n >>>= 0;
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      this.#byte(b);
    } while (n !== 0);
  }

  #double(d) {
    this.#reserve(8);
    new DataView(this.#bytes.buffer).setFloat64(this.#length, d, true);
    this.#length += 8;
  }

  #raw(u8) {
    this.#reserve(u8.length);
    this.#bytes.set(u8, this.#length);
    this.#length += u8.length;
  }

  #string(s) {
    let oneByte = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0xff) {
        oneByte = false;
        break;
      }
    }
    if (oneByte) {
      this.#byte(TAG.oneByte);
      this.#varint(s.length);
      this.#reserve(s.length);
      for (let i = 0; i < s.length; i++) this.#bytes[this.#length++] = s.charCodeAt(i);
      return;
    }
    const byteLength = s.length * 2;
    // Two-byte data starts at an even offset: pad before the tag when needed.
    let varintSize = 1;
    for (let v = byteLength >>> 7; v !== 0; v >>>= 7) varintSize++;
    if ((this.#length + 1 + varintSize) & 1) this.#byte(TAG.padding);
    this.#byte(TAG.twoByte);
    this.#varint(byteLength);
    this.#reserve(byteLength);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.#bytes[this.#length++] = c & 0xff;
      this.#bytes[this.#length++] = c >> 8;
    }
  }

  #bigint(v) {
    const negative = v < 0n;
    let mag = negative ? -v : v;
    const digits = [];
    while (mag > 0n) {
      digits.push(mag & 0xffffffffffffffffn);
      mag >>= 64n;
    }
    this.#varint((digits.length * 8) * 2 + (negative ? 1 : 0));
    const view = new DataView(new ArrayBuffer(digits.length * 8));
    digits.forEach((d, i) => view.setBigUint64(i * 8, d, true));
    this.#raw(new Uint8Array(view.buffer));
  }

  #cloneError(value) {
    let text;
    try {
      text = typeof value === 'symbol' ? value.toString() :
        typeof value === 'function' ? `${value}` : `#<${value.constructor?.name ?? 'Object'}>`;
    } catch {
      text = '#<Object>';
    }
    const Ctor = this._getDataCloneError;
    throw new Ctor(`${text} could not be cloned.`);
  }

  writeHeader() {
    this.#byte(0xff);
    this.#varint(kVersion);
  }

  writeValue(value) {
    this.#write(value);
    return true;
  }

  #write(value) {
    switch (typeof value) {
      case 'undefined': this.#byte(TAG.undefined); return;
      case 'boolean': this.#byte(value ? TAG.true : TAG.false); return;
      case 'number':
        if ((value | 0) === value && !Object.is(value, -0)) {
          this.#byte(TAG.int32);
          this.#varint(((value << 1) ^ (value >> 31)) >>> 0);
        } else {
          this.#byte(TAG.double);
          this.#double(value);
        }
        return;
      case 'bigint': this.#byte(TAG.bigint); this.#bigint(value); return;
      case 'string': this.#string(value); return;
      case 'symbol': case 'function': this.#cloneError(value); return;
      default:
    }
    if (value === null) {
      this.#byte(TAG.null);
      return;
    }
    const id = this.#ids.get(value);
    if (id !== undefined) {
      this.#byte(TAG.ref);
      this.#varint(id);
      return;
    }
    if (types.isProxy(value)) this.#cloneError(value);
    this.#ids.set(value, this.#nextId++);
    this.#writeReceiver(value);
  }

  #writeProperties(value, keys) {
    let count = 0;
    for (const key of keys) {
      if (!hasOwn(value, key)) continue;
      const desc = Reflect.getOwnPropertyDescriptor(value, key);
      if (desc === undefined || !desc.enumerable) continue;
      this.#write(isIndexKey(key) ? Number(key) : key);
      this.#write(value[key]);
      count++;
    }
    return count;
  }

  #writeReceiver(value) {
    if (ArrayBuffer.isView(value)) {
      if (this.#viewsAsHost) {
        this.#byte(TAG.host);
        this._writeHostObject(value);
        return;
      }
      this.#write(value.buffer);
      const entry = viewTags.find(([C]) => value instanceof C);
      this.#byte(TAG.view);
      this.#byte(entry ? entry[1] : 0x3f);
      this.#varint(value.byteOffset);
      this.#varint(value.byteLength);
      this.#varint(0);
      return;
    }
    if (Array.isArray(value)) {
      const length = value.length;
      let dense = true;
      for (let i = 0; i < length; i++) {
        if (!hasOwn(value, i)) {
          dense = false;
          break;
        }
      }
      const keys = Object.keys(value);
      if (dense) {
        this.#byte(TAG.beginDense);
        this.#varint(length);
        for (let i = 0; i < length; i++) this.#write(value[i]);
        const count = this.#writeProperties(value, keys.filter((k) => !isIndexKey(k)));
        this.#byte(TAG.endDense);
        this.#varint(count);
        this.#varint(length);
      } else {
        this.#byte(TAG.beginSparse);
        this.#varint(length);
        const count = this.#writeProperties(value, keys);
        this.#byte(TAG.endSparse);
        this.#varint(count);
        this.#varint(length);
      }
      return;
    }
    if (types.isDate(value)) {
      this.#byte(TAG.date);
      this.#double(value.getTime());
    } else if (types.isRegExp(value)) {
      this.#byte(TAG.regexp);
      this.#string(value.source);
      let flags = 0;
      for (const f of value.flags) flags |= regexpFlags[f] || 0;
      this.#varint(flags);
    } else if (types.isMap(value)) {
      this.#byte(TAG.beginMap);
      const entries = [...Map.prototype.entries.call(value)];
      for (const [k, v] of entries) {
        this.#write(k);
        this.#write(v);
      }
      this.#byte(TAG.endMap);
      this.#varint(entries.length * 2);
    } else if (types.isSet(value)) {
      this.#byte(TAG.beginSet);
      const values = [...Set.prototype.values.call(value)];
      for (const v of values) this.#write(v);
      this.#byte(TAG.endSet);
      this.#varint(values.length);
    } else if (types.isArrayBuffer(value)) {
      const transferId = this.#transfers.get(value);
      if (transferId !== undefined) {
        this.#byte(TAG.transfer);
        this.#varint(transferId);
        return;
      }
      this.#byte(TAG.arrayBuffer);
      this.#varint(value.byteLength);
      this.#raw(new Uint8Array(value));
    } else if (types.isSharedArrayBuffer(value)) {
      this.#byte(TAG.shared);
      this.#varint(this._getSharedArrayBufferId(value));
    } else if (types.isBooleanObject(value)) {
      this.#byte(Boolean.prototype.valueOf.call(value) ? TAG.trueObject : TAG.falseObject);
    } else if (types.isNumberObject(value)) {
      this.#byte(TAG.numberObject);
      this.#double(Number.prototype.valueOf.call(value));
    } else if (types.isBigIntObject(value)) {
      this.#byte(TAG.bigintObject);
      this.#bigint(BigInt.prototype.valueOf.call(value));
    } else if (types.isStringObject(value)) {
      this.#byte(TAG.stringObject);
      this.#string(String.prototype.valueOf.call(value));
    } else if (types.isNativeError(value)) {
      this.#byte(TAG.error);
      const proto = Object.getPrototypeOf(value);
      const entry = errorTags.find(([C]) => proto === C.prototype);
      if (entry) this.#byte(entry[1]);
      const message = Reflect.getOwnPropertyDescriptor(value, 'message');
      if (message !== undefined && 'value' in message) {
        this.#byte(0x6d);
        this.#string(`${message.value}`);
      }
      const stack = value.stack;
      if (typeof stack === 'string') {
        this.#byte(0x73);
        this.#string(stack);
      }
      this.#byte(0x2e);
    } else if (types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) ||
        types.isGeneratorObject(value) || types.isModuleNamespaceObject(value)) {
      this.#cloneError(value);
    } else {
      this.#byte(TAG.beginObject);
      const count = this.#writeProperties(value, Object.keys(value));
      this.#byte(TAG.endObject);
      this.#varint(count);
    }
  }

  releaseBuffer() {
    const out = Buffer.from(this.#bytes.buffer, 0, this.#length);
    this.#bytes = new Uint8Array(64);
    this.#length = 0;
    return out;
  }

  transferArrayBuffer(id, arrayBuffer) {
    this.#transfers.set(arrayBuffer, id);
  }

  writeUint32(value) {
    this.#varint(value >>> 0);
  }

  writeUint64(hi, lo) {
    this.#varint((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  }

  writeDouble(value) {
    this.#double(value);
  }

  writeRawBytes(source) {
    if (!ArrayBuffer.isView(source)) {
      throw new codes.ERR_INVALID_ARG_TYPE('source', ['Buffer', 'TypedArray', 'DataView'], source);
    }
    this.#raw(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this.#viewsAsHost = !!flag;
  }

  _getDataCloneError(message) {
    return new Error(message);
  }

  _getSharedArrayBufferId() {
    throw new (this._getDataCloneError)('#<SharedArrayBuffer> could not be cloned.');
  }

  _writeHostObject(object) {
    const Ctor = this._getDataCloneError;
    throw new Ctor(`Unserializable host object: ${object}`);
  }
}
Serializer.prototype._getDataCloneError = Error;

class Deserializer {
  #bytes;
  #pos = 0;
  #version = 0;
  #objects = [];
  #transfers = new Map();

  constructor(buffer) {
    if (!ArrayBuffer.isView(buffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    this.#bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    Object.defineProperty(this, 'buffer', { value: buffer, writable: false, configurable: true });
  }

  #fail() {
    throw new Error('Unable to deserialize cloned data.');
  }

  #byte() {
    if (this.#pos >= this.#bytes.length) this.#fail();
    return this.#bytes[this.#pos++];
  }

  #peek() {
    return this.#pos < this.#bytes.length ? this.#bytes[this.#pos] : -1;
  }

  #varint() {
    let result = 0;
    let shift = 0;
    let big;
    for (;;) {
      const b = this.#byte();
      if (shift < 28) {
        result |= (b & 0x7f) << shift;
        result >>>= 0;
      } else {
        big = (big ?? BigInt(result)) | (BigInt(b & 0x7f) << BigInt(shift));
      }
      shift += 7;
      if ((b & 0x80) === 0) break;
    }
    return big === undefined ? result : big;
  }

  #uvarint() {
    const v = this.#varint();
    return typeof v === 'bigint' ? Number(v) : v;
  }

  #double() {
    if (this.#pos + 8 > this.#bytes.length) this.#fail();
    const v = new DataView(this.#bytes.buffer, this.#bytes.byteOffset).getFloat64(this.#pos, true);
    this.#pos += 8;
    return v;
  }

  #rawSlice(n) {
    if (this.#pos + n > this.#bytes.length) this.#fail();
    const out = this.#bytes.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }

  #bigint() {
    const bitfield = this.#uvarint();
    const bytes = this.#rawSlice(bitfield >> 1);
    let v = 0n;
    for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
    return bitfield & 1 ? -v : v;
  }

  #stringOfTag(tag) {
    const n = this.#uvarint();
    const bytes = this.#rawSlice(n);
    if (tag === TAG.oneByte) return String.fromCharCode.apply(null, bytes);
    if (tag === TAG.twoByte) {
      let s = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return s;
    }
    return new TextDecoder().decode(bytes);
  }

  #readString() {
    let tag = this.#byte();
    while (tag === TAG.padding) tag = this.#byte();
    if (tag !== TAG.oneByte && tag !== TAG.twoByte && tag !== TAG.utf8) this.#fail();
    return this.#stringOfTag(tag);
  }

  readHeader() {
    if (this.#peek() === 0xff) {
      this.#pos++;
      this.#version = this.#uvarint();
      if (this.#version > kVersion) this.#fail();
    }
    return true;
  }

  getWireFormatVersion() {
    return this.#version;
  }

  readValue() {
    return this.#read();
  }

  #add(obj) {
    this.#objects.push(obj);
    return obj;
  }

  #readProperties(obj, endTag) {
    let count = 0;
    for (;;) {
      let tag = this.#peek();
      while (tag === TAG.padding) {
        this.#pos++;
        tag = this.#peek();
      }
      if (tag === endTag) {
        this.#pos++;
        return count;
      }
      const key = this.#read();
      obj[key] = this.#read();
      count++;
    }
  }

  #read() {
    const tag = this.#byte();
    switch (tag) {
      case TAG.padding: return this.#read();
      case TAG.verifyCount: this.#uvarint(); return this.#read();
      case TAG.undefined: case TAG.hole: return undefined;
      case TAG.null: return null;
      case TAG.true: return true;
      case TAG.false: return false;
      case TAG.int32: {
        const z = this.#uvarint();
        return (z >>> 1) ^ -(z & 1);
      }
      case TAG.uint32: return this.#uvarint();
      case TAG.double: return this.#double();
      case TAG.bigint: return this.#bigint();
      case TAG.utf8: case TAG.oneByte: case TAG.twoByte: return this.#stringOfTag(tag);
      case TAG.ref: {
        const id = this.#uvarint();
        if (id >= this.#objects.length) this.#fail();
        return this.#objects[id];
      }
      case TAG.beginObject: {
        const obj = this.#add({});
        this.#readProperties(obj, TAG.endObject);
        this.#uvarint();
        return obj;
      }
      case TAG.beginDense: {
        const length = this.#uvarint();
        const arr = this.#add(new Array(length));
        for (let i = 0; i < length; i++) {
          if (this.#peek() === TAG.hole) {
            this.#pos++;
            continue;
          }
          arr[i] = this.#read();
        }
        this.#readProperties(arr, TAG.endDense);
        this.#uvarint();
        this.#uvarint();
        return arr;
      }
      case TAG.beginSparse: {
        const arr = this.#add(new Array(this.#uvarint()));
        this.#readProperties(arr, TAG.endSparse);
        this.#uvarint();
        this.#uvarint();
        return arr;
      }
      case TAG.date: return this.#add(new Date(this.#double()));
      case TAG.trueObject: return this.#add(Object(true));
      case TAG.falseObject: return this.#add(Object(false));
      case TAG.numberObject: return this.#add(Object(this.#double()));
      case TAG.bigintObject: return this.#add(Object(this.#bigint()));
      case TAG.stringObject: return this.#add(Object(this.#readString()));
      case TAG.regexp: {
        const source = this.#readString();
        const bits = this.#uvarint();
        let flags = '';
        for (const [f, bit] of Object.entries(regexpFlags)) if (bits & bit) flags += f;
        return this.#add(new RegExp(source, flags));
      }
      case TAG.beginMap: {
        const map = this.#add(new Map());
        while (this.#peek() !== TAG.endMap) map.set(this.#read(), this.#read());
        this.#pos++;
        this.#uvarint();
        return map;
      }
      case TAG.beginSet: {
        const set = this.#add(new Set());
        while (this.#peek() !== TAG.endSet) set.add(this.#read());
        this.#pos++;
        this.#uvarint();
        return set;
      }
      case TAG.arrayBuffer: {
        const n = this.#uvarint();
        const ab = this.#rawSlice(n).slice().buffer;
        this.#add(ab);
        return this.#maybeView(ab);
      }
      case TAG.transfer: {
        const id = this.#uvarint();
        if (!this.#transfers.has(id)) this.#fail();
        const ab = this.#add(this.#transfers.get(id));
        return this.#maybeView(ab);
      }
      case TAG.host: {
        const index = this.#objects.length;
        this.#objects.push(undefined);
        const obj = this._readHostObject();
        this.#objects[index] = obj;
        return obj;
      }
      case TAG.error: return this.#add(this.#readError());
      default: this.#fail();
    }
  }

  // An ArrayBuffer may be followed by the view over it.
  #maybeView(ab) {
    if (this.#peek() !== TAG.view) return ab;
    this.#pos++;
    const sub = this.#byte();
    const offset = this.#uvarint();
    const length = this.#uvarint();
    if (this.#version >= 14) this.#uvarint();
    const entry = viewTags.find(([, t]) => t === sub);
    if (!entry) this.#fail();
    const C = entry[0];
    const view = C === DataView ? new DataView(ab, offset, length) :
      new C(ab, offset, length / C.BYTES_PER_ELEMENT);
    return this.#add(view);
  }

  #readError() {
    let Ctor = Error;
    let message;
    let stack;
    for (;;) {
      const t = this.#byte();
      if (t === 0x2e) break;
      if (t === 0x6d) message = this.#readString();
      else if (t === 0x73) stack = this.#readString();
      else if (t === 0x63) this.#read();
      else {
        const entry = errorTags.find(([, et]) => et === t);
        if (!entry) this.#fail();
        Ctor = entry[0];
      }
    }
    const err = message === undefined ? new Ctor() : new Ctor(message);
    if (stack !== undefined) err.stack = stack;
    else delete err.stack;
    return err;
  }

  transferArrayBuffer(id, arrayBuffer) {
    this.#transfers.set(id, arrayBuffer);
  }

  readUint32() {
    return this.#uvarint() >>> 0;
  }

  readUint64() {
    const v = BigInt(this.#varint());
    return [Number(v >> 32n) >>> 0, Number(v & 0xffffffffn) >>> 0];
  }

  readDouble() {
    return this.#double();
  }

  _readRawBytes(length) {
    const offset = this.#pos;
    this.#rawSlice(length);
    return offset;
  }

  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset, length);
  }

  _readHostObject() {
    throw new Error('Unable to deserialize cloned data.');
  }
}

module.exports = { Deserializer, Serializer };
