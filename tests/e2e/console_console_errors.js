const { Console } = require('console');
const sink = { write() {} };
const attempts = [
  () => new Console(),
  () => new Console({}),
  () => new Console(sink, {}),
  () => new Console({ stdout: sink, colorMode: 'sometimes' }),
  () => new Console({ stdout: sink, groupIndentation: 2000 }),
  () => new Console({ stdout: sink, groupIndentation: 1.5 }),
  () => new Console({ stdout: sink, inspectOptions: { colors: true }, colorMode: true }),
  () => new Console({ stdout: sink, inspectOptions: 5 }),
];
for (const f of attempts) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name} [${e.code}]: ${e.message}`);
  }
}
console.log(typeof Console(sink).log);
