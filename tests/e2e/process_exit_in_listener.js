process.on('exit', (code) => {
  console.log('exit', code);
  process.exitCode = 9;
});
process.on('beforeExit', (code) => console.log('beforeExit', code));
console.log('main');
