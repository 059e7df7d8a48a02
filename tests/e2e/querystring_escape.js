// querystring.escape / unescape / unescapeBuffer, including surrogate handling.
const qs = require('querystring');
const escapes = [
  "!'()*-._~ azAZ09/?:@&=+$,#", '\ud83d\ude00\u00ff\u0100\u07ff\u0800\uffff\x7f\x00', 123, null,
  undefined, [1, 'a b'], { toString() { return 'a b'; } }, '\udc00x', '\ud800\ud800', '\ud800a',
  'x\ud800', '\ud800', 'a\udc00', '\ud800\udc00\udc00', '',
];
for (const s of escapes) {
  try {
    console.log(JSON.stringify(qs.escape(s)));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try { qs.escape(Symbol('s')); } catch (e) { console.log(e.name, e.message); }
for (const [s, spaces] of [['a+b%20c'], ['%zz%41', true], ['%ud800%'], ['\ud800%zz'], [5],
  ['%E2%82%AC'], ['%E2%82'], ['a+b%zz', true], ['a+b%zz', false]]) {
  console.log(JSON.stringify(qs.unescape(s, spaces)));
}
const bytes = (b) => `${b.length}: ${Array.from(b).join(' ')}`;
console.log(bytes(qs.unescapeBuffer('a+%41%')));
console.log(bytes(qs.unescapeBuffer('a+%41%', true)));
console.log(bytes(qs.unescapeBuffer('%G1%1G%ab%AB%aB€')));
console.log(bytes(qs.unescapeBuffer('\ud800%')));
console.log(bytes(qs.unescapeBuffer('')));
console.log(qs.unescapeBuffer('x') instanceof Uint8Array);
try { qs.unescapeBuffer(5); } catch (e) { console.log(e.name, e.code, e.message); }
