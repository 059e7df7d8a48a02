process.on('exit', (code) => {
  console.log('exit event', code, process.exitCode);
});
process.exitCode = 3;
console.log('set exitCode');
