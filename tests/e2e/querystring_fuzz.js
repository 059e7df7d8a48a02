// Seeded random parse/stringify/escape/unescape inputs; prints a digest and a sample.
const qs = require('querystring');
let seed = 7;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
const alpha = ['a', 'b', '=', '&', '%', '4', '1', 'z', '+', '€', ';', ':', '%41', '%E2%82', '\ud800', '=='];
const seps = [undefined, '&', '&&', ';', '&=', 'ab', [], '+'];
const eqs = [undefined, '=', '==', ':', '=a', [], '+', '%'];
const decs = [undefined, (s) => s, (s) => { if (s.includes('%')) throw 1; return s + '!'; }, decodeURIComponent];
const out = [];
for (let n = 0; n < 4000; n++) {
  let s = '';
  const L = rnd(12);
  for (let i = 0; i < L; i++) s += alpha[rnd(alpha.length)];
  const opts = { maxKeys: rnd(4), decodeURIComponent: decs[rnd(decs.length)] };
  try {
    out.push(JSON.stringify(qs.parse(s, seps[rnd(seps.length)], eqs[rnd(eqs.length)], rnd(2) ? opts : undefined)));
  } catch (e) { out.push('E ' + e.message); }
}
for (let n = 0; n < 1000; n++) {
  const o = {};
  const vals = ['', 'a b', '€', 1, 1e21, NaN, -0, 3n, true, null, undefined, [], ['x', 2], {}, '\ud800x', '\udc00'];
  for (let k = rnd(4); k > 0; k--) o[alpha[rnd(alpha.length)]] = vals[rnd(vals.length)];
  const enc = [undefined, (s) => s, () => '', (s) => `<${s}>`][rnd(4)];
  try {
    out.push(JSON.stringify(qs.stringify(o, seps[rnd(seps.length)], eqs[rnd(eqs.length)], { encodeURIComponent: enc })));
  } catch (e) { out.push('E ' + e.message); }
  const t = Object.keys(o).join('');
  try { out.push(JSON.stringify(qs.escape(t))); } catch (e) { out.push('E ' + e.message); }
  out.push(JSON.stringify(qs.unescape(t, rnd(2) === 1)));
  out.push(JSON.stringify(Array.from(qs.unescapeBuffer(t, rnd(2) === 1))));
}
let h = 0x811c9dc5;
const all = out.join('\n');
for (let i = 0; i < all.length; i++) h = Math.imul(h ^ all.charCodeAt(i), 16777619) >>> 0;
console.log(out.length, h.toString(16));
console.log(out.filter((_, i) => i % 97 === 0).join('\n'));
