process.on('exit', (code) => {
  console.log('exit listener', code);
});
console.log('main');
null.boom;
