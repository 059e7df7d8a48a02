'use strict';
// node:punycode - deprecated (DEP0040) RFC 3492 Punycode and IDNA label helpers, with the
// surface of the punycode.js 2.x copy Node ships (version '2.1.0'). As in Node 20, the
// deprecation warning is only emitted under --pending-deprecation.

function pendingDeprecation() {
  return require('internal/options').getOptionValue('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1';
}

if (pendingDeprecation()) {
  process.emitWarning(
    'The `punycode` module is deprecated. Please use a userland alternative instead.',
    'DeprecationWarning', 'DEP0040');
}

// RFC 3492 parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const DELIMITER = '-';
const MAX_INT = 0x7FFFFFFF;

function fail(kind) {
  switch (kind) {
    case 'overflow':
      throw new RangeError('Overflow: input needs wider integers to process');
    case 'not-basic':
      throw new RangeError('Illegal input >= 0x80 (not a basic code point)');
    default:
      throw new RangeError('Invalid input');
  }
}

// Code units -> code points; a surrogate without its partner stays as it is.
function ucs2decode(string) {
  const points = [];
  const length = string.length;
  let i = 0;
  while (i < length) {
    const unit = string.charCodeAt(i++);
    if (unit >= 0xD800 && unit <= 0xDBFF && i < length) {
      const next = string.charCodeAt(i);
      if ((next & 0xFC00) === 0xDC00) {
        points.push(((unit & 0x3FF) << 10) + (next & 0x3FF) + 0x10000);
        i++;
        continue;
      }
    }
    points.push(unit);
  }
  return points;
}

function ucs2encode(codePoints) {
  return String.fromCodePoint(...codePoints);
}

// Digit value of a basic code point (0-9 -> 26-35, letters -> 0-25), or BASE if none.
function digitOf(cp) {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30 + 26;
  if (cp >= 0x41 && cp <= 0x5A) return cp - 0x41;
  if (cp >= 0x61 && cp <= 0x7A) return cp - 0x61;
  return BASE;
}

// Basic code point for a digit, in lower case.
function basicOf(digit) {
  return digit < 26 ? digit + 0x61 : digit - 26 + 0x30;
}

function threshold(k, bias) {
  if (k <= bias) return T_MIN;
  if (k >= bias + T_MAX) return T_MAX;
  return k - bias;
}

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > (((BASE - T_MIN) * T_MAX) >> 1)) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

function decode(input) {
  const output = [];
  const length = input.length;
  let basicEnd = input.lastIndexOf(DELIMITER);
  if (basicEnd < 0) basicEnd = 0;
  for (let j = 0; j < basicEnd; j++) {
    const cp = input.charCodeAt(j);
    if (cp >= 0x80) fail('not-basic');
    output.push(cp);
  }

  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let pos = basicEnd > 0 ? basicEnd + 1 : 0;
  while (pos < length) {
    const before = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= length) fail('invalid-input');
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE) fail('invalid-input');
      if (digit > Math.floor((MAX_INT - i) / w)) fail('overflow');
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) fail('overflow');
      w *= BASE - t;
    }
    const count = output.length + 1;
    bias = adapt(i - before, count, before === 0);
    if (Math.floor(i / count) > MAX_INT - n) fail('overflow');
    n += Math.floor(i / count);
    i %= count;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function encode(input) {
  const points = ucs2decode(input);
  const out = [];
  for (const cp of points) {
    if (cp < 0x80) out.push(String.fromCharCode(cp));
  }
  const basicCount = out.length;
  if (basicCount > 0) out.push(DELIMITER);

  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  let handled = basicCount;
  while (handled < points.length) {
    // The smallest code point not handled yet.
    let m = MAX_INT;
    for (const cp of points) {
      if (cp >= n && cp < m) m = cp;
    }
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) fail('overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of points) {
      if (cp < n && ++delta > MAX_INT) fail('overflow');
      if (cp !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        out.push(String.fromCharCode(basicOf(t + ((q - t) % (BASE - t)))));
        q = Math.floor((q - t) / (BASE - t));
      }
      out.push(String.fromCharCode(basicOf(q)));
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out.join('');
}

const SEPARATORS = /[\x2E\u3002\uFF0E\uFF61]/g;

// Apply `fn` to each label of a domain; anything before the first '@' (an email's local part)
// is kept as is, and only the text between the first and second '@' is treated as the domain.
function mapDomain(domain, fn) {
  const parts = domain.split('@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = `${parts[0]}@`;
    domain = parts[1];
  }
  const labels = domain.replace(SEPARATORS, '.').split('.');
  return prefix + labels.map(fn).join('.');
}

function toUnicode(input) {
  return mapDomain(input, (label) =>
    (/^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label));
}

function toASCII(input) {
  return mapDomain(input, (label) =>
    (/[^\0-\x7F]/.test(label) ? `xn--${encode(label)}` : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: {
    decode: ucs2decode,
    encode: ucs2encode,
  },
  decode,
  encode,
  toASCII,
  toUnicode,
};
