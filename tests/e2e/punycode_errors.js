// punycode: RangeErrors for invalid input and overflow, TypeErrors for non-strings.
const punycode = require('punycode');
const attempts = [
  ['decode', '!!!'], ['decode', '-abc'], ['decode', 'a-b-c'], ['decode', 'mañana'],
  ['decode', '99999999999'], ['decode', 'ü'], ['decode', '\u0080-a'], ['decode', '-'],
  ['decode', 'a-:'], ['decode', '@@'], ['decode', '['], ['toUnicode', 'xn--!!!'],
  ['toUnicode', 'ok.xn--a-'], ['decode', 5], ['toASCII', 5], ['toUnicode', null],
];
for (const [fn, arg] of attempts) {
  try {
    console.log(fn, JSON.stringify(arg), JSON.stringify(punycode[fn](arg)));
  } catch (e) {
    console.log(fn, JSON.stringify(arg), e.name, e.message);
  }
}
try { punycode.ucs2.encode([0x110000]); } catch (e) { console.log(e.name, e.message); }
