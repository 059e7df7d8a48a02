'use strict';
// _tls_common: SecureContext and createSecureContext. A context holds what a TLS connection is
// made with - certificate chain, private key, trusted CAs, protocol versions - checked here as
// Node checks them; binding.net.startTls reads them when a socket turns secure (_tls_wrap).
// Also the names of the cipher suites rustls offers, in OpenSSL's spelling.

const { Buffer } = require('buffer');
const { resolveCiphers } = require('internal/tls/ciphers');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT, ERR_TLS_INVALID_PROTOCOL_METHOD,
    ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED,
  },
  validateInt32, validateObject, validateString,
} = require('internal/errors');

// ===== cipher suites =====

// rustls (ring provider) suites: IANA name -> OpenSSL name and the version they need.
const SUITES = [
  ['TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384', 'TLSv1.3'],
  ['TLS_CHACHA20_POLY1305_SHA256', 'TLS_CHACHA20_POLY1305_SHA256', 'TLSv1.3'],
  ['TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLSv1.3'],
  ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'TLSv1.2'],
  ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'TLSv1.2'],
  ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'TLSv1.2'],
  ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'TLSv1.2'],
  ['TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-RSA-CHACHA20-POLY1305', 'TLSv1.2'],
  ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'TLSv1.2'],
];

// getCipher()'s { name, standardName, version } for the suite binding.net reports.
function cipherInfo(standardName) {
  const suite = SUITES.find((s) => s[0] === standardName);
  if (!suite) return { name: standardName, standardName, version: 'TLSv1.2' };
  return { name: suite[1], standardName, version: suite[2] };
}

const DEFAULT_CIPHERS = SUITES.map((s) => s[1]).join(':');

function getCiphers() {
  return SUITES.map((s) => s[1].toLowerCase()).sort();
}

// ===== protocol versions =====

const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// secureProtocol (an OpenSSL method name) -> [min, max]; undefined: the defaults.
function methodVersions(method) {
  const base = method.replace(/_(client|server)_method$/, '_method');
  switch (base) {
    case 'TLS_method':
    case 'SSLv23_method':
      return undefined;
    case 'TLSv1_method': return ['TLSv1', 'TLSv1'];
    case 'TLSv1_1_method': return ['TLSv1.1', 'TLSv1.1'];
    case 'TLSv1_2_method': return ['TLSv1.2', 'TLSv1.2'];
    case 'SSLv2_method':
    case 'SSLv3_method':
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(`${base.slice(0, 5)} methods disabled`);
    default:
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(`Unknown method: ${method}`);
  }
}

function checkVersion(which, value) {
  if (!VERSIONS.includes(value)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(value, which);
  return value;
}

// ===== SecureContext =====

// The settings a connection is made with (what Node's native SecureContext holds).
class NativeSecureContext {
  #brand = true;

  constructor() {
    this.ca = null;
    this.cert = null;
    this.key = null;
    this.minVersion = undefined;
    this.maxVersion = undefined;
    this.ciphers = undefined;
    this.ecdhCurve = undefined;
    this.sessionIdContext = undefined;
    this.ticketKeys = null;
    this.sessionTimeout = undefined;
  }

  addCACert(pem) { (this.ca ||= []).push(pem); }
  addRootCerts() {}
  setCert(cert) { this.cert = cert; }
  setKey(key) { this.key = key; }
  setCiphers(ciphers) { this.ciphers = ciphers; }
  setCipherSuites(suites) { this.cipherSuites = suites; }
  setECDHCurve(curve) { this.ecdhCurve = curve; }
  setSigalgs(sigalgs) { this.sigalgs = require('internal/tls/ciphers').resolveSigalgs(sigalgs); }
  setOptions(options) { this.secureOptions = options; }
  setSessionIdContext(id) { this.sessionIdContext = id; }
  setSessionTimeout(seconds) { this.sessionTimeout = seconds; }
  setTicketKeys(keys) { this.ticketKeys = Buffer.from(keys); }
  getTicketKeys() {
    if (this.ticketKeys === null) this.ticketKeys = require('crypto').randomBytes(48);
    return Buffer.from(this.ticketKeys);
  }
  setMinProto(v) { this.minVersion = v; }
  setMaxProto(v) { this.maxVersion = v; }
  getMinProto() { return this.minVersion; }
  getMaxProto() { return this.maxVersion; }
  close() {}

  // Node's native context exposes its pointer; read through anything else it throws.
  get _external() {
    if (!(#brand in this)) throw new TypeError('Illegal invocation');
    return {};
  }

  // Called on anything but a context, a method throws as Node's native ones do (no crash).
  static {
    const proto = NativeSecureContext.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      if (name === 'constructor' || typeof desc.value !== 'function') continue;
      const method = desc.value;
      desc.value = {
        [name](...args) {
          if (this === null || typeof this !== 'object' || !(#brand in this)) {
            throw new TypeError('Illegal invocation');
          }
          return Reflect.apply(method, this, args);
        },
      }[name];
      Object.defineProperty(proto, name, desc);
    }
  }

  // What binding.net.startTls takes from a context.
  tlsOptions() {
    return {
      ca: this.ca || undefined,
      cert: this.cert || undefined,
      key: this.key || undefined,
      minVersion: this.minVersion,
      maxVersion: this.maxVersion,
      suites: this.suites,
      morePairs: this.morePairs,
      honorCipherOrder: Boolean(this.honorCipherOrder),
      sigalgs: this.sigalgs,
    };
  }
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  const tls = require('tls');
  let versions;
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    if (minVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    if (maxVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    versions = methodVersions(secureProtocol);
  }
  this.context = new NativeSecureContext();
  const [min, max] = versions || [
    checkVersion('minimum', minVersion == null ? tls.DEFAULT_MIN_VERSION : minVersion),
    checkVersion('maximum', maxVersion == null ? tls.DEFAULT_MAX_VERSION : maxVersion),
  ];
  this.context.setMinProto(min);
  this.context.setMaxProto(max);
  if (secureOptions) {
    validateInt32(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

function isKeyOrCert(value) {
  return typeof value === 'string' || ArrayBuffer.isView(value);
}

function validateKeyOrCert(name, value) {
  if (!isKeyOrCert(value)) {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function text(value) {
  if (typeof value === 'string') return value;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
}

function opensslError(message, library, reason, code) {
  const err = new Error(message);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

// The PEM must at least be one, as OpenSSL refuses anything else when the context is made.
function checkCertPem(value) {
  if (!text(value).includes('-----BEGIN')) {
    throw opensslError('error:0480006C:PEM routines::no start line', 'PEM routines', 'no start line',
      'ERR_OSSL_PEM_NO_START_LINE');
  }
}

function checkKeyPem(value) {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text(value))) {
    throw opensslError('error:1E08010C:DECODER routines::unsupported', 'DECODER routines', 'unsupported',
      'ERR_OSSL_UNSUPPORTED');
  }
}

// An encrypted PEM key (PKCS#8 or OpenSSL's legacy Proc-Type form) opened with its
// passphrase, as PKCS#8 PEM for rustls. A missing or wrong passphrase is OpenSSL's
// "bad decrypt", as Node reports it when the context is made.
function decryptKey(value, passphrase) {
  const source = text(value);
  if (!/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(source)) return value;
  try {
    return require('crypto').createPrivateKey({ key: source, format: 'pem', passphrase: passphrase ?? '' })
      .export({ type: 'pkcs8', format: 'pem' });
  } catch {
    throw opensslError('error:1C800064:Provider routines::bad decrypt', 'Provider routines', 'bad decrypt',
      'ERR_OSSL_BAD_DECRYPT');
  }
}

// OpenSSL also reads "X509 CERTIFICATE" blocks (a plain certificate) and "TRUSTED
// CERTIFICATE" ones (the certificate, then OpenSSL's trust settings): both become plain
// CERTIFICATE blocks, the trust settings left out.
function plainCertificates(value) {
  const source = text(value);
  if (!/-----BEGIN (TRUSTED|X509) CERTIFICATE-----/.test(source)) return value;
  return source.replace(
    /-----BEGIN (TRUSTED|X509) CERTIFICATE-----([^-]*)-----END \1 CERTIFICATE-----/g,
    (block, kind, body) => {
      let der = Buffer.from(body.replace(/\s+/g, ''), 'base64');
      if (kind === 'TRUSTED') der = der.subarray(0, derLength(der));
      return pem('CERTIFICATE', der);
    });
}

// The length of the DER element at the start of `der` (its header included).
function derLength(der) {
  if (der.length < 2) return der.length;
  const first = der[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i];
  return Math.min(der.length, 2 + n + len);
}

function pem(label, der) {
  const body = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN ${label}-----\n${body.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

// pfx: PKCS#12 bytes (or a list of them, each possibly { buf, passphrase }) giving the key, its
// certificate and more certificates, which join the chain and the trusted CAs (as in Node).
// binding.crypto.parsePfx reads them (bindings/src/crypto_pkcs12.rs).
function loadPfx(native, pfx, passphrase) {
  for (const item of asList(pfx)) {
    let buf = item;
    let pass = passphrase;
    if (item !== null && typeof item === 'object' && !ArrayBuffer.isView(item)) {
      buf = item.buf;
      if (item.passphrase !== undefined) pass = item.passphrase;
    }
    if (typeof buf === 'string') buf = Buffer.from(buf);
    if (!ArrayBuffer.isView(buf)) throw pfxError('Unable to load PFX certificate');
    const [key, leaf, extra] = binding.crypto.parsePfx(buf, pass === undefined || pass === null ? '' : `${pass}`);
    if (key === undefined) throw pfxError('Unable to load private key from PFX data');
    if (leaf === undefined) throw pfxError('Unable to load certificate from PFX data');
    addPair(native, [leaf, ...extra].map((der) => pem('CERTIFICATE', der)).join(''), pem('PRIVATE KEY', key));
    for (const der of extra) native.addCACert(pem('CERTIFICATE', der));
  }
}

// A certificate and its key. As OpenSSL, a context holds one per kind of key (RSA, EC): a pair
// of a kind it has replaces that one; another kind is kept beside it (`morePairs`, for
// binding.net to choose from by what the client supports).
function addPair(native, cert, key) {
  if (native.cert === null || native.key === null) {
    native.setCert(cert);
    native.setKey(key);
    return;
  }
  const { keyKind } = require('internal/tls/certificate');
  const kind = keyKind(key);
  if (kind === null || kind === keyKind(native.key)) {
    native.setCert(cert);
    native.setKey(key);
    return;
  }
  const more = (native.morePairs || []).filter((p) => keyKind(p.key) !== kind);
  more.push({ cert, key });
  native.morePairs = more;
}

// OpenSSL's security level (1 unless the cipher string says `@SECLEVEL=n`) refuses keys that
// are too weak for it: RSA under 1024/2048/3072/7680/15360 bits, EC under 160/224/256/384/512.
function checkKeyStrength(native, ciphers) {
  const m = typeof ciphers === 'string' ? /@SECLEVEL=(\d+)/.exec(ciphers) : null;
  const level = m ? Number(m[1]) : 1;
  if (level < 1) return;
  const { keyBits, keyKind } = require('internal/tls/certificate');
  const index = Math.min(level, 5) - 1;
  // It is the certificate's key that is checked: a key alone is not.
  const primary = native.cert ? [native.key] : [];
  for (const key of [...primary, ...(native.morePairs || []).map((p) => p.key)]) {
    if (!key) continue;
    const bits = keyBits(key);
    if (bits === null) continue;
    const least = keyKind(key) === 'rsa' ? [1024, 2048, 3072, 7680, 15360][index] : [160, 224, 256, 384, 512][index];
    if (bits < least) {
      throw opensslError('error:0A00018F:SSL routines::ee key too small', 'SSL routines', 'ee key too small',
        'ERR_SSL_EE_KEY_TOO_SMALL');
    }
  }
}

function pfxError(message) {
  const err = new Error(message);
  err.code = 'ERR_CRYPTO_OPERATION_FAILED';
  return err;
}

function asList(value) {
  return Array.isArray(value) ? value : [value];
}

// NODE_EXTRA_CA_CERTS is read by binding.net with the system roots; a file it cannot read is
// only reported, once, when the first context is made (as Node reports it).
let extraCaChecked = false;
function checkExtraCa() {
  extraCaChecked = true;
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return;
  try {
    require('fs').accessSync(file, require('fs').constants.R_OK);
  } catch (err) {
    const reason = err.code === 'ENOENT' ? 'No such file or directory' : err.message;
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: error:80000002:system library::${reason}`);
  }
}

function createSecureContext(options) {
  if (!extraCaChecked) checkExtraCa();
  if (options === undefined || options === null) options = {};
  else validateObject(options, 'options');
  const {
    ca, cert, key, pfx, passphrase, ciphers, ecdhCurve, sigalgs, sessionIdContext, ticketKeys,
    sessionTimeout, honorCipherOrder, secureOptions, secureProtocol, minVersion, maxVersion,
    clientCertEngine, privateKeyEngine, privateKeyIdentifier,
  } = options;
  // OpenSSL engines: checked as Node checks them, then refused (rustls has none).
  for (const [name, value] of [['clientCertEngine', clientCertEngine],
    ['privateKeyEngine', privateKeyEngine], ['privateKeyIdentifier', privateKeyIdentifier]]) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'null', 'undefined'], value);
    }
  }
  if (typeof clientCertEngine === 'string' || typeof privateKeyEngine === 'string') {
    throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
  }
  const ctx = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  const native = ctx.context;

  if (ca) {
    for (const item of asList(ca)) {
      validateKeyOrCert('ca', item);
      native.addCACert(plainCertificates(item));
    }
  }
  if (cert) {
    for (const item of asList(cert)) {
      validateKeyOrCert('cert', item);
      checkCertPem(item);
    }
    // A chain given as pieces is one chain, leaf first.
    native.setCert(Array.isArray(cert) ? cert.map(text).join('\n') : cert);
  }
  if (key) {
    if (passphrase !== undefined && passphrase !== null) validateString(passphrase, 'options.passphrase');
    let first = null;
    const usableKeys = [];
    for (const item of asList(key)) {
      // In a list, a key may come as { pem, passphrase }.
      const isObject = Array.isArray(key) && item !== null && typeof item === 'object' &&
        !ArrayBuffer.isView(item);
      const pem = isObject ? item.pem : item;
      validateKeyOrCert('key', pem);
      if (isObject && item.passphrase !== undefined) validateString(item.passphrase, 'options.key.passphrase');
      checkKeyPem(pem);
      const itemPassphrase = isObject && item.passphrase !== undefined ? item.passphrase : passphrase;
      const usable = decryptKey(pem, itemPassphrase);
      if (first === null) first = usable;
      usableKeys.push(usable);
    }
    native.setKey(first);
    // Several keys: each certificate goes with its own key.
    if (usableKeys.length > 1 && cert) {
      native.cert = null;
      native.key = null;
      for (const item of asList(cert)) {
        const found = usableKeys.find((k) => require('internal/tls/certificate').keyFitsCertificate(k, item));
        if (found !== undefined) addPair(native, text(item), found);
      }
      if (native.key === null) native.setKey(first);
    }
  }
  if (pfx !== undefined && pfx !== null) loadPfx(native, pfx, passphrase);
  checkKeyStrength(native, ciphers);
  // One key for one certificate: they must belong together (pairs are matched by kind
  // when there are several).
  if (native.key && native.cert && !Array.isArray(key) && !Array.isArray(cert) &&
      !require('internal/tls/certificate').keyMatchesCertificate(native.key, native.cert)) {
    throw opensslError('error:05800074:x509 certificate routines::key values mismatch',
      'x509 certificate routines', 'key values mismatch', 'ERR_OSSL_X509_KEY_VALUES_MISMATCH');
  }
  if (ciphers !== undefined && ciphers !== null) {
    validateString(ciphers, 'options.ciphers');
    native.setCiphers(ciphers);
  }
  // An empty string is the default list, as in Node.
  if (ciphers) {
    const { suites, tls13Only } = resolveCiphers(ciphers, 'options.ciphers');
    native.suites = suites;
    // Only TLS 1.3 suites named: TLS 1.3 is the least version, as Node makes it.
    if (tls13Only && native.minVersion !== 'TLSv1.3' && native.maxVersion === 'TLSv1.3') {
      native.setMinProto('TLSv1.3');
    }
  }
  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE('options.sigalgs', sigalgs);
    native.setSigalgs(sigalgs);
  }
  if (ecdhCurve !== undefined && ecdhCurve !== null) {
    validateString(ecdhCurve, 'options.ecdhCurve');
    native.setECDHCurve(ecdhCurve);
  }
  if (honorCipherOrder) native.honorCipherOrder = true;
  if (sessionIdContext !== undefined && sessionIdContext !== null) {
    validateString(sessionIdContext, 'options.sessionIdContext');
    native.setSessionIdContext(sessionIdContext);
  }
  if (ticketKeys !== undefined && ticketKeys !== null) {
    if (!ArrayBuffer.isView(ticketKeys)) {
      throw new ERR_INVALID_ARG_TYPE('options.ticketKeys', ['Buffer', 'TypedArray', 'DataView'], ticketKeys);
    }
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE('options.ticketKeys', ticketKeys.byteLength, 'must be exactly 48 bytes');
    }
    native.setTicketKeys(ticketKeys);
  }
  if (sessionTimeout !== undefined && sessionTimeout !== null) {
    validateInt32(sessionTimeout, 'options.sessionTimeout', 0);
    native.setSessionTimeout(sessionTimeout);
  }
  return ctx;
}

// Node exports this: the certificate object as its native side gave it, made ready to show -
// the issuer chain walked (a self-issued root points to itself) and an infoAccess string
// ("method - URI:value" lines) turned into lists by method. Ours come ready already; other
// inputs get the same treatment as in Node.
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate !== null && c.issuerCertificate !== undefined && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (typeof c.infoAccess === 'string') {
    const info = { __proto__: null };
    for (const line of c.infoAccess.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const key = line.slice(0, colon);
      if (info[key] === undefined) info[key] = [];
      info[key].push(line.slice(colon + 1));
    }
    c.infoAccess = info;
  }
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
  cipherInfo,
  getCiphers,
  DEFAULT_CIPHERS,
};
