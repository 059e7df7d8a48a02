'use strict';
// util.MIMEType / util.MIMEParams: WHATWG "parse a MIME type" and its serializer. Invalid
// input throws ERR_INVALID_MIME_SYNTAX naming the production and, when there is one, the
// index (within that production) of the first offending character.

const { codes } = require('internal/errors');

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NOT_TOKEN = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const NOT_QUOTED_OK = /[^\t\u0020-\u007E\u0080-\u00FF]/;
const WS = '\t\n\r ';

function isWS(ch) { return WS.includes(ch); }

function badIndex(str, re) {
  const m = re.exec(str);
  return m ? m.index : -1;
}

function checkToken(production, str) {
  if (str.length === 0 || !TOKEN.test(str)) {
    throw new codes.ERR_INVALID_MIME_SYNTAX(production, str, badIndex(str, NOT_TOKEN));
  }
}

function trimTrailingWS(s) {
  let end = s.length;
  while (end > 0 && isWS(s[end - 1])) end--;
  return s.slice(0, end);
}

function serializeValue(value) {
  if (value.length > 0 && TOKEN.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

let parseParams;

class MIMEParams {
  #data = new Map();

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const data = this.#data;
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    checkToken('parameter name', name);
    if (NOT_QUOTED_OK.test(value)) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('parameter value', value,
                                              badIndex(value, NOT_QUOTED_OK));
    }
    this.#data.set(name, value);
  }

  entries() {
    return this.#data.entries();
  }

  keys() {
    return this.#data.keys();
  }

  values() {
    return this.#data.values();
  }

  toString() {
    let out = '';
    for (const [name, value] of this.#data) {
      if (out) out += ';';
      out += `${name}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  static {
    parseParams = (params, str, pos) => parseParamsInto(params.#data, str, pos);
  }
}

// Parse the parameter part of a MIME type (from `pos`, at a ';') into the map `data`.
function parseParamsInto(data, str, pos) {
  const len = str.length;
  while (pos < len) {
    pos++; // past ';'
    while (pos < len && isWS(str[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < len && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    const name = str.slice(pos, nameEnd).toLowerCase();
    pos = nameEnd;
    if (pos < len) {
      if (str[pos] === ';') continue;
      pos++; // past '='
    }
    if (pos >= len) break;
    let value;
    if (str[pos] === '"') {
      value = '';
      pos++;
      while (pos < len) {
        const ch = str[pos];
        if (ch === '"') { pos++; break; }
        if (ch === '\\') {
          pos++;
          if (pos >= len) { value += '\\'; break; }
          value += str[pos++];
          continue;
        }
        value += ch;
        pos++;
      }
      while (pos < len && str[pos] !== ';') pos++;
    } else {
      let end = pos;
      while (end < len && str[end] !== ';') end++;
      value = trimTrailingWS(str.slice(pos, end));
      pos = end;
      if (value === '') continue;
    }
    if (name.length > 0 && TOKEN.test(name) && !NOT_QUOTED_OK.test(value) && !data.has(name)) {
      data.set(name, value);
    }
  }
}

Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  __proto__: null,
  value: MIMEParams.prototype.entries,
  writable: true,
  configurable: true,
});

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    string = `${string}`;
    let start = 0;
    let end = string.length;
    while (start < end && isWS(string[start])) start++;
    while (end > start && isWS(string[end - 1])) end--;
    const str = string.slice(start, end);

    const slash = str.indexOf('/');
    const type = slash < 0 ? str : str.slice(0, slash);
    if (type.length === 0 || !TOKEN.test(type)) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('type', string, badIndex(type, NOT_TOKEN));
    }
    if (slash < 0) throw new codes.ERR_INVALID_MIME_SYNTAX('type', string, -1);

    let semi = str.indexOf(';', slash + 1);
    if (semi < 0) semi = str.length;
    const subtype = trimTrailingWS(str.slice(slash + 1, semi));
    if (subtype.length === 0 || !TOKEN.test(subtype)) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('subtype', string, badIndex(subtype, NOT_TOKEN));
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    parseParams(this.#params, str, semi);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    checkToken('type', v);
    this.#type = v.toLowerCase();
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    checkToken('subtype', v);
    this.#subtype = v.toLowerCase();
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return params ? `${this.essence};${params}` : this.essence;
  }
}

MIMEType.prototype.toJSON = MIMEType.prototype.toString;

module.exports = { MIMEType, MIMEParams };
