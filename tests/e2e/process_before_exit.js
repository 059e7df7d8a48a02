let n = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, ++n);
  if (n < 3) Promise.resolve().then(() => console.log('scheduled from beforeExit', n));
});
process.on('exit', (code) => console.log('exit', code));
console.log('main done');
