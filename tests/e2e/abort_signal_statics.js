// AbortSignal.abort / AbortSignal.timeout / AbortSignal.any, including argument validation and
// the order in which dependent signals fire.
const keepAlive = setInterval(() => {}, 1000);

const a1 = AbortSignal.abort();
console.log(a1.aborted, a1.reason.name, a1.reason.message, AbortSignal.abort('why').reason);

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
for (const bad of [undefined, -1, 1.5, 'x', 2 ** 32, NaN]) {
  attempt(`timeout(${String(bad)})`, () => AbortSignal.timeout(bad));
}
for (const bad of [undefined, 5, [5], [null], [undefined], {}, 'ab']) {
  attempt(`any(${require('util').inspect(bad)})`, () => AbortSignal.any(bad));
}

const a = new AbortController();
const b = new AbortController();
a.signal.addEventListener('abort', () => console.log('a listener 1'));
const any = AbortSignal.any([a.signal, b.signal]);
a.signal.addEventListener('abort', (e) => { console.log('a listener 2 stops'); e.stopImmediatePropagation(); });
any.addEventListener('abort', () => console.log('any aborted with', any.reason));
const anyOfAny = AbortSignal.any([any]);
anyOfAny.onabort = () => console.log('any-of-any aborted with', anyOfAny.reason);
console.log('before', any.aborted, anyOfAny.aborted);
a.abort('A');
b.abort('B');
console.log('after', any.reason, anyOfAny.reason);
console.log(AbortSignal.any([]).aborted);
console.log(AbortSignal.any([AbortSignal.abort('first'), AbortSignal.abort('second')]).reason);

const start = Date.now();
const t = AbortSignal.timeout(10);
console.log('timeout starts unaborted', t.aborted);
t.addEventListener('abort', (e) => {
  console.log('timeout fired', e.isTrusted, t.reason.name, t.reason.message, t.reason.code,
              Date.now() - start >= 5);
  const composite = AbortSignal.any([AbortSignal.timeout(5), new AbortController().signal]);
  composite.onabort = () => {
    console.log('composite of timeout', composite.reason.name);
    clearInterval(keepAlive);
  };
});
// An unref'd timeout signal does not keep the process alive by itself.
AbortSignal.timeout(100000).onabort = () => console.log('never');
