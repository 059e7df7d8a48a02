// punycode: encode/decode of labels, module shape, ucs2 helpers.
const punycode = require('punycode');
console.log(Object.keys(punycode), punycode.version, Object.keys(punycode.ucs2));
const words = ['mañana', 'Bücher', '', 'abc', 'ü', '☃-⌘', '\ud800', '\ud83d\ude00', '\u{10FFFF}',
  'ليهمابتكلموشعربي؟', '他们为什么不说中文', 'Pročprostěnemluvíčesky', 'יהודית', 'почему', 'a-b-c', '3年B組金八先生'];
for (const w of words) {
  const enc = punycode.encode(w);
  console.log(JSON.stringify(w), JSON.stringify(enc), JSON.stringify(punycode.decode(enc)) === JSON.stringify(w));
}
for (const s of ['abc-', 'xn--', '--', 'bcher-kva', 'Bcher-KVA', 'tda', 'zzzzzzzzzz', 'maana-pta', 'ls8h']) {
  console.log(JSON.stringify(s), JSON.stringify(punycode.decode(s)));
}
console.log(punycode.ucs2.decode('a\ud83d\ude00\ud800b\udc00'), JSON.stringify(punycode.ucs2.encode([97, 0x1F600, 0xD800])));
console.log(punycode.ucs2.decode(5), punycode.encode(5));
