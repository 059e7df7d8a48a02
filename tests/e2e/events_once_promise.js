const EventEmitter = require('events');
const { once } = EventEmitter;
async function main() {
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 1, 'two'), 1);
  console.log('resolved with', await once(e, 'ready'));
  setTimeout(() => e.emit('error', new Error('failed')), 1);
  try {
    await once(e, 'ready');
  } catch (err) {
    console.log('rejected with', err.message);
  }
  console.log('leftover listeners', e.listenerCount('ready'), e.listenerCount('error'));
  const ac = new AbortController();
  const p = once(e, 'never', { signal: ac.signal });
  ac.abort();
  try {
    await p;
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
  try {
    await once(e, 'x', { signal: 'nope' });
  } catch (err) {
    console.log(err.code, err.message);
  }
}
main();
