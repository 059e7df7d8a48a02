// util.parseArgs: tokens, negative numbers, allowNegative, '--', own-property config.
const { parseArgs, inspect } = require('util');
const cases = [
  { args: ['-abcval', '-cv2', '--c=v3', '--c', 'v4', '-c', 'v5'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'string', short: 'c', multiple: true } }, tokens: true },
  { args: ['pos', '--unknown'] },
  { args: ['--unknown', 'pos'] },
  { args: ['--s', '--unknown'], options: {s: {type:'string'}} },
  { args: ['--no-color'], options: { color: { type: 'boolean' } }, allowNegative: true, tokens: true },
  { args: ['--no-xyz', '--no-s', 'v'], options: { s: { type: 'string' } }, allowNegative: true, strict: false, tokens: true },
  { args: ['--no-xyz', '--no-s=v'], allowNegative: true, strict: false, tokens: true },
  { args: ['--no-c'], options: { c: { type: 'boolean', multiple: true, short: 'c' } }, allowNegative: true },
  { args: ['--no-c=1'], options: { c: { type: 'boolean', multiple: true, short: 'c' } }, allowNegative: true },
  { args: ['--no-'], options: { '': { type: 'boolean' } }, allowNegative: true, strict: false },
  { args: ['--a=', '--b=c=d'], strict: false },
  { args: ['--a='], options: {a: {type: 'string'}}, tokens: true },
  { args: ['-a='], options: {a: {type: 'string', short: 'a'}}, tokens: true },
  { args: ['--a', ''], options: {a: {type: 'string'}}, tokens: true },
  { args: ['-a', '-'], options: {a: {type: 'string', short: 'a'}}, tokens: true },
  { args: ['--toString', '--hasOwnProperty'], strict: false },
  { args: ['--toString'] },
  { args: ['--constructor'], options: {} },
  { args: ['--__proto__'], options: {__proto__: null, ['__proto__']: {type: 'boolean'}} },
  { args: ['-x', '-y'], options: {xx: {type: 'boolean', short: 'x'}, y: {type: 'boolean'} } },
  { args: ['-abc'], options: {}, strict: false, tokens: true },
  { args: ['-ab', '-c'], options: {a: {type: 'boolean', short: 'a'}, b: {type: 'string', short: 'b'}}, strict: false, tokens: true },
  { args: ['--foo', '-1', '-2'], options: {foo: {type: 'string'}}, strict: false },
  { args: ['-5', '-3.5'], strict: false, tokens: true },
  { args: ['--bool', 'x', '--str'], options: { bool: {type: 'boolean'}, str: {type: 'string'} }, strict: false },
  { args: ['--str'], options: { str: {type: 'string'} }, strict: false, tokens: true },
  { args: ['--bool=x'], options: { bool: {type: 'boolean'} }, strict: false, tokens: true },
  { args: ['--m', '--m=1', '--m'], options: { m: {type: 'string', multiple: true} }, strict: false },
  { args: ['x', 'y'], allowPositionals: true, strict: true },
  { args: ['x'], options: { a: { type: 'string', short: '' } } },
  { args: ['x'], options: { a: { } } },
  { args: ['x'], options: { a: { type: 'string', default: null } } },
  { args: ['x'], options: { a: { type: 'string', multiple: true, default: ['a', 2] } } },
  { args: ['x'], options: { a: { type: 'boolean', default: 'x' } } },
  { args: ['x'], options: { a: { type: 'boolean', multiple: true, default: true } } },
  { args: ['x'], options: [] },
  { args: ['x'], options: null },
  { args: ['x'], allowNegative: 1 },
  { args: ['--b'], options: { b: { type: 'boolean', default: true } }, tokens: true, allowNegative: true },
  Object.create({ args: ['x'] }),
];
for (const c of cases) {
  try {
    console.log(inspect(parseArgs(c), { depth: 4, breakLength: 200 }));
  } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
}
const cases2 = [
  { args: ['--no-xyz=1'], allowNegative: true, strict: false, tokens: true },
  { args: ['--no-c=1'], options: { c: { type: 'boolean' } }, allowNegative: true, strict: false, tokens: true },
  { args: ['--no-s=v'], options: { s: { type: 'string' } }, allowNegative: true, tokens: true },
  { args: ['--no-s', 'v'], options: { s: { type: 'string' } }, allowNegative: true, tokens: true },
  { args: ['--no-no-c'], options: { 'no-c': { type: 'boolean' } }, allowNegative: true, tokens: true },
  { args: ['--no-c'], options: { 'no-c': { type: 'boolean' } }, allowNegative: true, tokens: true },
  { args: ['--no-c'], options: { 'no-c': { type: 'string' } }, allowNegative: true, tokens: true },
  { args: ['--no-c', 'x'], options: { 'no-c': { type: 'string' } }, allowNegative: false, tokens: true },
  { args: ['--no-c=x'], options: { 'no-c': { type: 'string' }, c: {type: 'boolean'} }, allowNegative: true, tokens: true },
  { args: ['--no-c'], options: { c: { type: 'boolean' } }, allowNegative: true, strict: true, allowPositionals: true },
];
for (const c of cases2) {
  try {
    console.log(inspect(parseArgs(c), { depth: 4, breakLength: 200 }));
  } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
}
