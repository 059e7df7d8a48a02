const EventEmitter = require('events');
const e = new EventEmitter();
const tries = [
  () => e.on('x', 1),
  () => e.once('x', null),
  () => e.prependListener('x', 'str'),
  () => e.removeListener('x', {}),
  () => e.setMaxListeners(-1),
  () => e.setMaxListeners('3'),
  () => { EventEmitter.defaultMaxListeners = -5; },
  () => { EventEmitter.defaultMaxListeners = 'a'; },
  () => { EventEmitter.captureRejections = 1; },
  () => new EventEmitter({ captureRejections: 'yes' }),
  () => EventEmitter.setMaxListeners(5, {}),
  () => EventEmitter.getEventListeners({}, 'x'),
  () => EventEmitter.on({}, 'x'),
  () => EventEmitter.on(e, 'x', { highWaterMark: 0 }),
];
for (const t of tries) {
  try {
    t();
    console.log('ok');
  } catch (err) {
    console.log(`${err.name} [${err.code}]: ${err.message}`);
  }
}
