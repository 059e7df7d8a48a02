setImmediate(() => {
  setTimeout(() => console.log('timeout from immediate'), 0);
  setImmediate(() => console.log('immediate from immediate (next loop turn)'));
  process.nextTick(() => console.log('tick inside immediate'));
  console.log('immediate 1');
});
setImmediate(() => console.log('immediate 2 (same check phase)'));
