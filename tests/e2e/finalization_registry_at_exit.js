// A FinalizationRegistry cleanup that the last gc() scheduled still runs before the process
// exits, then 'beforeExit' and 'exit'.
const registry = new FinalizationRegistry((held) => console.log('finalized', held));
(function register() { registry.register({}, 'object'); })();
process.on('beforeExit', () => console.log('beforeExit'));
process.on('exit', () => console.log('exit'));
globalThis.gc();
console.log('end of script');
