setTimeout(() => {
  console.log('outer');
  setImmediate(() => console.log('immediate from timeout'));
  setTimeout(() => console.log('timeout from timeout'), 0);
  Promise.resolve().then(() => console.log('microtask after outer'));
}, 1);
