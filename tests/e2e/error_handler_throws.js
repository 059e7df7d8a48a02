process.on('uncaughtException', () => {
  throw new Error('handler failed');
});
throw new Error('first');
