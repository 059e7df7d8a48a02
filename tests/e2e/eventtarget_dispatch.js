// Dispatch details: event state during and after dispatch, recursion errors, listeners
// added/removed while dispatching, stopImmediatePropagation.
const et = new EventTarget();
const ev = new Event('foo');
et.addEventListener('foo', (e) => {
  console.log('first', e.eventPhase, e.currentTarget === et, e.composedPath().length, e.target === et);
  try {
    et.dispatchEvent(e);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
  et.dispatchEvent(new Event('bar')); // a different event may be dispatched
});
et.addEventListener('bar', () => console.log('nested bar'));
et.addEventListener('foo', (e) => {
  // Node marks the event as no longer being dispatched once the first listener returned.
  console.log('second', e.eventPhase, e.currentTarget, e.composedPath().length, e.target === et);
});
et.dispatchEvent(ev);
console.log('after', ev.eventPhase, ev.currentTarget, ev.target === et, ev.srcElement === et);
console.log('redispatch', et.dispatchEvent(ev));

const t = new EventTarget();
t.addEventListener('a', () => {
  console.log('A1');
  t.addEventListener('a', () => console.log('added by A1'));
});
t.addEventListener('a', () => {
  console.log('A2');
  t.addEventListener('a', () => console.log('added by A2'));
});
t.dispatchEvent(new Event('a'));
console.log('--- second dispatch');
t.dispatchEvent(new Event('a'));

const r = new EventTarget();
function later() { console.log('never: removed'); }
r.addEventListener('b', () => { console.log('remover'); r.removeEventListener('b', later); });
r.addEventListener('b', later);
r.addEventListener('b', () => console.log('last'));
r.dispatchEvent(new Event('b'));

const s = new EventTarget();
s.addEventListener('c', (e) => { console.log('stopper'); e.stopImmediatePropagation(); });
s.addEventListener('c', () => console.log('never: stopped'));
s.addEventListener('c', () => console.log('never: passive'), { passive: true });
const sev = new Event('c');
console.log(s.dispatchEvent(sev), sev.cancelBubble);

const p = new EventTarget();
p.addEventListener('d', (e) => { e.stopPropagation(); console.log('stopPropagation'); });
p.addEventListener('d', () => console.log('still runs after stopPropagation'));
p.dispatchEvent(new Event('d'));

const o = new EventTarget();
o.addEventListener('e', (e) => {
  console.log('once listener, remaining', require('events').getEventListeners(o, 'e').length);
  o.dispatchEvent(new Event('e2'));
}, { once: true });
o.addEventListener('e2', () => console.log('e2'));
o.dispatchEvent(new Event('e'));
o.dispatchEvent(new Event('e'));
