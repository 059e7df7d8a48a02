'use strict';
// internal/tls/certificate: X.509 certificates as node:tls shows them - the object of
// getPeerCertificate()/getCertificate(), the issuer chain of getPeerCertificate(true), PEM <-> DER,
// and the system's trusted roots (tls.rootCertificates).
//
// Boundary: binding.net.parseCertificate(der) (bindings/src/net_tls.rs) gives subject, issuer,
// subjectaltname, validity, serial, fingerprints, ca and the RSA numbers. The rest Node shows
// (pubkey, EC curve names, ext_key_usage, infoAccess) is read here from the DER with a small
// reader that walks only the fields it needs.

const { Buffer } = require('buffer');

const FastBuffer = Buffer[Symbol.species];

// ===== PEM =====

const PEM_CERT = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

function toText(value) {
  if (typeof value === 'string') return value;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
}

// Every certificate in a PEM string or buffer, as DER bytes.
function pemCertificates(value) {
  const out = [];
  for (const m of toText(value).matchAll(PEM_CERT)) {
    out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  }
  return out;
}

function derToPem(der) {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) || [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

// ===== the system's roots =====

const ROOT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
];

let rootPems = null;
let rootDers = null;

// tls.rootCertificates: the PEM of every certificate in the system bundle, read on first use.
function rootCertificates() {
  if (rootPems === null) {
    const fs = require('fs');
    let text = '';
    for (const file of ROOT_FILES) {
      try {
        text = fs.readFileSync(file, 'latin1');
        break;
      } catch {
        // Not this distribution's path.
      }
    }
    rootDers = pemCertificates(text);
    rootPems = Object.freeze(rootDers.map(derToPem));
  }
  return rootPems;
}

function rootDerList() {
  rootCertificates();
  return rootDers;
}

// ===== a DER reader: tag, content start and end of one element =====

function element(bytes, pos) {
  const tag = bytes[pos];
  let len = bytes[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[start++];
  }
  return { tag, pos, start, end: start + len };
}

function children(bytes, node) {
  const out = [];
  for (let p = node.start; p < node.end;) {
    const child = element(bytes, p);
    out.push(child);
    p = child.end;
  }
  return out;
}

function oidString(bytes, node) {
  const parts = [];
  let value = 0;
  for (let i = node.start; i < node.end; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if ((bytes[i] & 0x80) === 0) {
      if (parts.length === 0) {
        const first = Math.min(2, Math.floor(value / 40));
        parts.push(first, value - first * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    }
  }
  return parts.join('.');
}

// The pieces of a certificate this file needs, by position in TBSCertificate.
function structure(der) {
  const cert = element(der, 0);
  const tbs = children(der, cert)[0];
  const fields = children(der, tbs);
  const i = fields[0].tag === 0xa0 ? 1 : 0; // an explicit version comes first
  const ext = fields.find((f) => f.tag === 0xa3);
  return {
    issuer: fields[i + 2],
    subject: fields[i + 4],
    spki: fields[i + 5],
    extensions: ext ? children(der, children(der, ext)[0]) : [],
  };
}

const CURVES = {
  '1.2.840.10045.3.1.7': ['prime256v1', 'P-256', 256],
  '1.3.132.0.34': ['secp384r1', 'P-384', 384],
  '1.3.132.0.35': ['secp521r1', 'P-521', 521],
  '1.3.132.0.10': ['secp256k1', undefined, 256],
};

const ACCESS_METHODS = {
  '1.3.6.1.5.5.7.48.1': 'OCSP',
  '1.3.6.1.5.5.7.48.2': 'CA Issuers',
};

function slice(der, node) {
  return new FastBuffer(der.buffer, der.byteOffset + node.start, node.end - node.start);
}

// ===== subjectaltname, in OpenSSL's words =====

// OpenSSL's short names for the attributes of a distinguished name.
const NAME_TYPES = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L',
  '2.5.4.8': 'ST', '2.5.4.9': 'street', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title',
  '2.5.4.13': 'description', '2.5.4.15': 'businessCategory', '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name', '2.5.4.42': 'GN', '2.5.4.43': 'initials', '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier', '2.5.4.65': 'pseudonym', '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC', '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST', '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

// A directory string as text: UTF-8, UCS-2 (BMPString), UCS-4 (UniversalString) or bytes.
function text(der, node) {
  const bytes = slice(der, node);
  switch (node.tag) {
    case 0x0c: return bytes.toString('utf8');
    case 0x1e: {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
      return out;
    }
    case 0x1c: {
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) out += String.fromCodePoint(bytes.readUInt32BE(i));
      return out;
    }
    default: return bytes.toString('latin1');
  }
}

// subject/issuer as Node shows them: short name -> value, a list when a name repeats.
function nameObject(der, name) {
  const out = { __proto__: null };
  for (const rdn of children(der, name)) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      const id = oidString(der, type);
      const key = NAME_TYPES[id] || id;
      const v = text(der, value);
      if (out[key] === undefined) out[key] = v;
      else if (Array.isArray(out[key])) out[key].push(v);
      else out[key] = [out[key], v];
    }
  }
  return out;
}

// A name as "CN=x,O=y,C=z" (last RDN first, as RFC 2253 writes it).
function nameString(der, name) {
  const rdns = children(der, name).map((rdn) => children(der, rdn).map((atv) => {
    const [type, value] = children(der, atv);
    const id = oidString(der, type);
    return `${NAME_TYPES[id] || id}=${text(der, value).replace(/[,+"\\<>;]/g, '\\$&')}`;
  }).join('+'));
  return rdns.reverse().join(',');
}

// One attribute value escaped as OpenSSL's RFC 2253 mode with control escapes writes it:
// ,+"\<>; get a backslash, as do a leading '#' or space and a trailing space; control
// characters become \XX.
function escape2253(value) {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    if (',+"\\<>;'.includes(ch) || ((ch === '#' || ch === ' ') && i === 0) ||
        (ch === ' ' && i === value.length - 1)) {
      out += `\\${ch}`;
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}

// A name as X509Certificate shows it (OpenSSL's multi-line form): one RDN a line, in
// certificate order, the attributes of a multi-valued RDN joined by " + ".
function nameMultiline(der, name) {
  return children(der, name).map((rdn) => children(der, rdn).map((atv) => {
    const [type, value] = children(der, atv);
    const id = oidString(der, type);
    return `${NAME_TYPES[id] || id}=${escape2253(text(der, value))}`;
  }).join(' + ')).join('\n');
}

/** { subject, issuer } of a DER certificate in OpenSSL's multi-line form. */
function nameTexts(der) {
  const s = structure(der);
  return { subject: nameMultiline(der, s.subject), issuer: nameMultiline(der, s.issuer) };
}

// A name with a character that would confuse the list (a comma, a quote, a control
// character...) is shown quoted, with JSON escapes; `inner` (an othername's kind) goes inside
// the quotes with the value, as OpenSSL 3 prints it.
function altName(prefix, value, utf8, inner) {
  const unsafe = utf8 ? /["\\,'\x00-\x1f\x7f]/ : /["\\,'\x00-\x1f\x7f-\uffff]/;
  const head = inner === undefined ? '' : `${inner}:`;
  if (!unsafe.test(value)) return `${prefix}:${head}${value}`;
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if ((code >= 0x20 && ch !== ',' && code <= 0x7e) || (utf8 && code > 0x7f)) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${prefix}:"${head}${out}"`;
}

function ipString(bytes) {
  if (bytes.length === 4) return bytes.join('.');
  // OpenSSL 3 (the version process.versions reports) names the odd length.
  if (bytes.length !== 16) return `<invalid length=${bytes.length}>`;
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16).toUpperCase());
  return groups.join(':');
}

// The otherName kinds OpenSSL 3 prints: OID -> [name, its value is a UTF8String (else IA5)].
const OTHER_NAMES = {
  '1.3.6.1.5.5.7.8.9': ['SmtpUTF8Mailbox', true],
  '1.3.6.1.5.5.7.8.5': ['XmppAddr', true],
  '1.3.6.1.5.5.7.8.7': ['SRVName', false],
  '1.3.6.1.4.1.311.20.2.3': ['UPN', true],
  '1.3.6.1.5.5.7.8.8': ['NAIRealm', true],
};

// otherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }, implicitly tagged [0].
function otherName(der, name) {
  const [type, wrapped] = children(der, name);
  const kind = type && type.tag === 0x06 ? OTHER_NAMES[oidString(der, type)] : undefined;
  const value = wrapped && wrapped.tag === 0xa0 ? element(der, wrapped.start) : undefined;
  if (kind === undefined || value === undefined ||
      value.tag !== (kind[1] ? 0x0c : 0x16)) {
    return 'othername:<unsupported>';
  }
  const bytes = slice(der, value);
  return altName('othername', bytes.toString(kind[1] ? 'utf8' : 'latin1'), kind[1], kind[0]);
}

// One GeneralName as OpenSSL prints it.
function generalName(der, name) {
  const bytes = slice(der, name);
  switch (name.tag) {
    case 0x82: return altName('DNS', bytes.toString('latin1'), false);
    case 0x81: return altName('email', bytes.toString('latin1'), false);
    case 0x86: return altName('URI', bytes.toString('latin1'), false);
    case 0x87: return `IP Address:${ipString(bytes)}`;
    case 0x88: return `Registered ID:${oidString(der, name)}`;
    case 0xa4: return altName('DirName', nameString(der, element(der, name.start)), true);
    case 0xa0: return otherName(der, name);
    default: return '<unsupported>';
  }
}

function altNames(der, value) {
  return children(der, value).map((name) => generalName(der, name)).join(', ');
}

// authorityInfoAccess as OpenSSL prints it: "OCSP - URI:http://...", one access a line.
function infoAccessText(der, value) {
  return children(der, value).map((desc) => {
    const [method, name] = children(der, desc);
    const id = oidString(der, method);
    return `${ACCESS_METHODS[id] || id} - ${generalName(der, name)}`;
  }).join('\n');
}

// The text as getPeerCertificate() shows it: access "kind - type" -> its values (a quoted
// value is a JSON string, as Node's translatePeerCertificate reads it).
function infoAccessObject(text) {
  const info = { __proto__: null };
  text.replace(/([^\n:]*):([^\n]*)(?:\n|$)/g, (all, key, val) => {
    if (val.charCodeAt(0) === 0x22) val = JSON.parse(val);
    (info[key] ||= []).push(val);
    return all;
  });
  return info;
}

// subjectaltname, ext_key_usage and infoAccess, when the certificate has them.
function readExtensions(der, extensions) {
  const out = {};
  for (const ext of extensions) {
    const parts = children(der, ext);
    const id = oidString(der, parts[0]);
    const value = element(der, parts[parts.length - 1].start);
    if (id === '2.5.29.17') {
      out.subjectaltname = altNames(der, value);
    } else if (id === '2.5.29.37') {
      out.ext_key_usage = children(der, value).map((o) => oidString(der, o));
    } else if (id === '1.3.6.1.5.5.7.1.1') {
      out.infoAccessText = infoAccessText(der, value);
      out.infoAccess = infoAccessObject(out.infoAccessText);
    }
  }
  return out;
}

function nullProto(obj) {
  const out = { __proto__: null };
  if (obj) Object.assign(out, obj);
  return out;
}

const kInfoAccessText = Symbol('kInfoAccessText');

// The object Node's getPeerCertificate() returns for one DER certificate (without the chain).
function describe(der) {
  der = der instanceof Uint8Array ? der : new Uint8Array(der);
  const raw = new FastBuffer(der.buffer, der.byteOffset, der.byteLength);
  const parsed = binding.net.parseCertificate(raw);
  if (!parsed) return null;
  let s;
  let ext = {};
  try {
    s = structure(raw);
    ext = readExtensions(raw, s.extensions);
  } catch {
    s = null;
  }
  const out = {
    subject: s !== null ? nameObject(raw, s.subject) : nullProto(parsed.subject),
    issuer: s !== null ? nameObject(raw, s.issuer) : nullProto(parsed.issuer),
  };
  const san = ext.subjectaltname !== undefined ? ext.subjectaltname : parsed.subjectaltname;
  if (san !== undefined) out.subjectaltname = san;
  if (ext.infoAccess) out.infoAccess = ext.infoAccess;
  if (ext.infoAccessText !== undefined) {
    // X509Certificate's infoAccess is the text; not enumerable, so the legacy object keeps
    // Node's keys.
    Object.defineProperty(out, kInfoAccessText, { __proto__: null, value: ext.infoAccessText });
  }
  out.ca = parsed.ca;
  if (s !== null) {
    const [alg, key] = children(raw, s.spki);
    const algParts = children(raw, alg);
    const algId = oidString(raw, algParts[0]);
    if (parsed.modulus !== undefined) {
      out.modulus = parsed.modulus;
      out.bits = parsed.bits;
      out.exponent = parsed.exponent;
      out.pubkey = Buffer.from(raw.subarray(s.spki.pos, s.spki.end));
    } else if (algId === '1.2.840.10045.2.1' && algParts[1] && algParts[1].tag === 0x06) {
      const curve = CURVES[oidString(raw, algParts[1])];
      if (curve) out.bits = curve[2];
      // The public point, after the bit string's unused-bits byte.
      out.pubkey = Buffer.from(raw.subarray(key.start + 1, key.end));
      if (curve) {
        out.asn1Curve = curve[0];
        if (curve[1]) out.nistCurve = curve[1];
      }
    }
  }
  out.valid_from = parsed.valid_from;
  out.valid_to = parsed.valid_to;
  out.fingerprint = parsed.fingerprint;
  out.fingerprint256 = parsed.fingerprint256;
  out.fingerprint512 = parsed.fingerprint512;
  if (ext.ext_key_usage) out.ext_key_usage = ext.ext_key_usage;
  out.serialNumber = parsed.serialNumber;
  out.raw = Buffer.from(raw);
  return out;
}

function nameBytes(der, which) {
  try {
    const node = structure(der)[which];
    return der.subarray(node.pos, node.end);
  } catch {
    return null;
  }
}

function sameBytes(a, b) {
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Issued by itself (a root, or a self-signed leaf): its issuer and subject names are the same.
function selfIssued(der) {
  return sameBytes(nameBytes(der, 'issuer'), nameBytes(der, 'subject'));
}

// getPeerCertificate(true): each certificate links to its issuer, found among those the peer
// sent and then among the trusted ones (`anchors`, DER); a self-issued root links to itself.
function describeChain(sent, anchors) {
  const pool = sent.slice(1).concat(anchors);
  const leaf = describe(sent[0]);
  if (leaf === null) return null;
  let current = leaf;
  let currentDer = sent[0];
  for (let depth = 0; depth < 10; depth++) {
    const issuer = nameBytes(currentDer, 'issuer');
    if (selfIssued(currentDer)) {
      current.issuerCertificate = current;
      break;
    }
    const next = pool.find((der) => sameBytes(nameBytes(der, 'subject'), issuer));
    if (next === undefined) break;
    const described = describe(next);
    if (described === null) break;
    current.issuerCertificate = described;
    current = described;
    currentDer = next;
  }
  return leaf;
}

// ===== does a private key belong to a certificate? =====

function integerBytes(der, node) {
  let start = node.start;
  while (start < node.end - 1 && der[start] === 0) start++;
  return der.subarray(start, node.end);
}

// The public part of an unencrypted RSA or EC private key in PEM: { rsa: modulus } or
// { ec: point }; null when this reader cannot tell (encrypted, other kinds, no public point).
function privateKeyPublic(pem) {
  const m = /-----BEGIN (RSA |EC |)PRIVATE KEY-----([\s\S]*?)-----END/.exec(toText(pem));
  if (!m || m[2].includes('ENCRYPTED')) return null;
  const der = Buffer.from(m[2].replace(/\s+/g, ''), 'base64');
  try {
    let body = element(der, 0);
    let kind = m[1].trim();
    if (kind === '') {
      // PKCS #8: version, algorithm, then the key itself in an octet string.
      const [, alg, octets] = children(der, body);
      const algId = oidString(der, children(der, alg)[0]);
      kind = algId === '1.2.840.113549.1.1.1' ? 'RSA' : algId === '1.2.840.10045.2.1' ? 'EC' : '';
      body = element(der, octets.start);
    }
    const fields = children(der, body);
    if (kind === 'RSA') return { rsa: integerBytes(der, fields[1]) };
    if (kind === 'EC') {
      const pub = fields.find((f) => f.tag === 0xa1);
      if (!pub) return null;
      const bits = element(der, pub.start);
      return { ec: der.subarray(bits.start + 1, bits.end) };
    }
  } catch {
    // Not a key this reader knows.
  }
  return null;
}

function certificatePublic(der) {
  const { spki } = structure(der);
  const [alg, key] = children(der, spki);
  const algId = oidString(der, children(der, alg)[0]);
  const bits = der.subarray(key.start + 1, key.end);
  if (algId === '1.2.840.113549.1.1.1') {
    const [n] = children(bits, element(bits, 0));
    return { rsa: integerBytes(bits, n) };
  }
  if (algId === '1.2.840.10045.2.1') return { ec: bits };
  return null;
}

// 'rsa' or 'ec' for a private key in PEM (null: unreadable here).
function keyKind(keyPem) {
  const key = privateKeyPublic(keyPem);
  return key === null ? null : key.rsa ? 'rsa' : 'ec';
}

// The size in bits of an RSA private key's modulus, or of an EC key's field (from its public
// point); null when this reader cannot tell.
function keyBits(keyPem) {
  const key = privateKeyPublic(keyPem);
  if (key === null) return null;
  if (key.ec) return ((key.ec.length - 1) / 2) * 8;
  let i = 0;
  while (i < key.rsa.length && key.rsa[i] === 0) i++;
  if (i === key.rsa.length) return 0;
  return (key.rsa.length - i) * 8 - (Math.clz32(key.rsa[i]) - 24);
}

// Whether the certificate (the first in certPem) is the key's: both readable and the same.
function keyFitsCertificate(keyPem, certPem) {
  const key = privateKeyPublic(keyPem);
  const ders = pemCertificates(certPem);
  if (key === null || ders.length === 0) return false;
  let cert;
  try {
    cert = certificatePublic(ders[0]);
  } catch {
    return false;
  }
  if (cert === null) return false;
  if (key.rsa && cert.rsa) return sameBytes(key.rsa, cert.rsa);
  if (key.ec && cert.ec) return sameBytes(key.ec, cert.ec);
  return false;
}

// false only when both are readable, of one kind, and differ (OpenSSL's "key values mismatch").
function keyMatchesCertificate(keyPem, certPem) {
  const key = privateKeyPublic(keyPem);
  const ders = pemCertificates(certPem);
  if (key === null || ders.length === 0) return true;
  let cert;
  try {
    cert = certificatePublic(ders[0]);
  } catch {
    return true;
  }
  if (cert === null) return true;
  if (key.rsa && cert.rsa) return sameBytes(key.rsa, cert.rsa);
  if (key.ec && cert.ec) return sameBytes(key.ec, cert.ec);
  // Of another kind, OpenSSL keeps the key beside the certificate rather than against it.
  return true;
}

// A server's chain as OpenSSL sends it: the certificates given, then the certificates from its
// `ca` that issued them, the root included.
function completeChain(certPem, caPems) {
  const chain = pemCertificates(certPem);
  if (chain.length === 0) return certPem;
  const pool = caPems.flatMap((pem) => pemCertificates(pem));
  let added = '';
  for (let last = chain[chain.length - 1]; !selfIssued(last);) {
    const issuer = nameBytes(last, 'issuer');
    const next = pool.find((der) => sameBytes(nameBytes(der, 'subject'), issuer) &&
      !chain.some((c) => sameBytes(c, der)));
    if (next === undefined) break;
    chain.push(next);
    added += `\n${derToPem(next)}\n`;
    last = next;
  }
  return added === '' ? certPem : `${toText(certPem)}\n${added}`;
}

module.exports = {
  completeChain,
  keyMatchesCertificate,
  keyFitsCertificate,
  keyBits,
  keyKind,
  derToPem,
  describe,
  kInfoAccessText,
  nameTexts,
  describeChain,
  pemCertificates,
  rootCertificates,
  rootDerList,
  selfIssued,
};
