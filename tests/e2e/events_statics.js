const EventEmitter = require('events');
console.log(Object.keys(EventEmitter).join(','));
console.log(EventEmitter.EventEmitter === EventEmitter, EventEmitter.usingDomains);
console.log(String(EventEmitter.errorMonitor), EventEmitter.defaultMaxListeners);
const e = new EventEmitter();
e.on('a', function handler() {});
console.log(EventEmitter.getEventListeners(e, 'a').map((f) => f.name));
function Legacy() {
  EventEmitter.call(this);
}
Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
const legacy = new Legacy();
legacy.on('ping', () => console.log('legacy pong'));
legacy.emit('ping');
console.log(legacy);
class Modern extends EventEmitter {}
console.log(new Modern());
const ac = new AbortController();
EventEmitter.addAbortListener(ac.signal, () => console.log('abort listener ran'));
ac.abort();
