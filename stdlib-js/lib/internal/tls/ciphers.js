'use strict';
// internal/tls/ciphers: the `ciphers` option read as OpenSSL reads it, into the suites rustls
// offers. As Node does, names containing "TLS_" are TLS 1.3 suites (OpenSSL's ciphersuites
// list: known names kept, the rest ignored); everything else is an OpenSSL cipher string for
// TLS 1.2 (names and aliases, `A+B` for both, `!x` removes for good, `-x` removes, `+x` moves
// to the end, `@...` commands). Either part that selects nothing is "no cipher match".
//
// OpenSSL knows ciphers rustls has no code for (RSA key exchange, CBC, DHE, CCM, ...): their
// names are known here so that a string naming them is valid, but they are not offered, so a
// handshake that needs one fails (no shared cipher).

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

// TLS 1.3: OpenSSL's names (the IANA ones) -> whether rustls has it.
const TLS13 = new Map([
  ['TLS_AES_256_GCM_SHA384', true],
  ['TLS_CHACHA20_POLY1305_SHA256', true],
  ['TLS_AES_128_GCM_SHA256', true],
  ['TLS_AES_128_CCM_SHA256', false],
  ['TLS_AES_128_CCM_8_SHA256', false],
]);

// TLS 1.2 and below: OpenSSL name -> IANA name (only for the suites rustls has).
const RUSTLS12 = new Map([
  ['ECDHE-ECDSA-AES256-GCM-SHA384', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'],
  ['ECDHE-RSA-AES256-GCM-SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
  ['ECDHE-ECDSA-CHACHA20-POLY1305', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'],
  ['ECDHE-RSA-CHACHA20-POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'],
  ['ECDHE-ECDSA-AES128-GCM-SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
  ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
]);

// Every TLS 1.2-and-below cipher of OpenSSL 3 (`openssl ciphers ALL:COMPLEMENTOFALL`), in its
// default order of preference.
const OPENSSL12 = (
  'ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE-RSA-AES256-GCM-SHA384 DHE-DSS-AES256-GCM-SHA384 ' +
  'DHE-RSA-AES256-GCM-SHA384 ECDHE-ECDSA-CHACHA20-POLY1305 ECDHE-RSA-CHACHA20-POLY1305 ' +
  'DHE-RSA-CHACHA20-POLY1305 ECDHE-ECDSA-AES256-CCM8 ECDHE-ECDSA-AES256-CCM DHE-RSA-AES256-CCM8 ' +
  'DHE-RSA-AES256-CCM ECDHE-ECDSA-ARIA256-GCM-SHA384 ECDHE-ARIA256-GCM-SHA384 ' +
  'DHE-DSS-ARIA256-GCM-SHA384 DHE-RSA-ARIA256-GCM-SHA384 ADH-AES256-GCM-SHA384 ' +
  'ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-RSA-AES128-GCM-SHA256 DHE-DSS-AES128-GCM-SHA256 ' +
  'DHE-RSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES128-CCM8 ECDHE-ECDSA-AES128-CCM DHE-RSA-AES128-CCM8 ' +
  'DHE-RSA-AES128-CCM ECDHE-ECDSA-ARIA128-GCM-SHA256 ECDHE-ARIA128-GCM-SHA256 ' +
  'DHE-DSS-ARIA128-GCM-SHA256 DHE-RSA-ARIA128-GCM-SHA256 ADH-AES128-GCM-SHA256 ' +
  'ECDHE-ECDSA-AES256-SHA384 ECDHE-RSA-AES256-SHA384 DHE-RSA-AES256-SHA256 DHE-DSS-AES256-SHA256 ' +
  'ECDHE-ECDSA-CAMELLIA256-SHA384 ECDHE-RSA-CAMELLIA256-SHA384 DHE-RSA-CAMELLIA256-SHA256 ' +
  'DHE-DSS-CAMELLIA256-SHA256 ADH-AES256-SHA256 ADH-CAMELLIA256-SHA256 ECDHE-ECDSA-AES128-SHA256 ' +
  'ECDHE-RSA-AES128-SHA256 DHE-RSA-AES128-SHA256 DHE-DSS-AES128-SHA256 ' +
  'ECDHE-ECDSA-CAMELLIA128-SHA256 ECDHE-RSA-CAMELLIA128-SHA256 DHE-RSA-CAMELLIA128-SHA256 ' +
  'DHE-DSS-CAMELLIA128-SHA256 ADH-AES128-SHA256 ADH-CAMELLIA128-SHA256 ECDHE-ECDSA-AES256-SHA ' +
  'ECDHE-RSA-AES256-SHA DHE-RSA-AES256-SHA DHE-DSS-AES256-SHA DHE-RSA-CAMELLIA256-SHA ' +
  'DHE-DSS-CAMELLIA256-SHA AECDH-AES256-SHA ADH-AES256-SHA ADH-CAMELLIA256-SHA ' +
  'ECDHE-ECDSA-AES128-SHA ECDHE-RSA-AES128-SHA DHE-RSA-AES128-SHA DHE-DSS-AES128-SHA ' +
  'DHE-RSA-CAMELLIA128-SHA DHE-DSS-CAMELLIA128-SHA AECDH-AES128-SHA ADH-AES128-SHA ' +
  'ADH-CAMELLIA128-SHA RSA-PSK-AES256-GCM-SHA384 DHE-PSK-AES256-GCM-SHA384 ' +
  'RSA-PSK-CHACHA20-POLY1305 DHE-PSK-CHACHA20-POLY1305 ECDHE-PSK-CHACHA20-POLY1305 ' +
  'DHE-PSK-AES256-CCM8 DHE-PSK-AES256-CCM RSA-PSK-ARIA256-GCM-SHA384 DHE-PSK-ARIA256-GCM-SHA384 ' +
  'AES256-GCM-SHA384 AES256-CCM8 AES256-CCM ARIA256-GCM-SHA384 PSK-AES256-GCM-SHA384 ' +
  'PSK-CHACHA20-POLY1305 PSK-AES256-CCM8 PSK-AES256-CCM PSK-ARIA256-GCM-SHA384 ' +
  'RSA-PSK-AES128-GCM-SHA256 DHE-PSK-AES128-GCM-SHA256 DHE-PSK-AES128-CCM8 DHE-PSK-AES128-CCM ' +
  'RSA-PSK-ARIA128-GCM-SHA256 DHE-PSK-ARIA128-GCM-SHA256 AES128-GCM-SHA256 AES128-CCM8 AES128-CCM ' +
  'ARIA128-GCM-SHA256 PSK-AES128-GCM-SHA256 PSK-AES128-CCM8 PSK-AES128-CCM PSK-ARIA128-GCM-SHA256 ' +
  'AES256-SHA256 CAMELLIA256-SHA256 AES128-SHA256 CAMELLIA128-SHA256 ECDHE-PSK-AES256-CBC-SHA384 ' +
  'ECDHE-PSK-AES256-CBC-SHA SRP-DSS-AES-256-CBC-SHA SRP-RSA-AES-256-CBC-SHA SRP-AES-256-CBC-SHA ' +
  'RSA-PSK-AES256-CBC-SHA384 DHE-PSK-AES256-CBC-SHA384 RSA-PSK-AES256-CBC-SHA ' +
  'DHE-PSK-AES256-CBC-SHA ECDHE-PSK-CAMELLIA256-SHA384 RSA-PSK-CAMELLIA256-SHA384 ' +
  'DHE-PSK-CAMELLIA256-SHA384 AES256-SHA CAMELLIA256-SHA PSK-AES256-CBC-SHA384 PSK-AES256-CBC-SHA ' +
  'PSK-CAMELLIA256-SHA384 ECDHE-PSK-AES128-CBC-SHA256 ECDHE-PSK-AES128-CBC-SHA ' +
  'SRP-DSS-AES-128-CBC-SHA SRP-RSA-AES-128-CBC-SHA SRP-AES-128-CBC-SHA RSA-PSK-AES128-CBC-SHA256 ' +
  'DHE-PSK-AES128-CBC-SHA256 RSA-PSK-AES128-CBC-SHA DHE-PSK-AES128-CBC-SHA ' +
  'ECDHE-PSK-CAMELLIA128-SHA256 RSA-PSK-CAMELLIA128-SHA256 DHE-PSK-CAMELLIA128-SHA256 AES128-SHA ' +
  'CAMELLIA128-SHA PSK-AES128-CBC-SHA256 PSK-AES128-CBC-SHA PSK-CAMELLIA128-SHA256 ' +
  'ECDHE-ECDSA-NULL-SHA ECDHE-RSA-NULL-SHA AECDH-NULL-SHA NULL-SHA256 ECDHE-PSK-NULL-SHA384 ' +
  'ECDHE-PSK-NULL-SHA256 ECDHE-PSK-NULL-SHA RSA-PSK-NULL-SHA384 RSA-PSK-NULL-SHA256 ' +
  'DHE-PSK-NULL-SHA384 DHE-PSK-NULL-SHA256 RSA-PSK-NULL-SHA DHE-PSK-NULL-SHA NULL-SHA NULL-MD5 ' +
  'PSK-NULL-SHA384 PSK-NULL-SHA256 PSK-NULL-SHA'
).split(' ');

// The aliases a cipher answers to, from its name.
function tags(name) {
  const t = new Set(['ALL', name]);
  let rest = name;
  const kx = [['ECDHE-RSA-', ['kECDHE', 'aRSA']], ['ECDHE-ECDSA-', ['kECDHE', 'aECDSA']],
    ['ECDHE-PSK-', ['kECDHEPSK', 'aPSK', 'PSK']], ['ECDHE-', ['kECDHE', 'aRSA']],
    ['DHE-RSA-', ['kDHE', 'aRSA']], ['DHE-DSS-', ['kDHE', 'aDSS', 'DSS']],
    ['DHE-PSK-', ['kDHEPSK', 'aPSK', 'PSK']], ['RSA-PSK-', ['kRSAPSK', 'aRSA', 'PSK']],
    ['PSK-', ['kPSK', 'aPSK']], ['SRP-DSS-', ['kSRP', 'aDSS', 'SRP']], ['SRP-RSA-', ['kSRP', 'aRSA', 'SRP']],
    ['SRP-', ['kSRP', 'aSRP', 'SRP']], ['ADH-', ['kDHE', 'aNULL']],
    ['AECDH-', ['kECDHE', 'aNULL']]].find(([prefix]) => name.startsWith(prefix));
  if (kx) {
    rest = name.slice(kx[0].length);
    for (const x of kx[1]) t.add(x);
  } else {
    t.add('kRSA').add('aRSA');
  }
  if (t.has('kECDHE')) t.add('ECDHE').add('EECDH').add('kEECDH').add('ECDH');
  if (t.has('kDHE')) t.add('DHE').add('EDH').add('kEDH').add('DH');
  if (t.has('aRSA') || t.has('kRSA')) t.add('RSA');
  if (t.has('aECDSA')) t.add('ECDSA');
  if (t.has('kPSK')) t.add('PSK');
  if (t.has('aNULL')) t.add('ADH').add('AECDH');
  if (rest.startsWith('AES')) {
    t.add('AES').add(rest.startsWith('AES256') ? 'AES256' : 'AES128');
    if (rest.includes('GCM')) t.add('AESGCM');
  }
  if (rest.includes('CHACHA20')) t.add('CHACHA20');
  if (rest.startsWith('ARIA')) t.add('ARIA').add(rest.startsWith('ARIA256') ? 'ARIA256' : 'ARIA128');
  if (rest.startsWith('CAMELLIA')) {
    t.add('CAMELLIA').add(rest.startsWith('CAMELLIA256') ? 'CAMELLIA256' : 'CAMELLIA128');
  }
  if (rest.includes('CCM')) t.add(rest.includes('CCM8') ? 'AESCCM8' : 'AESCCM').add('AES');
  if (/^AES(128|256)-CCM/.test(rest)) t.add(rest.startsWith('AES256') ? 'AES256' : 'AES128');
  if (/MD5$/.test(rest)) t.add('MD5');
  if (rest.startsWith('NULL')) t.add('eNULL').add('NULL');
  if (/SHA384$/.test(rest)) t.add('SHA384');
  else if (/SHA256$/.test(rest)) t.add('SHA256');
  else if (/SHA$/.test(rest)) t.add('SHA1').add('SHA');
  if (/GCM|CHACHA|CCM|SHA256$|SHA384$/.test(rest)) t.add('TLSv1.2');
  else t.add('TLSv1.0').add('SSLv3');
  if (!t.has('eNULL')) t.add('HIGH');
  if (!t.has('eNULL') && !t.has('aNULL')) t.add('DEFAULT');
  if (t.has('aNULL') || t.has('eNULL')) t.add('COMPLEMENTOFDEFAULT').add('COMPLEMENTOFALL');
  return t;
}

const UNIVERSE = OPENSSL12.map((name) => ({ name, tags: tags(name) }));

function noCipherMatch() {
  const err = new Error('error:0A0000B9:SSL routines::no cipher match');
  err.library = 'SSL routines';
  err.reason = 'no cipher match';
  err.code = 'ERR_SSL_NO_CIPHER_MATCH';
  return err;
}

// An OpenSSL cipher string -> the TLS 1.2 cipher names it selects, in order.
function cipherList(str) {
  let list = [];
  const banned = new Set();
  for (let element of str.split(/[:, ]+/)) {
    // A command (`@SECLEVEL=n`, `@STRENGTH`) may follow a rule in the same element
    // (`ALL@SECLEVEL=0`); the rule before it still counts.
    const at = element.indexOf('@');
    if (at !== -1) element = element.slice(0, at);
    if (element === '') continue;
    let op = '';
    let rule = element;
    if ('!-+'.includes(rule[0])) {
      op = rule[0];
      rule = rule.slice(1);
    }
    const parts = rule.split('+');
    const matched = UNIVERSE.filter((c) => parts.every((p) => c.tags.has(p))).map((c) => c.name);
    if (op === '!') {
      for (const name of matched) banned.add(name);
      list = list.filter((name) => !banned.has(name));
    } else if (op === '-') {
      list = list.filter((name) => !matched.includes(name));
    } else if (op === '+') {
      const moved = list.filter((name) => matched.includes(name));
      list = list.filter((name) => !matched.includes(name)).concat(moved);
    } else {
      for (const name of matched) {
        if (!banned.has(name) && !list.includes(name)) list.push(name);
      }
    }
  }
  return list;
}

// `ciphers` (validated as a string) -> { suites, tls13Only }: `suites` the IANA names rustls
// may offer, in preference order; `tls13Only` when only TLS 1.3 names were given (Node then
// makes TLS 1.3 the minimum).
// Every tls.connect() resolves the default string: the answers are kept (a few strings).
const resolved = new Map();

function resolveCiphers(ciphers, name) {
  const known = resolved.get(ciphers);
  if (known !== undefined) return { suites: [...known.suites], tls13Only: known.tls13Only };
  const result = resolve(ciphers, name);
  if (resolved.size >= 32) resolved.clear();
  resolved.set(ciphers, result);
  return { suites: [...result.suites], tls13Only: result.tls13Only };
}

function resolve(ciphers, name) {
  const entries = ciphers.split(':');
  const suitesPart = entries.filter((c) => c.length > 0 && c.includes('TLS_'));
  const listPart = entries.filter((c) => c.length > 0 && !c.includes('TLS_'));
  if (suitesPart.length === 0 && listPart.length === 0) throw new ERR_INVALID_ARG_VALUE(name, entries);
  let tls13 = [...TLS13.keys()];
  if (suitesPart.length > 0) {
    tls13 = suitesPart.filter((c) => TLS13.has(c));
    if (tls13.length === 0) throw noCipherMatch();
  }
  let tls12 = [];
  if (listPart.length > 0) {
    tls12 = cipherList(listPart.join(':'));
    if (tls12.length === 0) throw noCipherMatch();
  }
  const suites = [
    ...tls13.filter((c) => TLS13.get(c)),
    ...tls12.filter((c) => RUSTLS12.has(c)).map((c) => RUSTLS12.get(c)),
  ];
  return { suites, tls13Only: listPart.length === 0 };
}

// ----- signature algorithms (the `sigalgs` option) -----

// TLS SignatureScheme codes, by OpenSSL's names for them: `SIG+HASH` (the first scheme with
// that signature and hash: RSA-PSS is the rsae kind) or the scheme's own name.
const SCHEMES = [
  // [code, sig, hash, name]
  [0x0403, 'ECDSA', 'SHA256', 'ecdsa_secp256r1_sha256'],
  [0x0503, 'ECDSA', 'SHA384', 'ecdsa_secp384r1_sha384'],
  [0x0603, 'ECDSA', 'SHA512', 'ecdsa_secp521r1_sha512'],
  [0x0807, 'ED25519', '', 'ed25519'],
  [0x0808, 'ED448', '', 'ed448'],
  [0x0804, 'RSA-PSS', 'SHA256', 'rsa_pss_rsae_sha256'],
  [0x0805, 'RSA-PSS', 'SHA384', 'rsa_pss_rsae_sha384'],
  [0x0806, 'RSA-PSS', 'SHA512', 'rsa_pss_rsae_sha512'],
  [0x0809, 'RSA-PSS', 'SHA256', 'rsa_pss_pss_sha256'],
  [0x080a, 'RSA-PSS', 'SHA384', 'rsa_pss_pss_sha384'],
  [0x080b, 'RSA-PSS', 'SHA512', 'rsa_pss_pss_sha512'],
  [0x0401, 'RSA', 'SHA256', 'rsa_pkcs1_sha256'],
  [0x0501, 'RSA', 'SHA384', 'rsa_pkcs1_sha384'],
  [0x0601, 'RSA', 'SHA512', 'rsa_pkcs1_sha512'],
  [0x0303, 'ECDSA', 'SHA224', 'ecdsa_sha224'],
  [0x0301, 'RSA', 'SHA224', 'rsa_pkcs1_sha224'],
  [0x0203, 'ECDSA', 'SHA1', 'ecdsa_sha1'],
  [0x0201, 'RSA', 'SHA1', 'rsa_pkcs1_sha1'],
];

// What OpenSSL fails setting a list it cannot read with (an empty error queue: no code).
function badSigalgs() {
  return new Error('error:00000000:lib(0)::reason(0)');
}

// `sigalgs` (validated as a non-empty string) -> the scheme codes it names, in its order.
function resolveSigalgs(str) {
  const codes = [];
  for (const entry of str.split(':')) {
    let found;
    const plus = entry.indexOf('+');
    if (plus === -1) {
      found = SCHEMES.find((s) => s[3] === entry);
    } else {
      let sig = entry.slice(0, plus).toUpperCase();
      const hash = entry.slice(plus + 1).toUpperCase().replace(/^SHA-/, 'SHA');
      if (sig === 'PSS') sig = 'RSA-PSS';
      found = SCHEMES.find((s) => s[1] === sig && s[2] === hash && hash !== '');
    }
    if (found === undefined) throw badSigalgs();
    if (!codes.includes(found[0])) codes.push(found[0]);
  }
  return codes;
}

// A scheme code as Node's getSharedSigalgs() names it (signature + hash, as OpenSSL's nids).
function sigalgName(code) {
  const s = SCHEMES.find((x) => x[0] === code);
  if (s === undefined) return 'UNDEF+UNDEF';
  const sig = s[1] === 'ED25519' ? 'Ed25519' : s[1] === 'ED448' ? 'Ed448' : s[1];
  return `${sig}+${s[2] || 'UNDEF'}`;
}

module.exports = { resolveCiphers, resolveSigalgs, sigalgName };
