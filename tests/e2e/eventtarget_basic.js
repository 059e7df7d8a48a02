// EventTarget: add/remove, duplicates, capture flag, once, handleEvent objects, `this`,
// dispatchEvent's return value.
const { getEventListeners } = require('events');

const et = new EventTarget();
const calls = [];
function a(ev) { calls.push(['a', this === et, ev.type]); }
function b(ev) { calls.push(['b', ev.target === et]); }
et.addEventListener('foo', a);
et.addEventListener('foo', a); // duplicate: ignored
et.addEventListener('foo', a, true); // different capture flag: kept
et.addEventListener('foo', a, { capture: true }); // duplicate of the previous one
et.addEventListener('foo', b, { once: true });
console.log('listeners', getEventListeners(et, 'foo').length);
console.log('dispatch', et.dispatchEvent(new Event('foo')));
console.log(calls);
console.log('after once', getEventListeners(et, 'foo').length);

et.removeEventListener('foo', a);
console.log('removed bubble', getEventListeners(et, 'foo').length);
et.removeEventListener('foo', a, { capture: true });
console.log('removed capture', getEventListeners(et, 'foo').length);
et.removeEventListener('foo', a); // not registered: no-op
et.removeEventListener('foo', null); // ignored

const obj = {
  handleEvent(ev) { console.log('handleEvent', this === obj, ev.type); },
};
et.addEventListener('bar', obj);
et.dispatchEvent(new Event('bar'));
// handleEvent is looked up at dispatch time
const late = {};
et.addEventListener('late', late);
late.handleEvent = (ev) => console.log('late handleEvent', ev.type);
et.dispatchEvent(new Event('late'));

// preventDefault only counts for cancelable events
et.addEventListener('p', (ev) => ev.preventDefault());
const notCancelable = new Event('p');
console.log('not cancelable', et.dispatchEvent(notCancelable), notCancelable.defaultPrevented);
const cancelable = new Event('p', { cancelable: true });
console.log('cancelable', et.dispatchEvent(cancelable), cancelable.defaultPrevented, cancelable.returnValue);

// passive listeners still run
et.addEventListener('q', () => console.log('passive listener'), { passive: true });
et.dispatchEvent(new Event('q'));

// types are strings
et.addEventListener(5, () => console.log('numeric type'));
et.dispatchEvent(new Event('5'));
console.log(getEventListeners(et, '5').length, getEventListeners(et, 5).length);
console.log('nothing registered', et.dispatchEvent(new Event('none')), getEventListeners(et, 'none'));

class MyTarget extends EventTarget {
  constructor() { super(); this.hits = 0; }
}
const mine = new MyTarget();
mine.addEventListener('x', function () { this.hits++; });
mine.dispatchEvent(new Event('x'));
mine.dispatchEvent(new Event('x'));
console.log('subclass', mine.hits, mine instanceof EventTarget);
