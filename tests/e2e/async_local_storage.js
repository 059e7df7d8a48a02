// AsyncLocalStorage follows the context through ticks, timers, immediates, promises and fs
// callbacks (sorted at exit: the order of timers against the pool is not the point here).
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const seen = [];
const log = (label) => seen.push(`${label} ${JSON.stringify(als.getStore())} ${other.getStore()}`);
process.on('exit', () => console.log(seen.sort().join('\n')));
als.run({ id: 1 }, () => {
  log('sync');
  process.nextTick(() => log('nextTick'));
  setTimeout(() => log('timeout'), 1);
  setImmediate(() => log('immediate'));
  Promise.resolve().then(() => log('then'));
  queueMicrotask(() => log('microtask'));
  fs.readFile(__filename, () => log('readFile'));
  fs.stat(__filename, () => log('stat'));
  (async () => {
    await new Promise((r) => setTimeout(r, 5));
    log('after await timeout');
  })();
  other.run('inner', () => setTimeout(() => log('nested'), 2));
  const res = new AsyncResource('X');
  als.run({ id: 2 }, () => res.runInAsyncScope(() => log('resource')));
  const bound = AsyncLocalStorage.bind(() => log('bound'));
  als.exit(() => {
    log('exit');
    bound();
  });
  const snap = AsyncLocalStorage.snapshot();
  setTimeout(() => als.run({ id: 3 }, () => snap(() => log('snapshot'))), 3);
  const iv = setInterval(() => {
    log('interval');
    clearInterval(iv);
  }, 1);
});
log('outside');
als.enterWith({ id: 9 });
setTimeout(() => log('after enterWith'), 4);
const es = new AsyncLocalStorage();
es.run(1, () => {
  es.disable();
  log(`disabled ${es.getStore()}`);
});
