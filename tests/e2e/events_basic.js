const EventEmitter = require('events');
const e = new EventEmitter();
const calls = [];
function a(...args) { calls.push(['a', ...args]); }
function b(...args) { calls.push(['b', ...args]); }
e.on('x', a);
e.prependListener('x', b);
e.once('x', function c() { calls.push(['c', this === e]); });
e.prependOnceListener('x', function d() { calls.push(['d']); });
console.log(e.listeners('x').map((f) => f.name));
console.log(e.rawListeners('x').map((f) => f.name));
console.log(e.listenerCount('x'), e.listenerCount('x', a), EventEmitter.listenerCount(e, 'x'));
console.log(e.emit('x', 1, 2), e.emit('x', 3), e.emit('nothing'));
console.log(JSON.stringify(calls));
e.off('x', a);
e.removeListener('x', b);
console.log(e.eventNames(), e.listenerCount('x'));
console.log(e);
