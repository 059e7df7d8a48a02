// Ciphers streamed in uneven pieces must give Node's bytes: AES-GCM with 12-byte and other IV
// lengths and updates that split blocks (eight-block GHASH groups included), chacha20 across its
// 32-bit counter wrap (OpenSSL carries into the next word), chacha20-poly1305 with several AAD
// calls, AAD after text (fed to the MAC as a byte stream) and short tags, CBC/ECB/CFB8 padding.
const crypto = require('crypto');

const digest = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);
const data = Buffer.alloc(5000);
for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 255;

function run(c, input, split) {
  const parts = [];
  let at = 0;
  for (const n of split) {
    parts.push(c.update(input.subarray(at, at + n)));
    at += n;
  }
  parts.push(c.update(input.subarray(at)));
  parts.push(c.final());
  return Buffer.concat(parts);
}

const splits = [[5000], [1, 2, 3, 15, 16, 17, 100, 127, 128, 129], [0, 4999], [64, 63, 65]];

console.log('== aes-gcm');
for (const bits of [128, 192, 256]) {
  const key = Buffer.alloc(bits / 8);
  for (let i = 0; i < key.length; i++) key[i] = i * 7 + 3;
  for (const ivLen of [12, 1, 16, 60]) {
    const iv = Buffer.alloc(ivLen);
    for (let i = 0; i < ivLen; i++) iv[i] = 255 - i;
    for (const split of splits) {
      const c = crypto.createCipheriv(`aes-${bits}-gcm`, key, iv);
      c.setAAD(Buffer.from(`aad ${split.length}`));
      const ct = run(c, data, split);
      const tag = c.getAuthTag();
      const d = crypto.createDecipheriv(`aes-${bits}-gcm`, key, iv);
      d.setAAD(Buffer.from(`aad ${split.length}`));
      d.setAuthTag(tag);
      const pt = run(d, ct, split.slice().reverse());
      console.log(bits, ivLen, split.length, digest(ct), tag.toString('hex'), pt.equals(data));
    }
  }
}

console.log('== chacha20');
for (const head of ['00000000', 'feffffff', 'ffffffff', 'ffffffffffffffff']) {
  const iv = Buffer.alloc(16, 3);
  Buffer.from(head, 'hex').copy(iv);
  for (const split of splits) {
    const ct = run(crypto.createCipheriv('chacha20', Buffer.alloc(32, 4), iv), data, split);
    const pt = run(crypto.createDecipheriv('chacha20', Buffer.alloc(32, 4), iv), ct, [7, 200]);
    console.log(head, split.length, digest(ct), pt.equals(data));
  }
}

console.log('== chacha20-poly1305');
const key = Buffer.alloc(32, 9);
const nonce = Buffer.alloc(12, 8);
for (const tagLength of [16, 8, 1]) {
  for (const split of splits) {
    for (const aads of [[], ['ab'], ['a', 'b'], ['x'.repeat(33)]]) {
      const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: tagLength });
      for (const a of aads) c.setAAD(Buffer.from(a), { plaintextLength: data.length });
      const ct = run(c, data, split);
      const tag = c.getAuthTag();
      const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: tagLength });
      for (const a of aads) d.setAAD(Buffer.from(a), { plaintextLength: data.length });
      d.setAuthTag(tag);
      const pt = run(d, ct, split);
      const bad = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: tagLength });
      const badTag = Buffer.from(tag);
      badTag[0] ^= 1;
      bad.setAuthTag(badTag);
      for (const a of aads) bad.setAAD(Buffer.from(a), { plaintextLength: data.length });
      bad.update(ct);
      let verdict = 'accepted';
      try { bad.final(); } catch (e) { verdict = e.message; }
      console.log(tagLength, split.length, aads.length, digest(ct), tag.toString('hex'),
                  pt.equals(data), verdict);
    }
  }
}
for (const early of [1, 2]) {
  const c = crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32, 1), Buffer.alloc(12, 2),
                                  { authTagLength: 16 });
  c.update('hel');
  if (early === 2) c.update('l');
  c.setAAD(Buffer.from('ab'));
  c.update('lo');
  c.final();
  console.log('aad after text', early, c.getAuthTag().toString('hex'));
}

console.log('== block modes');
for (const name of ['aes-128-cbc', 'aes-256-cbc', 'aes-192-ecb', 'des-ede3-cbc', 'aes-128-cfb8']) {
  const info = crypto.getCipherInfo(name);
  const k = Buffer.alloc(info.keyLength, 0x21);
  const iv = info.ivLength ? Buffer.alloc(info.ivLength, 0x42) : null;
  for (const padding of [true, false]) {
    for (const split of [[1, 15, 16, 17, 31, 33], [4992]]) {
      const input = padding ? data : data.subarray(0, 4992);
      const c = crypto.createCipheriv(name, k, iv);
      c.setAutoPadding(padding);
      const ct = run(c, input, split);
      const d = crypto.createDecipheriv(name, k, iv);
      d.setAutoPadding(padding);
      const pt = run(d, ct, split.slice().reverse());
      console.log(name, padding, split.length, ct.length, digest(ct), pt.equals(input));
    }
  }
}
