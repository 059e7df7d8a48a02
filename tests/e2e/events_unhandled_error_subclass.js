// The 'Emitted ... at' heading names a subclass instance.
const EventEmitter = require('events');
class Foo extends EventEmitter {}
const f = new Foo();
setTimeout(() => f.emit('error', new TypeError('late')), 1);
