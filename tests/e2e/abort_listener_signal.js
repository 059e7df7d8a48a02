// The `signal` option of addEventListener, events.addAbortListener and the listeners an
// AbortSignal ends up holding.
const { getEventListeners, addAbortListener } = require('events');

const ac = new AbortController();
const et = new EventTarget();
et.addEventListener('y', () => console.log('y listener'), { signal: ac.signal });
console.log('target', getEventListeners(et, 'y').length, 'signal', getEventListeners(ac.signal, 'abort').length);
et.dispatchEvent(new Event('y'));
ac.signal.onabort = () => console.log('onabort');
console.log(getEventListeners(ac.signal, 'abort'));
ac.abort();
console.log('after abort', getEventListeners(et, 'y').length);
et.dispatchEvent(new Event('y'));

// already aborted: the listener is never added
et.addEventListener('z', () => console.log('never'), { signal: AbortSignal.abort() });
console.log('aborted signal', getEventListeners(et, 'z').length);

// onabort keeps its position among listeners when reassigned
const ac2 = new AbortController();
ac2.signal.onabort = 5;
console.log(ac2.signal.onabort, getEventListeners(ac2.signal, 'abort').length);
ac2.signal.onabort = null;
console.log(ac2.signal.onabort, getEventListeners(ac2.signal, 'abort').length);
ac2.signal.addEventListener('abort', () => console.log('added listener'));
ac2.signal.onabort = () => console.log('onabort (set last, runs first)');
ac2.abort();

// events.addAbortListener
const ac3 = new AbortController();
const disposable = addAbortListener(ac3.signal, (e) => console.log('abort listener', e.type));
console.log(typeof disposable[Symbol.dispose]);
ac3.abort();
const ac4 = new AbortController();
addAbortListener(ac4.signal, () => console.log('never')) [Symbol.dispose]();
ac4.abort();
addAbortListener(AbortSignal.abort(), () => console.log('already aborted: called on next tick'));
console.log('sync end');
try {
  addAbortListener({}, () => {});
} catch (err) {
  console.log(err.code, err.message);
}
