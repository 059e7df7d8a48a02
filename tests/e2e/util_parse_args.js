// util.parseArgs: option kinds, short groups, values, defaults, validation and strict-mode errors.
const { parseArgs } = require('util');
const cases = [
  { args: ['-f', '--bar', 'b'], options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' } } },
  { args: ['-abc', 'x'], options: { a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'string' } }, tokens: true },
  { args: ['-abcval', '-cv2', '--c=v3', '--c', '-x'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'string', short: 'c', multiple: true } }, tokens: true },
  { args: ['-1'], options: {} },
  { args: ['-1'], options: {}, strict: false },
  { args: ['--n', '-1'], options: { n: { type: 'string' } } },
  { args: ['-n', '-1'], options: { n: { type: 'string', short: 'n' } } },
  { args: ['-n', '--x'], options: { n: { type: 'string', short: 'n' } } },
  { args: ['--n'], options: { n: { type: 'string', short: 'n' } } },
  { args: ['-n'], options: { n: { type: 'string', short: 'n' } } },
  { args: ['--b=1'], options: { b: { type: 'boolean', short: 'x' } } },
  { args: ['--b=1'], options: { b: { type: 'boolean' } } },
  { args: ['--unknown'], options: {} },
  { args: ['-u'], options: {}, allowPositionals: true },
  { args: ['pos'], options: {} },
  { args: ['--', '--x', '-y'], options: {}, allowPositionals: true, tokens: true },
  { args: ['--x=1', '--y', 'z', '-abc', '--__proto__', '-', '--'], strict: false, tokens: true },
  { args: [], options: { s: { type: 'string', default: 'd' }, m: { type: 'string', multiple: true, default: ['a'] }, b: { type: 'boolean', default: false } } },
  { args: ['--m', 'x'], options: { m: { type: 'string', multiple: true, default: ['a'] } } },
  { args: ['--no-color', '--color'], options: { color: { type: 'boolean' } }, allowNegative: true, tokens: true },
  { args: ['--no-color'], options: { color: { type: 'boolean' } } },
  { args: ['--no-color=1'], options: { color: { type: 'boolean' } }, allowNegative: true },
  { args: ['--no-s'], options: { s: { type: 'string' } }, allowNegative: true },
  { args: ['-'], options: {} , allowPositionals: true},
  { args: ['---x'], options: {} , strict: false, tokens: true},
  { args: ['--=x'], options: {} , strict: false, tokens: true},
  { args: ['-=x'], options: {} , strict: false, tokens: true},
  { args: ['-f=x'], options: {f: {type: 'string', short: 'f'}}, tokens: true},
  { args: ['-ab'], options: {a: {type: 'string', short: 'a'}}, tokens: true},
  { args: ['-ba'], options: {a: {type: 'string', short: 'a'}, b: {type:'boolean', short: 'b'}}, tokens: true},
  { args: ['-ba', 'v'], options: {a: {type: 'string', short: 'a'}, b: {type:'boolean', short: 'b'}}, tokens: true},
  { args: ['-ba', '-v'], options: {a: {type: 'string', short: 'a'}, b: {type:'boolean', short: 'b'}}},
  { args: ['--s', 'a', '--s', 'b'], options: {s: {type: 'string'}}},
  { args: 'x' },
  { args: ['x'], options: { a: { type: 'number' } } },
  { args: ['x'], options: { a: { type: 'string', short: 'ab' } } },
  { args: ['x'], options: { a: { type: 'string', short: 5 } } },
  { args: ['x'], options: { a: { type: 'string', default: 5 } } },
  { args: ['x'], options: { a: { type: 'string', multiple: true, default: 'x' } } },
  { args: ['x'], options: { a: { type: 'boolean', multiple: true, default: [1] } } },
  { args: ['x'], options: { a: { type: 'boolean', multiple: 1 } } },
  { args: ['x'], options: { a: 5 } },
  { args: ['x'], options: 5 },
  { args: ['x'], strict: 1 },
  { args: ['x'], tokens: 1 },
  { args: ['x'], allowPositionals: 1 },
  { args: [5], strict: false },
  { args: ['--foo', 'x'], options: {foo: {type: 'string', short: 'f', default: undefined}}},
  { args: ['-f'], options: {foo: {type: 'boolean', short: 'f', multiple: true}}, tokens: true},
  { args: ['-ff', '--foo'], options: {foo: {type: 'boolean', short: 'f', multiple: true}}},
];
for (const c of cases) {
  try {
    console.log(require('util').inspect(parseArgs(c), { depth: 4, breakLength: 200 }));
  } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
}
try { parseArgs(null); } catch (e) { console.log(e.name, e.message); }
console.log(parseArgs(5));
console.log(parseArgs());
