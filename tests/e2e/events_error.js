const EventEmitter = require('events');
const e = new EventEmitter();
function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (err) {
    console.log(label, err.name, err.code, err.message, 'context' in err ? err.context : '-');
  }
}
attempt('string', () => e.emit('error', 'boom'));
attempt('none', () => e.emit('error'));
attempt('object', () => e.emit('error', { a: 1 }));
attempt('error', () => e.emit('error', new TypeError('typed')));
e.on(EventEmitter.errorMonitor, (err) => console.log('monitor saw', err.message));
attempt('monitored', () => e.emit('error', new Error('monitored')));
e.on('error', (err) => console.log('handled', err.message));
attempt('handled', () => e.emit('error', new Error('fine')));
