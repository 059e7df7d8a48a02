const EventEmitter = require('events');
const e = new EventEmitter();
console.log(e.getMaxListeners(), EventEmitter.defaultMaxListeners);
e.setMaxListeners(2);
for (let i = 0; i < 4; i++) e.on('leak', () => {});
class Custom extends EventEmitter {}
const c = new Custom();
for (let i = 0; i < 11; i++) c.on('evt', () => {});
const unlimited = new EventEmitter();
unlimited.setMaxListeners(0);
for (let i = 0; i < 20; i++) unlimited.on('many', () => {});
EventEmitter.setMaxListeners(7, unlimited);
console.log(unlimited.getMaxListeners(), EventEmitter.getMaxListeners(e));
process.on('warning', (w) => console.log('warning event:', w.name, w.type, w.count, w.emitter === e || w.emitter === c));
