// Event / CustomEvent objects: properties, constants, descriptors, inspect output and
// argument errors (timeStamp is masked since it varies).
const util = require('util');
const mask = (s) => s.replace(/timeStamp: [\d.e+-]+/g, 'timeStamp: <n>');

const e = new Event('foo');
console.log(e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented);
console.log(e.target, e.currentTarget, e.srcElement, e.eventPhase, e.returnValue, e.cancelBubble);
console.log(e.isTrusted, typeof e.timeStamp, e.timeStamp >= 0, e.composedPath());
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, e.AT_TARGET);
console.log(Object.keys(e), JSON.stringify(e));
console.log(Object.prototype.toString.call(e), String(new CustomEvent('x')));
console.log(mask(util.inspect(e)));
console.log(util.inspect(e, { depth: -1 }), util.inspect({ a: { b: { c: e } } }));
console.log(mask(util.inspect({ nested: e })));
console.log(Event.length, CustomEvent.length);
console.log(Object.getOwnPropertyNames(Event.prototype).join());
const isTrustedDesc = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
console.log(typeof isTrustedDesc.get, isTrustedDesc.enumerable, isTrustedDesc.configurable);
console.log(Object.getOwnPropertyDescriptor(Event, 'AT_TARGET'));

const opts = new Event('bar', { bubbles: true, cancelable: 1, composed: 'yes' });
console.log(opts.bubbles, opts.cancelable, opts.composed);
console.log(new Event('n', null).type, new Event(undefined).type, new Event(42).type);

// flags
const f = new Event('f', { cancelable: true });
f.preventDefault();
console.log('prevented', f.defaultPrevented, f.returnValue);
const g = new Event('g');
g.cancelBubble = true;
g.cancelBubble = false;
console.log('cancelBubble sticks', g.cancelBubble);
const h = new Event('h');
h.stopImmediatePropagation();
console.log('stopImmediate sets cancelBubble', h.cancelBubble);
const i = new Event('i', { cancelable: true });
i.initEvent('j', true, false);
console.log('initEvent', i.type, i.bubbles, i.cancelable);

// CustomEvent
const ce = new CustomEvent('c', { detail: { x: 1 } });
console.log(ce.detail, new CustomEvent('c').detail, new CustomEvent('c', { detail: 0 }).detail);
console.log(ce instanceof Event, Object.getOwnPropertyNames(CustomEvent.prototype));
console.log(mask(util.inspect(ce)));

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
attempt('no type', () => new Event());
attempt('custom no type', () => new CustomEvent());
attempt('bad options', () => new Event('x', 5));
attempt('symbol type', () => new Event(Symbol('s')));
attempt('type getter', () => Event.prototype.type);
attempt('preventDefault this', () => Event.prototype.preventDefault.call({}));
attempt('detail this', () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call(new Event('x')));
attempt('initEvent no args', () => new Event('x').initEvent());
