console.log('sync start');
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => console.log('promise 1'));
queueMicrotask(() => console.log('microtask 1'));
process.nextTick((a, b) => {
  console.log('tick 2', a, b);
  process.nextTick(() => console.log('tick inside tick'));
  Promise.resolve().then(() => console.log('promise inside tick'));
}, 'x', 'y');
Promise.resolve().then(() => {
  console.log('promise 2');
  process.nextTick(() => console.log('tick inside promise'));
});
console.log('sync end');
try { process.nextTick(5); } catch (e) { console.log(e.code, e.message); }
try { queueMicrotask('x'); } catch (e) { console.log(e.code, e.message); }
