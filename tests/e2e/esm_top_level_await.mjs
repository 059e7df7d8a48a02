console.log('before');
const value = await new Promise((resolve) => setTimeout(() => resolve('resolved later'), 5));
console.log(value);
const results = await Promise.all([1, Promise.resolve(2), new Promise((r) => setImmediate(() => r(3)))]);
console.log(results);
process.on('exit', (code) => console.log('exit', code));
