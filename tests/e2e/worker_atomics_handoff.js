// Two workers hand a counter back and forth through a SharedArrayBuffer with Atomics.wait and
// Atomics.notify: each waits for its turn, increments, and wakes the other.
const { Worker, isMainThread, workerData } = require('worker_threads');
const ROUNDS = 1000;

if (isMainThread) {
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);  // [turn, counter]
  const codes = [];
  let exited = 0;
  for (const me of [0, 1]) {
    const w = new Worker(__filename, { workerData: { shared, me } });
    w.on('exit', (code) => {
      // The two end at nearly the same moment, in either order.
      codes[me] = code;
      if (++exited === 2) {
        console.log('exit codes', codes);
        console.log('counter', Atomics.load(state, 1), 'turn', Atomics.load(state, 0));
      }
    });
  }
} else {
  const { shared, me } = workerData;
  const state = new Int32Array(shared);
  for (let i = 0; i < ROUNDS; i++) {
    while (Atomics.load(state, 0) !== me) Atomics.wait(state, 0, 1 - me, 1000);
    Atomics.add(state, 1, 1);
    Atomics.store(state, 0, 1 - me);
    Atomics.notify(state, 0);
  }
}
