// querystring.stringify: value conversion, arrays, custom sep/eq/encodeURIComponent.
const qs = require('querystring');
const cases = [
  [{ a: 1e21, b: NaN, c: 2n, d: true, e: null, f: undefined, g: {}, h: [], i: [1, 'x y'], j: -0, k: false }],
  [{ a: Infinity, b: -1.5, c: 1e-7, d: -1e21, e: 0.1 }],
  [{ 'a b': 'ü€😀', c: ['', ''], d: '' }, ';', ':'],
  [{ a: [1, [2], {}, null, 3n] }],
  [{ a: 'b' }, 0, 0],
  [{ a: 'b', c: 'd' }, 5, 6],
  [{ a: 1e21, b: NaN }, null, null, { encodeURIComponent: (s) => `<${s}>` }],
  [{ a: 'x' }, null, null, { encodeURIComponent: 5 }],
  [{ a: '', b: 'c' }, ';', [], { encodeURIComponent: () => '' }],
  [{ a: ['', ''], b: 'c' }, ';', [], { encodeURIComponent: () => '' }],
  [{ a: ['', ''], b: [], c: '' }, ';', [], { encodeURIComponent: () => '' }],
  ['abc'],
  [null],
  [[1, 2]],
  [function f() {}],
  [new Map([[1, 2]])],
  [Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } })],
  [{ [Symbol('s')]: 1, n: "!'()*-._~" }],
];
for (const args of cases) {
  try {
    console.log(JSON.stringify(qs.stringify(...args)));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
for (const bad of [{ a: '\ud800' }, { '\udc00': 'a' }, { a: ['ok', 'x\ud800'] }]) {
  try {
    qs.stringify(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message, e instanceof URIError);
  }
}
console.log(qs.encode === qs.stringify);
console.log(qs.parse(qs.stringify({ x: ['1', '2'], y: 'a&b=c' })));
