// AbortController / AbortSignal basics: default reason, single trusted 'abort' event, onabort,
// throwIfAborted, inspect output, illegal constructor.
const util = require('util');

const ac = new AbortController();
const { signal } = ac;
console.log(ac, signal);
console.log(signal.aborted, signal.reason, signal.onabort, signal instanceof EventTarget);
console.log(Object.prototype.toString.call(ac), Object.prototype.toString.call(signal));
signal.throwIfAborted();

signal.onabort = function (ev) {
  console.log('onabort', this === signal, ev.type, ev.isTrusted, ev.constructor.name, signal.aborted);
};
signal.addEventListener('abort', (ev) => console.log('listener', ev.eventPhase, ev.target === signal));
ac.abort();
ac.abort('second call is ignored');
console.log(signal.aborted, signal.reason instanceof DOMException, signal.reason.name,
            signal.reason.message, signal.reason.code);
console.log(ac, signal);
try {
  signal.throwIfAborted();
} catch (err) {
  console.log('throwIfAborted threw reason', err === signal.reason);
}

const custom = new AbortController();
custom.abort({ why: 'custom' });
console.log(custom.signal.reason);
const undef = new AbortController();
undef.abort(undefined);
console.log('undefined reason becomes', undef.signal.reason.name);
const falsy = new AbortController();
falsy.abort(0);
console.log('zero reason', falsy.signal.reason);

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('new AbortSignal', () => new AbortSignal());
attempt('aborted getter', () => AbortSignal.prototype.aborted);
attempt('throwIfAborted this', () => AbortSignal.prototype.throwIfAborted.call({}));
attempt('onabort this', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort').get.call({}));

console.log(Object.getOwnPropertyNames(AbortSignal.prototype), Object.getOwnPropertyNames(AbortSignal));
console.log(Object.getOwnPropertyNames(AbortController.prototype), Object.keys(ac), Object.keys(signal));
console.log(AbortSignal.length, AbortController.length, util.inspect(signal, { depth: -1 }));
