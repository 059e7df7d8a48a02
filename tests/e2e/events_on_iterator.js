const EventEmitter = require('events');
const { on } = EventEmitter;
async function main() {
  const e = new EventEmitter();
  process.nextTick(() => {
    e.emit('data', 1);
    e.emit('data', 2, 3);
    e.emit('data', 4);
  });
  const seen = [];
  for await (const args of on(e, 'data')) {
    seen.push(args);
    if (seen.length === 3) break;
  }
  console.log(JSON.stringify(seen), e.listenerCount('data'), e.listenerCount('error'));
  const it = on(e, 'data');
  e.emit('data', 'a');
  e.emit('error', new Error('iterator error'));
  try {
    for await (const args of it) console.log('got', args);
  } catch (err) {
    console.log('caught', err.message);
  }
  const closing = on(e, 'data', { close: ['end'] });
  e.emit('data', 'x');
  e.emit('end');
  for await (const args of closing) console.log('before close', args);
  console.log('closed', e.eventNames());
  const ac = new AbortController();
  const aborted = on(e, 'data', { signal: ac.signal });
  setTimeout(() => ac.abort(), 1);
  try {
    for await (const args of aborted) console.log(args);
  } catch (err) {
    console.log(err.name, err.message);
  }
}
main();
