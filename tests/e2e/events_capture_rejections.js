const EventEmitter = require('events');
const e = new EventEmitter({ captureRejections: true });
e.on('work', async () => {
  throw new Error('async failure');
});
e.on('error', (err) => console.log('error handler got:', err.message));
e.emit('work');
const f = new EventEmitter({ captureRejections: true });
f[Symbol.for('nodejs.rejection')] = (err, event, ...args) => {
  console.log('rejection hook:', err.message, event, args);
};
f.on('job', async () => {
  throw new Error('hooked');
});
f.emit('job', 1, 2);
console.log(EventEmitter.captureRejections, String(EventEmitter.captureRejectionSymbol));
