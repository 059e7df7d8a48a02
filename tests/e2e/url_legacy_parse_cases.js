// Legacy url.parse/format (host rules, escaping, IDNA, backslashes, invalid ports).
const url = require('url');
const inputs = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '//foo/bar', 'foo/bar?x=1', 'HTTP://X.COM/Y', 'http://[::1]:3000/x', 'mailto:a@b.c', 'javascript:alert(1)', 'http://a.com/\u00e9?\u00e9#\u00e9',
  'http://x.com/a b', 'http://x.com\\y', 'file:///etc/passwd', 'http://x.com:65536', 'http://ex ample.com', 'http://a@b@c/', 'http://x.com/?a=1&a=2&b', '?q', '#h', 'http://x.com#a#b', ' http://x.com ', 'http://xn--n3h.com/', 'http://☃.com/',
  'http://x.com/%zz', 'https://x.com:443/', 'ftp://x/y', 'http:x.com', 'http:/x.com', 'x://y', 'http://www.ExAmPlE.com/a/../b/./c', 'a:b', ':/', '//', '', 'http://x.com/\t\n', 'http://a.b.c:80/x?y#z'];
for (const s of inputs) {
  for (const [pq, sl] of [[false, false], [true, false], [false, true]]) {
    try { const u = url.parse(s, pq, sl); console.log(JSON.stringify(u), url.format(u)); } catch (e) { console.log(s, 'THROWS', e.code, e.message); }
  }
}
for (const [a, b] of [['http://a/b/c/d;p?q', '../g'], ['http://a/b/c/d;p?q', '//g'], ['/a/b', 'c'], ['http://x.com/a', 'https://y.com'], ['mailto:x@y', 'z'], ['http://a/b', '?q'], ['http://a/b', '#f'], ['http://a/b/c', '../../../../g'], ['', 'a']]) {
  console.log(url.resolve(a, b));
}
console.log(url.format({ protocol: 'http', host: 'x.com', pathname: '/a b', query: { q: 'a b', r: ['1', '2'] }, hash: 'h' }));
console.log(url.format(new URL('http://u:p@x.com/a?b#c'), { auth: false, search: false, fragment: false, unicode: true }));
console.log(url.format('http://x.com/?a=1'));
try { url.format(1); } catch (e) { console.log(e.code, e.message); }
try { url.parse(1); } catch (e) { console.log(e.code, e.message); }
