// EventEmitter.emit with 3 listeners, 10M times.
const EventEmitter = require('events');
const e = new EventEmitter();
let n = 0;
e.on('x', (a) => { n += a; });
e.on('x', (a) => { n -= a; });
e.on('x', () => { n++; });
for (let i = 0; i < 1e7; i++) e.emit('x', i);
if (n !== 1e7) throw new Error('wrong count');
