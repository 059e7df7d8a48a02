// A worker that allocates past its resourceLimits ends with ERR_WORKER_OUT_OF_MEMORY and exit
// code 1; the process itself carries on.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const keep = [];
  for (;;) keep.push({ a: [1, 2, 3], s: 'x'.repeat(32) + keep.length });
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb } = w.resourceLimits;
console.log('limits while running', { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb });
w.on('error', (e) => console.log('error', e.code, e.message));
w.on('exit', (code) => {
  console.log('exit', code, w.resourceLimits);
  setTimeout(() => console.log('main thread still alive'), 30);
});
