process.on('exit', (code) => {
  console.log('exit listener 1', code);
});
process.on('exit', function (code) {
  console.log('exit listener 2', code, this === process);
});
console.log('before');
process.exit(4);
console.log('never printed');
