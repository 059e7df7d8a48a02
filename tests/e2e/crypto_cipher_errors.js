'use strict';
// Node's errors for bad cipher input: names, codes, messages and the extra OpenSSL fields.
const crypto = require('crypto');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString('hex') : r);
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.library, e.reason);
  }
}

const k16 = Buffer.alloc(16, 1);
const iv16 = Buffer.alloc(16, 2);
const iv12 = Buffer.alloc(12, 3);
show('unknown', () => crypto.createCipheriv('aes-128-nope', k16, iv16));
show('bad key', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv16));
show('bad iv', () => crypto.createCipheriv('aes-128-cbc', k16, Buffer.alloc(8)));
show('iv and key', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(3), Buffer.alloc(8)));
show('ecb iv', () => crypto.createCipheriv('aes-128-ecb', k16, Buffer.alloc(1)));
show('null iv', () => crypto.createCipheriv('aes-128-cbc', k16, null));
show('gcm empty iv', () => crypto.createCipheriv('aes-128-gcm', k16, Buffer.alloc(0)));
show('cipher type', () => crypto.createCipheriv(1, k16, iv16));
show('key type', () => crypto.createCipheriv('aes-128-cbc', 1, iv16));
show('iv type', () => crypto.createCipheriv('aes-128-cbc', k16, 1));
show('tag option', () => crypto.createCipheriv('aes-128-gcm', k16, iv12, { authTagLength: 7 }));
show('tag option type', () => crypto.createCipheriv('aes-128-gcm', k16, iv12, { authTagLength: -1 }));
show('ccm needs tag', () => crypto.createCipheriv('aes-128-ccm', k16, iv12));
show('bad decrypt', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k16, iv16);
  d.update(Buffer.alloc(16));
  return d.final();
});
show('final length', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k16, iv16);
  d.update(Buffer.alloc(20));
  return d.final();
});
show('no padding', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, iv16).setAutoPadding(false);
  c.update('abc');
  return c.final();
});
show('bad tag', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k16, iv12);
  d.setAuthTag(Buffer.alloc(16));
  d.update(Buffer.alloc(5));
  return d.final();
});
show('no tag', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k16, iv12);
  d.update(Buffer.alloc(5));
  return d.final();
});
show('tag length', () => crypto.createDecipheriv('aes-128-gcm', k16, iv12).setAuthTag(Buffer.alloc(5)));
show('tag twice', () => crypto.createDecipheriv('aes-128-gcm', k16, iv12)
  .setAuthTag(Buffer.alloc(16)).setAuthTag(Buffer.alloc(16)));
show('tag early', () => crypto.createCipheriv('aes-128-gcm', k16, iv12).getAuthTag());
show('aad late', () => {
  const c = crypto.createCipheriv('aes-128-gcm', k16, iv12);
  c.update('x');
  return c.setAAD(Buffer.alloc(2));
});
show('aad cbc', () => crypto.createCipheriv('aes-128-cbc', k16, iv16).setAAD(Buffer.alloc(2)));
show('final twice', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, iv16);
  c.final();
  return c.final();
});
show('update after final', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k16, iv16);
  c.final();
  return c.update('x');
});
show('hex odd', () => crypto.createCipheriv('aes-128-cbc', k16, iv16).update('abc', 'hex'));
show('data type', () => crypto.createCipheriv('aes-128-cbc', k16, iv16).update(5));
show('ccm length', () => crypto.createCipheriv('aes-128-ccm', k16, Buffer.alloc(13), { authTagLength: 8 })
  .setAAD(Buffer.alloc(1), { plaintextLength: 70000 }));
show('ccm no length', () => crypto.createCipheriv('aes-128-ccm', k16, iv12, { authTagLength: 8 })
  .setAAD(Buffer.alloc(1)));
show('wrap short', () => crypto.createCipheriv('id-aes128-wrap', k16, Buffer.alloc(8, 0xa6))
  .update(Buffer.alloc(8)));
show('unwrap bad', () => crypto.createDecipheriv('id-aes128-wrap', k16, Buffer.alloc(8, 0xa6))
  .update(Buffer.alloc(24)));
show('chacha iv', () => crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(13)));
show('info', () => JSON.stringify(crypto.getCipherInfo('aes-256-gcm', { ivLength: 16 })));
show('info nid', () => JSON.stringify(crypto.getCipherInfo(44)));
show('info missing', () => crypto.getCipherInfo('nope'));
show('info type', () => crypto.getCipherInfo(null));
show('info float', () => crypto.getCipherInfo(1.5));
show('info keyLength', () => crypto.getCipherInfo('aes-128-cbc', { keyLength: 17 }));
show('ciphers', () => ['aes-128-gcm', 'aes256', 'chacha20-poly1305', 'id-aes128-wrap']
  .every((n) => crypto.getCiphers().includes(n)));

// Streams: errors reach 'error'; output comes through 'data'.
const c = crypto.createCipheriv('aes-128-ctr', k16, iv16);
const chunks = [];
c.on('data', (d) => chunks.push(d));
c.on('end', () => console.log('stream', Buffer.concat(chunks).toString('hex')));
c.write('hello ');
c.end('world');
const d = crypto.createDecipheriv('aes-128-cbc', k16, iv16);
d.on('error', (e) => console.log('stream error', e.code, e.message));
d.on('data', () => {});
d.end(Buffer.alloc(16));
