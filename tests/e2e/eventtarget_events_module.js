// EventTargets through the `events` module: getEventListeners, once, on, setMaxListeners and
// the MaxListenersExceededWarning.
const events = require('events');

async function main() {
  const et = new EventTarget();
  const fn = () => {};
  et.addEventListener('foo', fn);
  console.log(events.getEventListeners(et, 'foo'), events.getEventListeners(et, 'bar'));
  console.log(events.getMaxListeners(et));

  setTimeout(() => et.dispatchEvent(new Event('ready')), 1);
  const [ev] = await events.once(et, 'ready');
  console.log('once resolved with', ev.type, ev instanceof Event, events.getEventListeners(et, 'ready').length);

  const ac = new AbortController();
  const pending = events.once(et, 'never', { signal: ac.signal });
  console.log('pending listeners', events.getEventListeners(et, 'never').length);
  ac.abort();
  try {
    await pending;
  } catch (err) {
    console.log('once rejected', err.name, err.code, err.message, err.cause.name);
  }
  console.log('after abort', events.getEventListeners(et, 'never').length);

  const ac2 = new AbortController();
  setTimeout(() => {
    et.dispatchEvent(new CustomEvent('tick', { detail: 1 }));
    et.dispatchEvent(new CustomEvent('tick', { detail: 2 }));
    setTimeout(() => ac2.abort(), 1);
  }, 1);
  try {
    for await (const [tick] of events.on(et, 'tick', { signal: ac2.signal })) {
      console.log('on tick', tick.detail);
    }
  } catch (err) {
    console.log('on loop ended', err.name);
  }

  const limited = new EventTarget();
  events.setMaxListeners(2, limited);
  console.log('max', events.getMaxListeners(limited));
  for (let i = 0; i < 3; i++) limited.addEventListener('many', () => {});
  for (let i = 0; i < 3; i++) limited.addEventListener('more', () => {}); // warned once only
  process.on('warning', (w) => console.log('warning event:', w.name, w.type, w.count));
}
main();
