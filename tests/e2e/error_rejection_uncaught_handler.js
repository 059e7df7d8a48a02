process.on('uncaughtException', (err, origin) => {
  console.log('uncaughtException', err.message, origin);
});
Promise.reject(new Error('from promise'));
