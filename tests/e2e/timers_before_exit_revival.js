let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('revived by timer', rounds), 5);
});
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('main timer'), 1);
