'use strict';
// Every cipher Eddy has, over fixed keys, IVs and texts: ciphertexts, tags and round trips
// (expected output from node), fed in uneven pieces so the streaming rules show.
const crypto = require('crypto');

function bytes(n, seed) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed * 17 + 7) & 0xff;
  return b;
}

function run(name, key, iv, plain, options, aad) {
  const c = crypto.createCipheriv(name, key, iv, options);
  if (aad) c.setAAD(aad, { plaintextLength: plain.length });
  const pieces = [];
  // CCM, key wrap and XTS take their data in one update().
  const whole = name.includes('ccm') || name.includes('wrap') || name.includes('xts');
  const cut = whole ? [] : [1, 15, 17, plain.length];
  if (whole) pieces.push(c.update(plain));
  let at = 0;
  for (const end of cut) {
    if (end <= at) continue;
    pieces.push(c.update(plain.subarray(at, Math.min(end, plain.length))));
    at = end;
  }
  const fin = c.final();
  const ct = Buffer.concat([...pieces, fin]);
  const tag = options && (options.authTagLength || name.includes('gcm') || name.includes('poly')) ?
    c.getAuthTag().toString('hex') : '';
  const d = crypto.createDecipheriv(name, key, iv, options);
  if (tag) d.setAuthTag(Buffer.from(tag, 'hex'));
  if (aad) d.setAAD(aad, { plaintextLength: ct.length });
  const back = Buffer.concat([d.update(ct), d.final()]);
  console.log(name, plain.length, pieces.map((p) => p.length).join(','), fin.length,
              ct.toString('hex').slice(0, 96), tag, back.equals(plain));
}

const aes = ['cbc', 'ecb', 'ctr', 'cfb', 'cfb8', 'ofb'];
for (const bits of [128, 192, 256]) {
  for (const mode of aes) {
    const name = `aes-${bits}-${mode}`;
    const info = crypto.getCipherInfo(name);
    for (const len of [0, 5, 16, 33, 64]) {
      run(name, bytes(bits / 8, 1), info.ivLength ? bytes(info.ivLength, 2) : null, bytes(len, 3));
    }
  }
  for (const len of [0, 5, 16, 33]) {
    run(`aes-${bits}-gcm`, bytes(bits / 8, 4), bytes(12, 5), bytes(len, 6), {}, bytes(20, 7));
    run(`aes-${bits}-gcm`, bytes(bits / 8, 4), bytes(7, 5), bytes(len, 6), { authTagLength: 8 });
    run(`aes-${bits}-ccm`, bytes(bits / 8, 8), bytes(11, 9), bytes(len, 10), { authTagLength: 12 },
        bytes(9, 11));
    run(`aes-${bits}-ocb`, bytes(bits / 8, 12), bytes(12, 13), bytes(len, 14), { authTagLength: 16 },
        bytes(5, 15));
  }
  for (const len of [16, 24, 40]) {
    run(`id-aes${bits}-wrap`, bytes(bits / 8, 16), Buffer.from('a6a6a6a6a6a6a6a6', 'hex'),
        bytes(len, 17));
  }
  for (const len of [1, 8, 9, 20]) {
    run(`id-aes${bits}-wrap-pad`, bytes(bits / 8, 18), Buffer.from('a65959a6', 'hex'),
        bytes(len, 19));
  }
}
for (const len of [0, 5, 64, 100]) {
  run('chacha20-poly1305', bytes(32, 20), bytes(12, 21), bytes(len, 22), {}, bytes(3, 23));
  run('chacha20-poly1305', bytes(32, 20), bytes(12, 21), bytes(len, 22), { authTagLength: 9 });
  run('des-ede3-cbc', bytes(24, 24), bytes(8, 25), bytes(len, 26));
}

// Padding off, encodings in and out, setAutoPadding's result.
{
  const c = crypto.createCipheriv('aes-128-cbc', bytes(16, 1), bytes(16, 2));
  console.log(c.setAutoPadding(false) === c);
  let out = c.update('00112233445566778899aabbccddeeff', 'hex', 'base64');
  out += c.final('base64');
  console.log(out);
  const d = crypto.createDecipheriv('aes-128-cbc', bytes(16, 1), bytes(16, 2)).setAutoPadding(false);
  console.log(d.update(out, 'base64', 'hex') + d.final('hex'));
}
// The password forms (EVP_BytesToKey with MD5).
{
  const c = crypto.createCipher('aes-192-cbc', 'a password');
  const ct = c.update('some text', 'utf8', 'hex') + c.final('hex');
  const d = crypto.createDecipher('aes-192-cbc', 'a password');
  console.log(ct, d.update(ct, 'hex', 'utf8') + d.final('utf8'));
}
// Keys as other byte sources.
{
  const key = bytes(16, 30);
  const iv = bytes(16, 31);
  for (const k of [key, new Uint8Array(key), new DataView(key.buffer, key.byteOffset, 16),
                   key.buffer.slice(key.byteOffset, key.byteOffset + 16), key.toString('latin1')]) {
    const c = crypto.createCipheriv('aes-128-ctr', typeof k === 'string' ? Buffer.from(k, 'latin1') : k, iv);
    console.log(c.update('same for each').toString('hex'));
  }
}
// des3-wrap (RFC 3217) wraps under a random IV: a ciphertext made by node unwraps, and a
// round trip holds.
{
  const key = Buffer.from('3c08e25be22352910671cfe4ba3652b1220a8a7769b490ba', 'hex');
  const d = crypto.createDecipheriv('des3-wrap', key, Buffer.alloc(0));
  console.log(Buffer.concat([d.update(Buffer.from('687a6a55fc3f4098811d483e3ac52f6d9be70716cd4a0f8f64b29806d844ff524c2d8ff6a6ebb5b572e8af17deed584f47eddae5606086bf', 'hex')), d.final()]).toString());
  const c = crypto.createCipheriv('des3-wrap', key, null);
  const wrapped = c.update(bytes(24, 40));
  const back = crypto.createDecipheriv('des3-wrap', key, null).update(wrapped);
  console.log(wrapped.length, back.equals(bytes(24, 40)));
}
// OpenSSL's plain chacha20: the IV is the 32-bit block counter (which carries into the next
// word) and the 96-bit nonce.
for (const iv of ['0100000000000000000000000000004a', 'feffffff0100000000000000000000ff']) {
  run('chacha20', bytes(32, 41), Buffer.from(iv, 'hex'), bytes(200, 42));
}
// Two-key Triple DES in CBC mode.
for (const len of [0, 7, 8, 30]) run('des-ede-cbc', bytes(16, 43), bytes(8, 44), bytes(len, 45));
// Triple DES in ECB, CFB, CFB8, CFB1 and OFB (three-key and two-key), AES in CFB1, and XTS
// (one data unit per update, ciphertext stealing for a partial last block).
for (const name of ['des-ede3', 'des-ede3-ecb', 'des-ede', 'des-ede3-cfb', 'des-ede3-ofb',
                    'des-ede-cfb', 'des-ede-ofb', 'des-ede3-cfb8', 'des-ede3-cfb1',
                    'aes-128-cfb1', 'aes-192-cfb1', 'aes-256-cfb1']) {
  const info = crypto.getCipherInfo(name);
  for (const len of [0, 3, 8, 21]) {
    run(name, bytes(info.keyLength, 46), info.ivLength ? bytes(info.ivLength, 47) : null,
        bytes(len, 48));
  }
}
for (const name of ['aes-128-xts', 'aes-256-xts']) {
  for (const len of [16, 17, 31, 32, 47, 100]) {
    run(name, bytes(crypto.getCipherInfo(name).keyLength, 49), bytes(16, 50), bytes(len, 51));
  }
}
