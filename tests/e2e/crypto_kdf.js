// pbkdf2, hkdf and scrypt: sync and async results (async on the worker pool), and Node's
// argument checks and errors.
const crypto = require('crypto');

function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, `${e.name} [${e.code}] ${e.message}`);
  }
}
const hex = (b) => Buffer.from(b).toString('hex');

// ----- pbkdf2 -----
for (const digest of ['sha1', 'sha256', 'sha512', 'md5', 'sha3-256', 'SHA256']) {
  console.log('pbkdf2Sync', digest, crypto.pbkdf2Sync('password', 'salt', 2, 40, digest).toString('hex'));
}
console.log('pbkdf2Sync views', hex(crypto.pbkdf2Sync(new Uint8Array([1, 2, 3]), new ArrayBuffer(4), 1, 16, 'sha256')));
console.log('pbkdf2Sync DataView', hex(crypto.pbkdf2Sync(new DataView(new ArrayBuffer(3)), Buffer.from('s'), 1, 16, 'sha256')));
console.log('pbkdf2Sync keylen 0', crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1'));
console.log('pbkdf2Sync 4096 its', hex(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1')));
t('pbkdf2 bad digest', () => crypto.pbkdf2Sync('p', 's', 1, 32, 'nope'));
t('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('p', 's', 0, 32, 'sha1'));
t('pbkdf2 iterations big', () => crypto.pbkdf2Sync('p', 's', 2 ** 31, 32, 'sha1'));
t('pbkdf2 iterations string', () => crypto.pbkdf2Sync('p', 's', '1', 32, 'sha1'));
t('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
t('pbkdf2 keylen 1.5', () => crypto.pbkdf2Sync('p', 's', 1, 1.5, 'sha1'));
t('pbkdf2 no digest', () => crypto.pbkdf2Sync('p', 's', 1, 32));
t('pbkdf2 password number', () => crypto.pbkdf2Sync(1, 's', 1, 32, 'sha1'));
t('pbkdf2 salt null', () => crypto.pbkdf2Sync('p', null, 1, 32, 'sha1'));
t('pbkdf2 no callback', () => crypto.pbkdf2('p', 's', 1, 32, 'sha1'));
t('pbkdf2 digest is callback', () => crypto.pbkdf2('p', 's', 1, 32, () => {}));
t('pbkdf2 bad digest async', () => crypto.pbkdf2('p', 's', 1, 32, 'nope', () => {}));
t('pbkdf2 no callback bad digest', () => crypto.pbkdf2('p', 's', 1, 32, 'nope'));
t('pbkdf2 xof digest', () => crypto.pbkdf2Sync('p', 's', 1, 8, 'shake128'));

// ----- hkdf -----
console.log('hkdfSync', crypto.hkdfSync('sha256', 'key', 'salt', 'info', 42));
console.log('hkdfSync rfc5869-1', hex(crypto.hkdfSync('sha256',
  Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex'),
  Buffer.from('000102030405060708090a0b0c', 'hex'),
  Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42)));
console.log('hkdfSync empty salt/info', hex(crypto.hkdfSync('sha1', 'k', '', '', 20)));
console.log('hkdfSync ArrayBuffer', hex(crypto.hkdfSync('sha512', new ArrayBuffer(8), new Uint16Array(2), new DataView(new ArrayBuffer(1)), 16)));
console.log('hkdfSync empty ikm', hex(crypto.hkdfSync('sha256', '', 's', 'i', 10)));
console.log('hkdfSync length 0', crypto.hkdfSync('sha256', 'k', 's', 'i', 0));
console.log('hkdfSync max length', crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32).byteLength);
t('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
t('hkdf bad digest', () => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
t('hkdf digest number', () => crypto.hkdfSync(5, 'k', 's', 'i', 10));
t('hkdf ikm number', () => crypto.hkdfSync('sha256', 5, 's', 'i', 10));
t('hkdf salt number', () => crypto.hkdfSync('sha256', 'k', 5, 'i', 10));
t('hkdf info number', () => crypto.hkdfSync('sha256', 'k', 's', 5, 10));
t('hkdf info too long', () => crypto.hkdfSync('sha256', 'k', 's', 'x'.repeat(1025), 10));
t('hkdf length -1', () => crypto.hkdfSync('sha256', 'k', 's', 'i', -1));
t('hkdf length string', () => crypto.hkdfSync('sha256', 'k', 's', 'i', '8'));
t('hkdf no callback', () => crypto.hkdf('sha256', 'k', 's', 'i', 8));
t('hkdf no callback bad digest', () => crypto.hkdf('nope', 'k', 's', 'i', 8));

// ----- scrypt -----
// (First: once OpenSSL has refused memory, Node appends that reason to later errors.)
t('scrypt N 3', () => crypto.scryptSync('p', 's', 8, { N: 3 }));
t('scrypt N 1', () => crypto.scryptSync('p', 's', 8, { N: 1 }));
t('scrypt async bad N', () => crypto.scrypt('p', 's', 8, { N: 3 }, () => {}));
console.log('scryptSync rfc7914-1', crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log('scryptSync rfc7914-2', crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log('scryptSync defaults', crypto.scryptSync('p', 's', 16).toString('hex'));
console.log('scryptSync long names', crypto.scryptSync('p', 's', 16, { cost: 32, blockSize: 2, parallelization: 2 }).toString('hex'));
console.log('scryptSync zeros mean defaults', crypto.scryptSync('p', 's', 8, { N: 0, r: 0, p: 0, maxmem: 0 }).toString('hex'));
console.log('scryptSync keylen 0', crypto.scryptSync('', '', 0, { N: 16, r: 1, p: 1 }));
console.log('scryptSync options null', crypto.scryptSync('p', 's', 8, null).toString('hex'));
console.log('scryptSync exact maxmem', crypto.scryptSync('p', 's', 8, { N: 16, r: 1, p: 1, maxmem: 128 + 128 * 18 }).toString('hex'));
t('scrypt maxmem one short', () => crypto.scryptSync('p', 's', 8, { N: 16, r: 1, p: 1, maxmem: 128 + 128 * 18 - 1 }));
t('scrypt N 2^16 default maxmem', () => crypto.scryptSync('p', 's', 8, { N: 2 ** 15, r: 8 }));
t('scrypt N too big for r', () => crypto.scryptSync('p', 's', 8, { N: 2 ** 16, r: 1, maxmem: 2 ** 40 }));
t('scrypt r*p too big', () => crypto.scryptSync('p', 's', 8, { N: 16, r: 2 ** 15, p: 2 ** 15 }));
t('scrypt N and cost', () => crypto.scryptSync('p', 's', 8, { N: 16, cost: 16 }));
t('scrypt r and blockSize', () => crypto.scryptSync('p', 's', 8, { r: 1, blockSize: 1 }));
t('scrypt p and parallelization', () => crypto.scryptSync('p', 's', 8, { p: 1, parallelization: 1 }));
t('scrypt N string', () => crypto.scryptSync('p', 's', 8, { N: '16' }));
t('scrypt N negative', () => crypto.scryptSync('p', 's', 8, { N: -16 }));
t('scrypt cost fraction', () => crypto.scryptSync('p', 's', 8, { cost: 1.5 }));
t('scrypt maxmem string', () => crypto.scryptSync('p', 's', 8, { maxmem: '1' }));
t('scrypt maxmem negative', () => crypto.scryptSync('p', 's', 8, { maxmem: -1 }));
t('scrypt keylen -1', () => crypto.scryptSync('p', 's', -1));
t('scrypt password number', () => crypto.scryptSync(1, 's', 8));
t('scrypt no callback', () => crypto.scrypt('p', 's', 8));
t('scrypt options no callback', () => crypto.scrypt('p', 's', 8, {}));
t('scrypt no callback bad N', () => crypto.scrypt('p', 's', 8, { N: 3 }));

// ----- async forms, in order -----
(async () => {
  const { promisify } = require('util');
  console.log('pbkdf2 async', (await promisify(crypto.pbkdf2)('password', 'salt', 2, 40, 'sha256')).toString('hex'));
  console.log('hkdf async', hex(await promisify(crypto.hkdf)('sha256', 'key', 'salt', 'info', 42)));
  console.log('scrypt async', (await promisify(crypto.scrypt)('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 })).toString('hex'));
  console.log('scrypt async no options', (await promisify(crypto.scrypt)('p', 's', 16)).toString('hex'));
  console.log('scrypt async keylen 0', await promisify(crypto.scrypt)('p', 's', 0));
  await new Promise((resolve) => crypto.pbkdf2('p', 's', 1, 8, 'shake128', (err, key) => {
    console.log('pbkdf2 async xof', err && err.message, key);
    resolve();
  }));
  await new Promise((resolve) => crypto.hkdf('sha1', 'k', 's', 'i', 8, (err, key) => {
    console.log('hkdf async result', err, key instanceof ArrayBuffer, key.byteLength);
    resolve();
  }));
  // Eight at once finish, each with its own result.
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) =>
    promisify(crypto.pbkdf2)(`pw${i}`, 'salt', 1000, 16, 'sha512')));
  console.log('parallel', results.map((b) => b.toString('hex').slice(0, 8)).join(' '));
  // The sync and async forms agree.
  console.log('sync == async', hex(crypto.pbkdf2Sync('pw3', 'salt', 1000, 16, 'sha512')).slice(0, 8));
})();
