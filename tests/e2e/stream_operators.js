'use strict';
// Readable operators: map with concurrency (results in source order, at most N calls at once),
// highWaterMark, an AbortSignal reaching the mapper, the promise operators, and their errors.
const { Readable } = require('stream');

function gate() {
  let open;
  const promise = new Promise((resolve) => { open = resolve; });
  return { promise, open };
}

async function main() {
  // Items finish in reverse order; results still come out in source order.
  const gates = [gate(), gate(), gate(), gate()];
  const log = [];
  let running = 0;
  let maxRunning = 0;
  const mapped = Readable.from([0, 1, 2, 3]).map(async (i) => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    log.push(`start ${i}`);
    await gates[i].promise;
    running--;
    log.push(`end ${i}`);
    return i * 10;
  }, { concurrency: 2 });
  const done = mapped.toArray();
  setImmediate(() => { gates[1].open(); setImmediate(() => { gates[0].open(); gates[3].open(); setImmediate(() => gates[2].open()); }); });
  console.log('map', await done, 'max running', maxRunning);
  console.log(log.join(', '));

  console.log('filter', await Readable.from([1, 2, 3, 4, 5, 6]).filter(async (x) => x % 2 === 0, { concurrency: 3 }).toArray());
  console.log('flatMap', await Readable.from(['a', 'b']).flatMap((x) => [x, x.toUpperCase()]).toArray());
  console.log('drop/take', await Readable.from([1, 2, 3, 4, 5]).drop(1).take(3).toArray());
  console.log('asIndexedPairs', await Readable.from(['x', 'y']).asIndexedPairs().toArray());
  console.log('reduce', await Readable.from([1, 2, 3, 4]).reduce((sum, x) => sum + x, 0));
  console.log('some', await Readable.from([1, 2, 3]).some((x) => x > 2));
  console.log('every', await Readable.from([1, 2, 3]).every((x) => x > 2));
  console.log('find', await Readable.from([1, 2, 3]).find((x) => x > 1));
  let sum = 0;
  await Readable.from([1, 2, 3]).forEach((x) => { sum += x; }, { concurrency: 2 });
  console.log('forEach', sum);

  // The signal aborts the operator and reaches the mapper.
  const ac = new AbortController();
  const seen = [];
  const aborted = Readable.from([1, 2, 3]).map(async (x, { signal }) => {
    seen.push(x);
    await new Promise((resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  }, { signal: ac.signal, concurrency: 2 }).toArray();
  setImmediate(() => ac.abort());
  try {
    await aborted;
  } catch (err) {
    console.log('aborted:', err.name, 'mapper saw', seen);
  }
  try {
    await Readable.from([1, 2]).take(1, { signal: AbortSignal.abort() }).toArray();
  } catch (err) {
    console.log('pre-aborted:', err.name);
  }

  // Validation as Node does it: synchronous for stream operators, rejections for promise ones.
  for (const [what, fn] of [
    ['map(1)', () => Readable.from([]).map(1)],
    ['concurrency 0', () => Readable.from([]).map((x) => x, { concurrency: 0 })],
    ['highWaterMark -1', () => Readable.from([]).map((x) => x, { highWaterMark: -1 })],
    ['signal true', () => Readable.from([]).filter((x) => x, { signal: true })],
    ['take(-1)', () => Readable.from([]).take(-1)],
  ]) {
    try {
      fn();
    } catch (err) {
      console.log(what, '->', err.code, err.message);
    }
  }
  await Readable.from([]).reduce((a, b) => a + b).catch((err) => console.log('empty reduce ->', err.code, err.message));
  await Readable.from([]).forEach('nope').catch((err) => console.log('forEach ->', err.code));
}

process.on('warning', (w) => console.log('warning:', w.name, w.message));
main();
