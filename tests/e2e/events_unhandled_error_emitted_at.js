// An unhandled 'error' event: the report adds where it was emitted (shared frames folded).
const EventEmitter = require('events');
const e = new EventEmitter();
function fire() {
  e.emit('error', new Error('boom'));
}
fire();
