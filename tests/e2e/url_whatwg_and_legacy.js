const url = require('url');
const u = new URL('https://user:pw@Example.com:8080/a/../b c?x=1&y=two words#frag');
console.log(u);
console.log(u.href, u.origin, u.port, u.searchParams.get('y'));
u.searchParams.append('z', 'ü &');
u.port = '443';
u.hash = '';
console.log(u.href, String(u), JSON.stringify({ u }));
try { new URL('not a url'); } catch (e) { console.log(e.code, e.message, e.input); }
console.log(URL.canParse('/x', 'http://a'), URL.canParse('nope'));
const p = new URLSearchParams({ a: '1', b: 'x y' });
p.sort(); console.log(p.toString(), p, [...p], p.size);
console.log(new URLSearchParams([['a', 'b'], ['c', 'd']]).toString(), new URLSearchParams('?q=%20x+y&e'));
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/tmp/a b#c').href);
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('xn--iñvalid.com'));
console.log(url.parse('http://user:pass@host.com:8080/p/a/t/h?query=string#hash'));

console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'));
console.log(url.urlToHttpOptions(new URL('https://a:b@x.com:81/p?q')));
console.log(url.format(new URL('https://a:b@測試.com/?x#y'), { unicode: true, auth: false, fragment: false }));
