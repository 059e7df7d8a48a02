'use strict';
// crypto.Certificate: Netscape SPKAC (SignedPublicKeyAndChallenge, the <keygen> format), read
// from its base64 text. The DER walk here is only the SPKAC's outer shape; the key and the
// signature go through KeyObject and crypto.verify.

const { codes } = require('internal/errors');
const { getArrayBufferOrView } = require('internal/crypto/util');
const { createPublicKey } = require('internal/crypto/keys');
const { verifyOneShot } = require('internal/crypto/sig');

const { ERR_OUT_OF_RANGE } = codes;

// signatureAlgorithm OIDs (their DER contents, hex) and the digest each one signs with.
const SIGNATURE_DIGESTS = new Map([
  ['2a864886f70d010104', 'md5'], // md5WithRSAEncryption
  ['2a864886f70d010105', 'sha1'], // sha1WithRSAEncryption
  ['2a864886f70d01010e', 'sha224'],
  ['2a864886f70d01010b', 'sha256'],
  ['2a864886f70d01010c', 'sha384'],
  ['2a864886f70d01010d', 'sha512'],
  ['2a8648ce3d040301', 'sha224'], // ecdsa-with-SHA224
  ['2a8648ce3d040302', 'sha256'],
  ['2a8648ce3d040303', 'sha384'],
  ['2a8648ce3d040304', 'sha512'],
  ['2a8648ce380403', 'sha1'], // dsa-with-sha1
]);

const TAG_SEQUENCE = 0x30;
const TAG_BIT_STRING = 0x03;
const TAG_IA5STRING = 0x16;
const TAG_OID = 0x06;

// The spkac argument's text (the base64 of the DER), with Node's checks.
function spkacText(spkac, encoding) {
  const value = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (typeof value === 'string') return value;
  if (value.byteLength > 2 ** 31 - 1) {
    throw new ERR_OUT_OF_RANGE('spkac', '<= 2**31-1', value.byteLength);
  }
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
}

// One DER element at `at`: { tag, at, start (of the contents), end }, or null when malformed.
function element(der, at, limit) {
  if (at + 2 > limit) return null;
  const tag = der[at];
  let length = der[at + 1];
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, at, start, end };
}

// The SPKAC's parts, or null when `text` is not base64 of one.
function parse(text) {
  text = text.trim();
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const der = Buffer.from(text, 'base64');
  const outer = element(der, 0, der.length);
  if (outer === null || outer.tag !== TAG_SEQUENCE || outer.end !== der.length) return null;
  const signed = element(der, outer.start, outer.end);
  if (signed === null || signed.tag !== TAG_SEQUENCE) return null;
  const spki = element(der, signed.start, signed.end);
  if (spki === null || spki.tag !== TAG_SEQUENCE) return null;
  const challenge = element(der, spki.end, signed.end);
  if (challenge === null || challenge.tag !== TAG_IA5STRING || challenge.end !== signed.end) return null;
  const algorithm = element(der, signed.end, outer.end);
  if (algorithm === null || algorithm.tag !== TAG_SEQUENCE) return null;
  const oid = element(der, algorithm.start, algorithm.end);
  if (oid === null || oid.tag !== TAG_OID) return null;
  const signature = element(der, algorithm.end, outer.end);
  if (signature === null || signature.tag !== TAG_BIT_STRING || signature.end !== outer.end ||
      signature.end - signature.start < 1 || der[signature.start] !== 0) {
    return null;
  }
  let key;
  try {
    key = createPublicKey({ key: der.subarray(spki.at, spki.end), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
  return {
    key,
    challenge: der.subarray(challenge.start, challenge.end),
    signed: der.subarray(signed.at, signed.end),
    digest: SIGNATURE_DIGESTS.get(der.subarray(oid.start, oid.end).toString('hex')),
    signature: der.subarray(signature.start + 1, signature.end),
  };
}

function verifySpkac(spkac, encoding) {
  const text = spkacText(spkac, encoding);
  // Empty input answers '' (as Node's, whose native returns early before any check).
  if (text.length === 0) return '';
  const parts = parse(text);
  if (parts === null || parts.digest === undefined) return false;
  try {
    return verifyOneShot(parts.digest, parts.signed, parts.key, parts.signature);
  } catch {
    return false;
  }
}

function exportPublicKey(spkac, encoding) {
  const parts = parse(spkacText(spkac, encoding));
  return parts === null ? '' : Buffer.from(parts.key.export({ type: 'spki', format: 'pem' }));
}

function exportChallenge(spkac, encoding) {
  const parts = parse(spkacText(spkac, encoding));
  return parts === null ? '' : Buffer.from(parts.challenge);
}

// Callable without `new`, as Node's; the instance methods are the static ones.
function Certificate() {
  if (!new.target) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = { Certificate };
