// punycode.toASCII / toUnicode: labels, separators, email addresses.
const punycode = require('punycode');
for (const d of ['mañana.com', 'user@mañana.com', 'a@b@ü', 'ü\u3002ü\uFF0Eü\uFF61x', 'xn--', 'ABC.DEF',
  '☃-⌘.com', '', 'example.com.', 'джpумлатест.bрфa', 'i❤.ws']) {
  console.log(JSON.stringify(d), '->', JSON.stringify(punycode.toASCII(d)));
}
for (const d of ['xn--maana-pta.com', 'XN--MAANA-PTA.com', 'u@xn--maana-pta.com', 'xn--ls8h',
  'a\u3002xn--ls8h', 'xn--Bcher-KVA.example', 'plain', 'xn--i-7iq.ws']) {
  console.log(JSON.stringify(d), '->', JSON.stringify(punycode.toUnicode(d)));
}
