'use strict';
// The data: URL processor (https://fetch.spec.whatwg.org/#data-url-processor): a URL's
// MIME type and body bytes, or null when the URL is not a valid data: URL.

const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const BASE64_SUFFIX = /;[\u0020]*base64$/i;
const BASE64_CHARS = /^[A-Za-z0-9+/]*$/;

function isHex(code) {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** Percent-decodes an ASCII string into bytes (a '%' not followed by two hex digits stays). */
function percentDecode(input) {
  const out = new Uint8Array(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x25 && i + 2 < input.length &&
        isHex(input.charCodeAt(i + 1)) && isHex(input.charCodeAt(i + 2))) {
      out[n++] = Number.parseInt(input.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = code & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** The standard's forgiving-base64 decode of a byte string, or null. */
function forgivingBase64(bytes) {
  let data = '';
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i];
    if (ch === 0x09 || ch === 0x0a || ch === 0x0c || ch === 0x0d || ch === 0x20) continue;
    data += String.fromCharCode(ch);
  }
  if (data.length % 4 === 0) data = data.replace(/==?$/, '');
  if (data.length % 4 === 1 || !BASE64_CHARS.test(data)) return null;
  const { Buffer } = require('buffer');
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** { mimeType, body } for a data: URL (a URL object), or null on failure. */
function processDataURL(url) {
  let input = url.href;
  const hash = input.indexOf('#');
  if (hash !== -1) input = input.slice(0, hash);
  input = input.slice('data:'.length);
  const comma = input.indexOf(',');
  if (comma === -1) return null;
  let mimeType = input.slice(0, comma).replace(ASCII_WHITESPACE, '');
  let body = percentDecode(input.slice(comma + 1));
  if (BASE64_SUFFIX.test(mimeType)) {
    mimeType = mimeType.replace(BASE64_SUFFIX, '').replace(ASCII_WHITESPACE, '');
    body = forgivingBase64(body);
    if (body === null) return null;
  }
  if (mimeType.startsWith(';')) mimeType = `text/plain${mimeType}`;
  let serialized;
  try {
    const { MIMEType } = require('internal/mime');
    serialized = `${new MIMEType(mimeType)}`;
  } catch {
    serialized = 'text/plain;charset=US-ASCII';
  }
  return { mimeType: serialized, body };
}

module.exports = { processDataURL };
