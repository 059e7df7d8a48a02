process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never runs'), 30);
setTimeout(() => {
  console.log('exiting with 3');
  process.exit(3);
}, 5);
