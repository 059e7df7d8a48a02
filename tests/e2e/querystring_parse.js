// querystring.parse: separators, maxKeys, decoding, repeated keys, malformed escapes.
const qs = require('querystring');
const cases = [
  ['a=1&b=2&a=3&a=4'],
  ['a+b=c+d&e=%20%2B%zz&f=%'],
  ['=&=x&y=&z&&'],
  ['a==b=c'],
  ['a:1;b:2', ';', ':'],
  ['a1b2c', 1, 2],
  ['x=1&&&y=2&&z', '&&'],
  ['aab=1', 'ab'],
  ['x=aab=1&y', null, 'ab'],
  ['k%41%42=€%zz'],
  ['k%41%4=€%zz'],
  ['a=%E0%A4%A&b=%ED%A0%80&c=%C3&d=%F0%9F%98%80'],
  ['a=€%41%zz&b=€+%zz&c=%41€'],
  ['__proto__=1&toString=2&constructor=3'],
  ['&&a=1&b=2&c=3', null, null, { maxKeys: 2 }],
  ['a=1&&&b=2&c=3', null, null, { maxKeys: 2 }],
  ['a&b&c&d', null, null, { maxKeys: 2.5 }],
  ['a&b&c&d', null, null, { maxKeys: 0 }],
  ['a&b&c&d', null, null, { maxKeys: -1 }],
  ['a&b&c&d', null, null, { maxKeys: '1' }],
  ['a+b=c+d&e', null, null, { decodeURIComponent: (s) => s }],
  ['a=b&=', null, null, { decodeURIComponent: (s) => s.toUpperCase() }],
  ['a=%41&b=c', null, null, { decodeURIComponent: (s) => { if (s === '%41') throw new Error('x'); return s; } }],
  ['ab=c&d', []],
  ['ab=c&d', null, []],
  ['&&', null, []],
  [123],
  [''],
];
for (const args of cases) {
  const shown = args.map((a) => (typeof a === 'function' ? 'fn' : a));
  console.log(JSON.stringify(shown, (k, v) => (typeof v === 'function' ? 'fn' : v)), '=>',
              qs.parse(...args));
}
console.log(Object.getPrototypeOf(qs.parse('a=1')), qs.decode === qs.parse);
let many = '';
for (let i = 0; i < 1100; i++) many += `k${i}=${i}&`;
console.log(Object.keys(qs.parse(many)).length, Object.keys(qs.parse(many, null, null, { maxKeys: 0 })).length);
