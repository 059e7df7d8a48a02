const EventEmitter = require('events');
const e = new EventEmitter();
function second() { console.log('second'); }
e.on('z', function first() {
  console.log('first');
  e.removeListener('z', second);
  e.on('z', () => console.log('added during emit'));
});
e.on('z', second);
e.emit('z');
console.log('---');
e.emit('z');
const o = new EventEmitter();
const fn = () => console.log('never');
o.once('q', fn);
o.removeListener('q', fn);
console.log(o.emit('q'), o.listenerCount('q'));
