const err = new Error('outer');
Object.defineProperty(err, 'stack', { get() { throw new Error('stack getter failed'); } });
try {
  console.log(err);
} catch (e) {
  console.log('console.log threw:', e.message);
}
throw err;
