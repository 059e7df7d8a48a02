process.on('uncaughtException', (err, origin) => {
  console.log('caught:', err.message, origin);
});
process.on('exit', (code) => console.log('exit', code));
console.log('start');
throw new Error('oops');
