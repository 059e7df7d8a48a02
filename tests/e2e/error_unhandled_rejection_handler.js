process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled:', reason, promise);
});
Promise.reject(7);
Promise.reject(new Error('second'));
const p = Promise.reject(1);
p.catch(() => console.log('handled in time'));
console.log('sync done');
