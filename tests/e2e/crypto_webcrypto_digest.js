// Web Crypto digest (globalThis.crypto.subtle and require('crypto').webcrypto): results,
// accepted inputs, and the errors for bad algorithms and data.
const crypto = require('crypto');
const { subtle } = globalThis.crypto;

async function t(label, fn) {
  try {
    const r = await fn();
    console.log(label, 'ok', r instanceof ArrayBuffer ? Buffer.from(r).toString('hex') : r);
  } catch (e) {
    console.log(label, `${e.name} [${e.code}] ${e.message}`);
  }
}

(async () => {
  console.log(globalThis.crypto === crypto.webcrypto, crypto.subtle === subtle);
  console.log(Object.prototype.toString.call(globalThis.crypto), Object.prototype.toString.call(subtle));
  console.log(typeof Crypto, typeof SubtleCrypto, crypto.webcrypto.constructor === Crypto, subtle.constructor === SubtleCrypto);
  const data = new TextEncoder().encode('hello');
  for (const name of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'sha-256', 'Sha-1']) {
    await t(name, () => subtle.digest(name, data));
  }
  await t('object name', () => subtle.digest({ name: 'SHA-256' }, data));
  await t('object with length', () => subtle.digest({ name: 'SHA-256', length: 256 }, data));
  await t('ArrayBuffer', () => subtle.digest('SHA-256', data.buffer));
  await t('DataView', () => subtle.digest('SHA-256', new DataView(data.buffer)));
  await t('Buffer', () => subtle.digest('SHA-256', Buffer.from('hello')));
  await t('empty', () => subtle.digest('SHA-512', Buffer.alloc(0)));
  await t('string data', () => subtle.digest('SHA-256', 'abc'));
  await t('number algorithm', () => subtle.digest(1, data));
  await t('null algorithm', () => subtle.digest(null, data));
  await t('unknown algorithm', () => subtle.digest('RSA-OAEP', data));
  await t('SHA3', () => subtle.digest('SHA3-256', data));
  await t('no name', () => subtle.digest({}, data));
  await t('no arguments', () => subtle.digest());
  await t('one argument', () => subtle.digest('SHA-1'));
  await t('wrong this', () => subtle.digest.call({}, 'SHA-1', data));
  await t('illegal Crypto', () => new Crypto());
  await t('illegal SubtleCrypto', () => new SubtleCrypto());
  await t('getRandomValues unbound', () => { const g = globalThis.crypto.getRandomValues; return g(new Uint8Array(2)); });
  await t('crypto.getRandomValues', () => crypto.getRandomValues(new Uint8Array(4)).length);
  await t('randomUUID', () => /^[0-9a-f-]{36}$/.test(globalThis.crypto.randomUUID()));
  const p = subtle.digest(1, data);
  console.log('rejects, never throws', p instanceof Promise);
  await p.catch(() => {});
})();
