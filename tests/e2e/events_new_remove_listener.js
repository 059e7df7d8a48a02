const EventEmitter = require('events');
const e = new EventEmitter();
e.on('newListener', (event, listener) => console.log('newListener', String(event), listener.name));
e.on('removeListener', (event, listener) => console.log('removeListener', String(event), listener.name));
function one() {}
function two() {}
e.on('foo', one);
e.once('foo', two);
e.on(Symbol('sym'), one);
e.removeListener('foo', one);
e.emit('foo');
e.on('bar', one);
e.on('bar', two);
e.removeAllListeners('bar');
console.log(e.eventNames().map(String));
e.removeAllListeners();
console.log(e.eventNames(), e.listenerCount('newListener'));
