// Headers: case-insensitive names, combined values (", " and "; " for Cookie), Set-Cookie kept
// apart (getSetCookie, iteration), sorted live iteration, value normalization, the init forms
// (pairs, records, another Headers), guards, and Node's error messages and property shapes.
const util = require('util');

function t(label, f) {
  try {
    console.log(label, util.inspect(f(), { breakLength: 120 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message));
  }
}

const h = new Headers({ a: '1', 'Set-Cookie': 'x=1' });
h.append('set-cookie', 'y=2');
h.append('B', '2');
h.append('cookie', 'c=1');
h.append('Cookie', 'd=2');
console.log(h);
t('entries', () => [...h]);
t('get set-cookie', () => h.get('SET-COOKIE'));
t('getSetCookie', () => h.getSetCookie());
t('cookie joined', () => h.get('cookie'));
t('has', () => [h.has('A'), h.has('nope')]);
t('get missing', () => h.get('nope'));
h.set('A', ' 3 ');
t('set keeps place, new casing', () => util.inspect(h));
h.delete('set-cookie');
t('after delete', () => [[...h], h.getSetCookie()]);

console.log('--- errors');
t('append()', () => new Headers().append());
t('append(a)', () => new Headers().append('a'));
t('bad name', () => new Headers().append('a b', 'x'));
t('bad value', () => new Headers().append('a', 'x\ny'));
t('non-byte', () => new Headers().append('a', '\u0100'));
t('get bad', () => new Headers().get('a b'));
t('get()', () => new Headers().get());
t('set bad', () => new Headers().set('a b', 'x'));
t('set NUL', () => new Headers().set('ab', 'x\0'));
t('delete bad', () => new Headers().delete('a b'));
t('has bad', () => new Headers().has('a b'));
t('init number', () => new Headers(1));
t('init string', () => new Headers('abc'));
t('init null', () => new Headers(null));
t('pair of 1', () => new Headers([['a']]));
t('pair of 3', () => new Headers([['a', 'b', 'c']]));
t('record bad name', () => new Headers({ 'a b': 1 }));
t('symbol key', () => new Headers({ [Symbol('x')]: 1 }));
t('call', () => Headers());
t('brand', () => Headers.prototype.get.call({}, 'a'));
t('forEach non-function', () => new Headers().forEach(1));
t('iterator brand', () => Object.getPrototypeOf(new Headers().keys()).next.call({}));

console.log('--- values and init');
t('trimmed', () => new Headers({ a: '  x  ' }).get('a'));
t('combined', () => new Headers([['a', ' 1 '], ['A', '\t2']]).get('a'));
t('non-strings', () => [...new Headers({ a: 1, b: null, c: undefined, d: {} })]);
t('from Headers', () => [...new Headers(new Headers({ A: '1', b: '2' }))]);
t('from Map', () => [...new Headers(new Map([['a', '1']]))]);
t('latin1 value', () => new Headers({ a: 'caf\u00e9' }).get('a'));
t('non-enumerable record key', () => {
  const o = { a: '1' };
  Object.defineProperty(o, 'b', { value: '2', enumerable: false });
  return [...new Headers(o)];
});
t('live iteration', () => {
  const hh = new Headers([['c', '3'], ['a', '1'], ['b', '2']]);
  const out = [];
  for (const [k] of hh) {
    out.push(k);
    if (k === 'a') hh.append('aa', 'x');
  }
  return out;
});
t('forEach', () => {
  const hh = new Headers({ b: '1', a: '2' });
  const out = [];
  hh.forEach(function(v, k, o) { out.push([v, k, o === hh, typeof this]); }, 'T');
  return out;
});
t('keys/values', () => [[...h.keys()], [...h.values()]]);
t('iterator', () => {
  const it = new Headers({ a: '1' }).entries();
  return [it.next(), it.next(), Object.prototype.toString.call(it), typeof it[Symbol.iterator]];
});
t('no forbidden names', () => [...new Request('http://x/', { headers: { host: 'h', 'content-length': '5', cookie: 'c' } }).headers]);

console.log('--- guards');
t('error response set', () => Response.error().headers.set('a', 'b'));
t('error response append', () => Response.error().headers.append('a', 'b'));
t('error response delete', () => Response.error().headers.delete('a'));
t('redirect response set', () => Response.redirect('http://x.test/').headers.set('a', 'b'));
t('request headers mutable', () => { const r = new Request('http://x/'); r.headers.set('a', 'b'); return r.headers.get('a'); });
t('response headers mutable', () => { const r = new Response(''); r.headers.set('a', 'b'); return r.headers.get('a'); });

console.log('--- shapes');
console.log(Object.getOwnPropertyNames(Headers.prototype));
console.log(Headers.name, Headers.length, typeof Headers, Object.prototype.toString.call(new Headers()));
console.log(Object.getOwnPropertyDescriptor(Headers.prototype, 'append'));
console.log(Object.getOwnPropertyDescriptor(Headers.prototype, Symbol.toStringTag));
console.log(Headers.prototype[Symbol.iterator] === Headers.prototype.entries);
console.log(new Headers().keys(), Object.getOwnPropertyNames(Object.getPrototypeOf(new Headers().keys())));
console.log(Object.keys(new Headers({ a: '1' })), JSON.stringify(new Headers({ a: '1' })), String(new Headers()));
console.log({ nested: { h: new Headers({ x: 'y' }) } }, new Headers());
