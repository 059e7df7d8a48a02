// Node-API: a C addon (napi/addon.c), built here with the system C compiler, loaded through
// require() and exercised: values, strings, objects, classes with wrap, errors, buffers,
// promises, async work on the pool and a thread-safe function fed from another thread.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'napi-addon-'));
const file = path.join(dir, 'addon.node');
execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', file, path.join(__dirname, 'napi', 'addon.c'), '-lpthread']);
const addon = require(file);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

console.log('exports:', Object.keys(addon).sort().join(','));
console.log('same module again:', require(file) === addon);

// values
console.log('add:', addon.add(2, 3.5));
console.log('numbers:', addon.numbers(-1), addon.numbers(2 ** 32 + 5), addon.numbers(NaN), addon.numbers(1e20));
console.log('typeOf:', [undefined, null, true, 1, 's', Symbol('x'), {}, () => {}, 1n].map(addon.typeOf).join(' '));
console.log('strings:', addon.strings('héllo wörld'));
console.log('bigints:', addon.bigints(2n ** 70n), addon.bigints(-5n));
const sym = addon.makeSymbol();
console.log('symbol:', typeof sym, sym.toString());

// objects
const input = { a: 1, b: 'bee', [Symbol('s')]: 2 };
Object.defineProperty(input, 'hiddenKey', { value: 1, enumerable: false });
const made = addon.objects(input);
console.log('objects:', made, Object.keys(made), made.hidden, made.computed, Object.isFrozen(made));
console.log('input after:', input);
console.log('tags:', addon.tags({}));

// functions
console.log('callWith:', addon.callWith(function (x) { return `${this.name}:${x}`; }, { name: 'me' }, 42));
const triple = addon.makeMultiplier(3);
console.log('multiplier:', triple.name, triple(14));
console.log('construct:', addon.construct(Date, 0).toISOString(), addon.construct(Array, 3).length);

// a class with a wrapped native object
const { Counter } = addon;
const c = new Counter(10);
c.increment();
c.increment(5);
console.log('counter:', c.value, c instanceof Counter, Counter.name, Counter.kind());
c.value = 100;
console.log('counter set:', c.increment(), Object.keys(Counter.prototype));
try {
  Counter(1);
} catch (e) {
  console.log('call without new:', e.name, e.code, e.message);
}
try {
  Counter.prototype.increment.call({});
} catch (e) {
  console.log('foreign receiver:', e.name, e.message);
}
class Sub extends Counter {
  twice() { this.increment(); return this.increment(); }
}
const s = new Sub(1);
console.log('subclass:', s.twice(), s instanceof Counter);
const u = new Counter(3);
console.log('remove_wrap:', u.unwrap());

// errors
for (const kind of ['error', 'type', 'range', 'value']) {
  try {
    addon.throwKind(kind);
  } catch (e) {
    console.log('thrown:', typeof e === 'object' ? [e.constructor.name, e.code, e.message] : e);
  }
}
const madeErr = addon.throwKind('create');
console.log('created error:', madeErr instanceof Error, madeErr.code, madeErr.message);
const caught = addon.catchCall(() => { throw new RangeError('from js'); });
console.log('catchCall:', caught.pending, caught.status, caught.isError, caught.exception.message);
console.log('badArgs:', addon.badArgs());

// binary data
const mine = Buffer.from('Shout');
const bufs = addon.buffers(mine);
console.log('buffers:', Buffer.isBuffer(bufs.created), bufs.created.toString(), bufs.copy.toString(),
  bufs.external.toString(), Buffer.isBuffer(bufs.external), mine.toString(), bufs.inputIsBuffer);
console.log('typed:', bufs.int32s, bufs.typedInfo, bufs.view.getUint8(0), bufs.view.byteLength);
console.log('misaligned:', bufs.misaligned.name, bufs.misaligned.code, bufs.misaligned.message);

// misc
console.log('misc:', addon.misc());
const obj = { k: 1 };
const refs = addon.references(obj);
console.log('references:', refs[0], refs[1], refs[2] === obj);

// promises, async work, thread-safe function
(async () => {
  console.log('promise resolved:', await addon.promiseNow(true, 'yes'));
  try {
    await addon.promiseNow(false, new Error('no'));
  } catch (e) {
    console.log('promise rejected:', e.message);
  }
  const sums = await Promise.all([addon.sumAsync(100), addon.sumAsync(1e6), addon.sumAsync(0)]);
  console.log('async work:', sums);
  const ticks = [];
  await new Promise((resolve) => {
    globalThis.tickerDone = resolve;
    addon.startTicker(50, (n) => ticks.push(n));
  });
  console.log('tsfn ticks:', ticks.length, ticks[0], ticks[49], ticks.every((n, i) => n === i + 1));
  for (let i = 0; i < 4; i++) new Counter(i);
  console.log('finalized so far is a number:', typeof addon.finalizedCounters());
})();
