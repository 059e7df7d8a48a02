'use strict';
// internal/tls/identity: tls.checkServerIdentity - does a certificate (the object of
// getPeerCertificate) name the host we meant to reach? DNS names and IP addresses of the
// subjectAltName, else the subject's CN; one leftmost-label wildcard as RFC 6125 allows.
// Returns undefined, or an ERR_TLS_CERT_ALTNAME_INVALID error worded as Node's.

const { isIP } = require('internal/net');
const { codes: { ERR_TLS_CERT_ALTNAME_INVALID, ERR_TLS_CERT_ALTNAME_FORMAT } } =
  require('internal/errors');

// "a.example." names the same host as "a.example".
function withoutRootDot(host) {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function labels(host) {
  return withoutRootDot(host).toLowerCase().split('.');
}

// A printable-ASCII label only; anything else never matches.
const NON_ASCII = /[^\u0021-\u007F]/u;

function matches(hostLabels, pattern) {
  if (!pattern) return false;
  const patternLabels = labels(pattern);
  if (patternLabels.length !== hostLabels.length) return false;
  if (patternLabels.includes('')) return false;
  if (patternLabels.some((l) => NON_ASCII.test(l))) return false;
  for (let i = hostLabels.length - 1; i > 0; i--) {
    if (hostLabels[i] !== patternLabels[i]) return false;
  }
  const host = hostLabels[0];
  const first = patternLabels[0];
  const star = first.split('*');
  // No wildcard, or an IDNA label (never wildcarded): the label as it is.
  if (star.length === 1 || first.includes('xn--')) return host === first;
  // One '*' only, and not directly under a public suffix ("*.com").
  if (star.length > 2 || patternLabels.length <= 2) return false;
  const [prefix, suffix] = star;
  return prefix.length + suffix.length <= host.length && host.startsWith(prefix) &&
    host.endsWith(suffix);
}

// subjectaltname is "DNS:a, IP Address:1.2.3.4, ..."; a value with a comma arrives quoted
// (JSON-style), which a plain split would cut.
function splitAltNames(altNames) {
  if (!altNames.includes('"')) return altNames.split(', ');
  const out = [];
  let current = '';
  for (let i = 0; i < altNames.length; i++) {
    if (altNames.startsWith(', ', i)) {
      out.push(current);
      current = '';
      i++;
    } else if (altNames[i] === '"') {
      let j = i + 1;
      let text = '"';
      for (; j < altNames.length && altNames[j] !== '"'; j++) {
        if (altNames[j] === '\\') text += altNames[j++];
        text += altNames[j];
      }
      if (j >= altNames.length) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      try {
        current += JSON.parse(text + '"');
      } catch {
        // Not a JSON string literal (Node never writes one): the names cannot be trusted.
        throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      }
      i = j;
    } else {
      current += altNames[i];
    }
  }
  out.push(current);
  return out;
}

// One spelling per address, so "::1" and "0:0:0:0:0:0:0:1" compare equal.
function canonicalIP(ip) {
  const family = isIP(ip);
  if (family === 0) return undefined;
  if (family === 4) return ip;
  let text = ip.toLowerCase();
  // An embedded IPv4 tail ("::ffff:1.2.3.4") is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const hi = ((+v4[1]) << 8 | +v4[2]).toString(16);
    const lo = ((+v4[3]) << 8 | +v4[4]).toString(16);
    text = `${text.slice(0, v4.index)}${hi}:${lo}`;
  }
  const [head, rest] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = rest ? rest.split(':') : [];
  const groups = rest === undefined ? front :
    front.concat(new Array(8 - front.length - back.length).fill('0'), back);
  const words = groups.map((g) => parseInt(g, 16).toString(16));
  // The longest run (two or more) of zero groups becomes '::'.
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === '0') j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestAt === -1) return words.join(':');
  return `${words.slice(0, bestAt).join(':')}::${words.slice(bestAt + bestLen).join(':')}`;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = withoutRootDot(hostname);
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const hostLabels = labels(hostname);
    const check = (pattern) => matches(hostLabels, pattern);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(check);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(check) : check(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  const err = new ERR_TLS_CERT_ALTNAME_INVALID(reason);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

module.exports = { checkServerIdentity, canonicalIP };
