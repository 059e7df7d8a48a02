const bad = { toString() { throw new Error('bad toString'); } };
console.log('inspect is fine:', bad);
try {
  console.log('%s', bad);
} catch (e) {
  console.log('format threw:', e.message);
}
console.log(String('%s') + ' done');
