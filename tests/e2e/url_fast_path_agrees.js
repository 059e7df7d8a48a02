// new URL() of canonical absolute URLs (Eddy parses those without the url crate) must agree
// field by field with the full parser, reached here through a base URL.
const { URL } = require('url');
let seed = 11;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const re = /^(https?|wss?|ftp):\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?::([1-9]\d{0,4}))?(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?(#[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?$/;
const safe = "abcxyzABCXYZ0189-._~!$&'()*+,;=:@/%";
const pick = (s) => s[rnd(s.length)];
function label() {
  const r = rnd(20);
  if (r === 0) return 'xn--n3h';
  if (r === 1) return String(rnd(300));
  if (r === 2) return 'a--b';
  let s = '';
  const n = 1 + rnd(6);
  for (let i = 0; i < n; i++) s += pick('abcdefghijklmnopqrstuvwxyz0123456789-');
  return s;
}
function gen() {
  let s = pick(['http', 'https', 'ws', 'wss', 'ftp']) + '://';
  const labels = 1 + rnd(3);
  for (let i = 0; i < labels; i++) s += (i ? '.' : '') + label();
  if (rnd(4) === 0) s += ':' + pick(['80', '443', '21', '8080', '1', '99999', '65535', '3000']);
  s += '/';
  const n = rnd(15);
  for (let i = 0; i < n; i++) s += rnd(12) ? pick(safe) : pick(['/.', '/..', '/%2e', '/%2E%2e', '.', '%41', '%zz', '%']);
  if (rnd(3) === 0) { s += '?'; const k = rnd(10); for (let i = 0; i < k; i++) s += pick(safe.replace("'", '') + '?'); }
  if (rnd(3) === 0) { s += '#'; const k = rnd(10); for (let i = 0; i < k; i++) s += pick(safe + '?'); }
  return s;
}
const fields = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'origin'];
let accepted = 0, bad = 0;
for (let i = 0; i < 30000; i++) {
  const input = gen();
  if (!re.test(input)) continue;
  accepted++;
  let u, v;
  try { u = new URL(input); } catch (e) { if (bad++ < 10) console.log('fast threw?', input); continue; }
  v = new URL(input, 'http://base.invalid/');   // forced through the url crate
  for (const f of fields) if (u[f] !== v[f]) { if (bad++ < 10) console.log('MISMATCH', JSON.stringify(input), f, JSON.stringify(u[f]), JSON.stringify(v[f])); }
  u.pathname = '/changed'; u.search = 'q=1';
  v.pathname = '/changed'; v.search = 'q=1';
  if (u.href !== v.href) { if (bad++ < 10) console.log('UPDATE MISMATCH', input, u.href, v.href); }
}
console.log({ accepted, bad });
