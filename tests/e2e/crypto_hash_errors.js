// Argument checks and state errors of createHash/createHmac/crypto.hash/getHashes/timingSafeEqual,
// with Node's codes and messages.
const crypto = require('crypto');

function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, `${e.name} [${e.code}] ${e.message}`, Object.keys(e).join(','));
  }
}

t('unknown digest', () => crypto.createHash('nope'));
t('unknown hmac digest', () => crypto.createHmac('nope', 'k'));
t('no algorithm', () => crypto.createHash());
t('algorithm not string', () => crypto.createHash(5));
t('options.outputLength string', () => crypto.createHash('shake128', { outputLength: '5' }));
t('options.outputLength negative', () => crypto.createHash('shake128', { outputLength: -1 }));
t('options.outputLength fraction', () => crypto.createHash('shake128', { outputLength: 1.5 }));
t('options.outputLength huge', () => crypto.createHash('shake128', { outputLength: 2 ** 32 }));
t('outputLength on sha256', () => crypto.createHash('sha256', { outputLength: 5 }));
t('outputLength 0 on sha256', () => crypto.createHash('sha256', { outputLength: 0 }));
t('copy outputLength on sha1', () => crypto.createHash('sha1').copy({ outputLength: 3 }));
t('options null', () => crypto.createHash('sha1', null).digest('hex'));
t('update number', () => crypto.createHash('sha1').update(1));
t('update object', () => crypto.createHash('sha1').update({ foo: 'bar' }));
t('update undefined', () => crypto.createHash('sha1').update());
t('update ArrayBuffer', () => crypto.createHash('sha1').update(new ArrayBuffer(2)));
t('update odd hex', () => crypto.createHash('sha1').update('0', 'hex'));
t('update odd HEX', () => crypto.createHash('sha1').update('abc', 'HEX'));
t('hmac update odd hex', () => crypto.createHmac('sha256', 'a secret').update('0', 'hex'));
t('digest twice', () => { const h = crypto.createHash('sha256'); h.digest(); h.digest(); });
t('update after digest', () => { const h = crypto.createHash('sha256'); h.digest(); h.update('x'); });
t('copy after digest', () => { const h = crypto.createHash('sha256'); h.digest(); h.copy(); });
t('digest encoding throws', () => crypto.createHash('sha256').digest({ toString() { throw new Error('boom'); } }));
t('hmac digest encoding throws', () => crypto.createHmac('sha256', 'k').digest({ toString() { throw new Error('boom'); } }));
t('hash usable after throwing encoding', () => {
  const h = crypto.createHash('sha1');
  try { h.digest({ toString() { throw new Error('boom'); } }); } catch {}
  return h.digest('hex');
});
t('hmac no key', () => crypto.createHmac('sha256'));
t('hmac key number', () => crypto.createHmac('sha256', 5));
t('hmac key null', () => crypto.createHmac('sha256', null));
t('hmac digest number', () => crypto.createHmac(5, 'k'));
t('hmac digest null', () => crypto.createHmac(null));
t('hmac options.encoding number', () => crypto.createHmac('sha1', 'k', { encoding: 5 }));
t('hmac after digest update', () => { const h = crypto.createHmac('sha256', 'k'); h.digest(); h.update('x'); });
t('hash() unknown', () => crypto.hash('nope', 'x'));
t('hash() bad encoding', () => crypto.hash('sha1', 'x', 'bogus'));
t('hash() encoding number', () => crypto.hash('sha1', 'x', 5));
t('hash() encoding null', () => crypto.hash('sha1', 'x', null));
t('hash() input number', () => crypto.hash('sha1', 5));
t('hash() input ArrayBuffer', () => crypto.hash('sha1', new ArrayBuffer(2)));
t('hash() no algorithm', () => crypto.hash(undefined, 'x'));
t('timingSafeEqual lengths', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t('timingSafeEqual string', () => crypto.timingSafeEqual('a', Buffer.from('ab')));
t('timingSafeEqual string 2', () => crypto.timingSafeEqual(Buffer.from('a'), 'a'));
t('timingSafeEqual equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
t('timingSafeEqual differ', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
t('timingSafeEqual views', () => crypto.timingSafeEqual(new ArrayBuffer(4), new Uint16Array(2)));
t('timingSafeEqual DataView vs Float64Array', () => crypto.timingSafeEqual(new DataView(new ArrayBuffer(8)), new Float64Array(1)));
t('timingSafeEqual empty', () => crypto.timingSafeEqual(Buffer.alloc(0), new Uint8Array(0)));

// getHashes is sorted, unique, and a fresh copy each time.
const list = crypto.getHashes();
console.log(list.join(' '));
console.log(JSON.stringify(list) === JSON.stringify([...list].sort()), new Set(list).size === list.length);
list.push('x');
console.log(crypto.getHashes().length === list.length - 1);
