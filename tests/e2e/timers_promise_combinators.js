const wait = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
(async () => {
  console.log(await Promise.all([wait(10, 'a'), wait(5, 'b'), 'c']));
  console.log(await Promise.allSettled([wait(5, 'ok'), wait(1, 'bad', true)]));
  console.log(await Promise.race([wait(10, 'slow'), wait(2, 'fast')]));
  console.log(await Promise.any([wait(1, 'x', true), wait(5, 'y')]));
  try { await Promise.any([wait(1, 'p', true), wait(2, 'q', true)]); } catch (e) { console.log(e.name, e.message, e.errors.map((x) => x.message)); }
  setImmediate(() => console.log('immediate during await chain'));
  await null;
  console.log('after await null');
  await wait(1);
  console.log('after timer await');
})();
process.nextTick(() => console.log('tick before any promise settles'));
