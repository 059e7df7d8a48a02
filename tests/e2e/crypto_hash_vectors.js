// Test vectors for every digest getHashes() lists: hex of a few inputs (empty, short, a
// multi-block string, 1 MiB of patterned bytes), the other output encodings, and the XOFs
// with chosen output lengths.
const crypto = require('crypto');

const big = Buffer.alloc(1 << 20);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
const inputs = [
  ['empty', ''],
  ['abc', 'abc'],
  ['fox', 'The quick brown fox jumps over the lazy dog'],
  ['utf8', 'héllo wörld ✓ '.repeat(40)],
  ['1MiB', big],
];

const names = crypto.getHashes();
console.log(names.length, 'digests');
for (const name of names) {
  const line = inputs.map(([, data]) => crypto.createHash(name).update(data).digest('hex'));
  console.log(name, line.join(' '));
}

// The one-shot form agrees with the object form.
for (const name of names) {
  for (const [label, data] of inputs) {
    if (crypto.hash(name, data) !== crypto.createHash(name).update(data).digest('hex')) {
      console.log('crypto.hash differs', name, label);
    }
  }
}

// Upper-case and dashed names are the same digests.
for (const name of ['SHA256', 'Sha-512', 'RSA-SHA1', 'SHA512-256', 'SHA3-256', 'MD5']) {
  console.log(name, crypto.createHash(name).update('abc').digest('hex'));
}

// Output encodings.
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2', 'HEX', 'Base64']) {
  console.log(enc, JSON.stringify(crypto.createHash('sha256').update('abc').digest(enc)));
}
console.log(crypto.createHash('sha1').update('abc').digest());
console.log(crypto.createHash('sha1').update('abc').digest('buffer'));
console.log(crypto.createHash('sha1').update('abc').digest('no-such-encoding'));
console.log(crypto.hash('sha1', 'abc', 'buffer'));
console.log(crypto.hash('sha1', 'abc', 'base64'));

// Input encodings.
for (const enc of ['utf8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le', 'buffer', 'bogus']) {
  console.log('in', enc, crypto.createHash('md5').update('c3VyZQ==', enc).digest('hex'));
}
console.log('é latin1', crypto.createHash('md5').update('é', 'latin1').digest('hex'));
console.log('é ascii', crypto.createHash('md5').update('é', 'ascii').digest('hex'));
console.log('lone surrogate', crypto.createHash('md5').update('\ud800').digest('hex'));

// Views of every kind hash their bytes.
const bytes = Buffer.from('0123456789abcdef');
for (const view of [new Uint8Array(bytes), new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16)),
  new DataView(bytes.buffer, bytes.byteOffset, 16), new Float64Array(new Uint8Array(bytes).buffer), bytes.subarray(4, 12)]) {
  console.log(view.constructor.name, crypto.createHash('sha1').update(view).digest('hex'));
}

// XOFs: default and chosen lengths, zero included.
for (const name of ['shake128', 'shake256']) {
  for (const outputLength of [undefined, 0, 1, 16, 32, 100]) {
    const h = crypto.createHash(name, outputLength === undefined ? undefined : { outputLength });
    console.log(name, outputLength, h.update('abc').digest('hex'));
  }
}
// A fixed-size digest accepts its own size as outputLength.
console.log(crypto.createHash('sha256', { outputLength: 32 }).update('abc').digest('hex'));

// Many updates equal one.
const h1 = crypto.createHash('sha512');
for (let i = 0; i < 1000; i++) h1.update(String(i));
let all = '';
for (let i = 0; i < 1000; i++) all += i;
console.log(h1.digest('hex') === crypto.createHash('sha512').update(all).digest('hex'));
