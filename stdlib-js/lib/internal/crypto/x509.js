'use strict';
// crypto.X509Certificate. The fields come from internal/tls/certificate's describe() (the
// getPeerCertificate() object, over binding.net.parseCertificate); the public key from
// internal/crypto/keys (which reads a CERTIFICATE PEM); signature checks from
// binding.crypto.x509Verify (bindings/src/crypto_x509.rs). Host, e-mail and IP checks follow
// OpenSSL's X509_check_host/_email/_ip rules.

const { codes, validateBoolean, validateObject, validateString } = require('internal/errors');

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;
const native = binding.crypto;

const kRaw = Symbol('kRaw');
const kInfo = Symbol('kInfo');
const kPublicKey = Symbol('kPublicKey');
// Set by a TLS socket's getPeerX509Certificate() to the issuer the peer's chain gives.
const kIssuerCertificate = Symbol('kIssuerCertificate');

function certificates() {
  return require('internal/tls/certificate');
}

function noStartLine() {
  const err = new Error('error:0480006C:PEM routines::no start line');
  err.library = 'PEM routines';
  err.reason = 'no start line';
  err.code = 'ERR_OSSL_PEM_NO_START_LINE';
  return err;
}

/** The certificate's DER from PEM text or DER bytes, or undefined. */
function parseInput(bytes) {
  const { pemCertificates, describe } = certificates();
  const pems = pemCertificates(bytes);
  if (pems.length > 0) return describe(pems[0]) ? pems[0] : undefined;
  return bytes.length > 0 && describe(bytes) ? Buffer.from(bytes) : undefined;
}

/** The C++ side's ERR_INVALID_ARG_VALUE, with its own short message. */
function invalidArg(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

/** OpenSSL prints a serial number as the integer it is, without DER's leading zero byte. */
function serialText(serial) {
  return serial && serial.length > 2 ? serial.replace(/^(00)+(?=.)/, '') : serial;
}

function nameText(obj) {
  if (obj === undefined) return undefined;
  const lines = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${key}=${v}`);
  }
  return lines.join('\n');
}

/** subjectaltname's entries, split at the commas between them (not inside quotes). */
function altNameEntries(san) {
  if (san === undefined) return [];
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < san.length; i++) {
    const ch = san[i];
    if (ch === '"' && san[i - 1] !== '\\') quoted = !quoted;
    if (ch === ',' && !quoted && san[i + 1] === ' ') {
      out.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out.map((entry) => {
    const colon = entry.indexOf(':');
    return [entry.slice(0, colon), entry.slice(colon + 1)];
  });
}

function getFlags(options = {}) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = { ...options };
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  if (subject !== 'default' && subject !== 'always' && subject !== 'never') {
    throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  return { subject, wildcards, partialWildcards, multiLabelWildcards, singleLabelSubdomains };
}

/** OpenSSL's host match of a certificate name against `host` (both lower-cased). */
function hostMatches(pattern, host, flags) {
  if (pattern === host) return true;
  if (flags.singleLabelSubdomains && pattern.startsWith('.') && host.endsWith(pattern)) {
    return !host.slice(0, -pattern.length).includes('.');
  }
  if (!flags.wildcards) return false;
  const star = pattern.indexOf('*');
  if (star === -1 || pattern.indexOf('*', star + 1) !== -1) return false;
  const firstDot = pattern.indexOf('.');
  // The wildcard sits in the leftmost label, and at least two labels follow it.
  if (firstDot === -1 || star > firstDot || pattern.indexOf('.', firstDot + 1) === -1) return false;
  const label = pattern.slice(0, firstDot);
  if (label !== '*' && !flags.partialWildcards) return false;
  if (label !== '*' && pattern.startsWith('xn--')) return false;
  const suffix = pattern.slice(firstDot);
  if (!host.endsWith(suffix)) return false;
  const hostLabel = host.slice(0, host.length - suffix.length);
  if (hostLabel === '' || (!flags.multiLabelWildcards && hostLabel.includes('.'))) return false;
  const prefix = label.slice(0, star);
  const after = label.slice(star + 1);
  return hostLabel.length >= prefix.length + after.length &&
    hostLabel.startsWith(prefix) && hostLabel.endsWith(after);
}

function ipBytes(ip) {
  const net = require('net');
  const family = net.isIP(ip);
  if (family === 4) return ip.split('.').map(Number);
  if (family === 6) {
    let text = ip;
    // A trailing dotted quad is the last two groups.
    const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
    if (quad) {
      const [a, b, c, d] = quad.slice(1).map(Number);
      text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head, tail] = text.split('::');
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
    const out = [];
    for (const g of groups) {
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  }
  return undefined;
}

function sanIpBytes(text) {
  if (text.includes('.')) return text.split('.').map(Number);
  const out = [];
  for (const g of text.split(':')) {
    const n = parseInt(g, 16);
    out.push(n >> 8, n & 0xff);
  }
  return out;
}

const kNames = Symbol('kNames');
const kNameTexts = Symbol('kNameTexts');

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const der = parseInput(bytes);
    if (der === undefined) throw noStartLine();
    this[kRaw] = der;
    this[kInfo] = certificates().describe(der);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${require('util').inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }

  get subject() {
    return this[kNames]().subject;
  }

  [kNames]() {
    try {
      this[kNameTexts] ??= certificates().nameTexts(this[kRaw]);
    } catch {
      // A structure too odd to walk: the parsed names, unescaped.
      this[kNameTexts] = { subject: nameText(this[kInfo].subject), issuer: nameText(this[kInfo].issuer) };
    }
    return this[kNameTexts];
  }

  get subjectAltName() {
    return this[kInfo].subjectaltname;
  }

  get issuer() {
    return this[kNames]().issuer;
  }

  get issuerCertificate() {
    return this[kIssuerCertificate];
  }

  get infoAccess() {
    return this[kInfo][certificates().kInfoAccessText];
  }

  get validFrom() {
    return this[kInfo].valid_from;
  }

  get validTo() {
    return this[kInfo].valid_to;
  }

  get fingerprint() {
    return this[kInfo].fingerprint;
  }

  get fingerprint256() {
    return this[kInfo].fingerprint256;
  }

  get fingerprint512() {
    return this[kInfo].fingerprint512;
  }

  get keyUsage() {
    return this[kInfo].ext_key_usage;
  }

  get serialNumber() {
    return serialText(this[kInfo].serialNumber);
  }

  get raw() {
    return Buffer.from(this[kRaw]);
  }

  get publicKey() {
    if (this[kPublicKey] === undefined) {
      this[kPublicKey] = require('internal/crypto/keys').createPublicKey(this.toString());
    }
    return this[kPublicKey];
  }

  toString() {
    return `${certificates().derToPem(this[kRaw])}\n`;
  }

  toJSON() {
    return this.toString();
  }

  get ca() {
    return this[kInfo].ca;
  }

  checkHost(name, options) {
    validateString(name, 'name');
    const flags = getFlags(options);
    if (name.includes('\0')) throw invalidArg('Invalid name');
    const host = name.toLowerCase().replace(/\.$/, '');
    const dns = altNameEntries(this.subjectAltName).filter(([t]) => t === 'DNS').map(([, v]) => v);
    for (const entry of dns) {
      if (hostMatches(entry.toLowerCase(), host, flags)) return entry;
    }
    if (flags.subject === 'always' || (flags.subject === 'default' && dns.length === 0)) {
      const cn = this[kInfo].subject.CN;
      for (const v of cn === undefined ? [] : Array.isArray(cn) ? cn : [cn]) {
        if (hostMatches(v.toLowerCase(), host, flags)) return v;
      }
    }
    return undefined;
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = getFlags(options);
    if (email.includes('\0')) throw invalidArg('Invalid email');
    const same = (candidate) => {
      const at = candidate.lastIndexOf('@');
      const at2 = email.lastIndexOf('@');
      if (at === -1 || at2 === -1) return candidate === email;
      return candidate.slice(0, at) === email.slice(0, at2) &&
        candidate.slice(at).toLowerCase() === email.slice(at2).toLowerCase();
    };
    const emails = altNameEntries(this.subjectAltName).filter(([t]) => t === 'email').map(([, v]) => v);
    for (const entry of emails) if (same(entry)) return entry;
    if (flags.subject === 'always' || (flags.subject === 'default' && emails.length === 0)) {
      const addr = this[kInfo].subject.emailAddress;
      for (const v of addr === undefined ? [] : Array.isArray(addr) ? addr : [addr]) {
        if (same(v)) return v;
      }
    }
    return undefined;
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    getFlags(options);
    const bytes = ipBytes(ip);
    if (bytes === undefined) throw invalidArg('Invalid IP');
    for (const [type, value] of altNameEntries(this.subjectAltName)) {
      if (type !== 'IP Address') continue;
      const other = sanIpBytes(value);
      if (other.length === bytes.length && other.every((b, i) => b === bytes[i])) return ip;
    }
    return undefined;
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return JSON.stringify(this[kInfo].issuer) === JSON.stringify(otherCert[kInfo].subject);
  }

  checkPrivateKey(pkey) {
    const keys = require('internal/crypto/keys');
    if (!keys.isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return keys.createPublicKey(pkey).equals(this.publicKey);
  }

  verify(pkey) {
    const keys = require('internal/crypto/keys');
    if (!keys.isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return native.x509Verify(this[kRaw], pkey[keys.kHandle].bytes);
  }

  toLegacyObject() {
    const obj = certificates().describe(this[kRaw]);
    obj.serialNumber = serialText(obj.serialNumber);
    return obj;
  }
}

function isX509Certificate(value) {
  return value instanceof X509Certificate;
}

module.exports = {
  X509Certificate,
  isX509Certificate,
  kIssuerCertificate,
};
