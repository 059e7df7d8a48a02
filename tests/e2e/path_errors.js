const path = require('path');
const calls = [
  () => path.join('a', 1),
  () => path.resolve('a', null),
  () => path.relative(1, 'a'),
  () => path.relative('a', undefined),
  () => path.basename({}),
  () => path.basename('a', 5),
  () => path.dirname(),
  () => path.extname(true),
  () => path.normalize(Symbol('s')),
  () => path.parse([]),
  () => path.format(null),
  () => path.format('str'),
  () => path.isAbsolute(42n),
  () => path.win32.join(function fn() {}),
  () => path.posix.resolve(new Map()),
];
for (const f of calls) {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(`${e.name} [${e.code}]: ${e.message}`);
  }
}
