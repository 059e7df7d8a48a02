// Listener exceptions are reported as uncaught exceptions on a later tick without stopping the
// other listeners; argument validation errors; the warning for a null listener.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));

const et = new EventTarget();
et.addEventListener('x', () => { throw new Error('boom'); });
et.addEventListener('x', () => console.log('second listener still runs'));
et.addEventListener('x', async () => { throw new Error('async boom'); });
et.addEventListener('x', { handleEvent: 5 });
et.addEventListener('x', { handleEvent() { throw new Error('handleEvent boom'); } });
console.log('dispatch returned', et.dispatchEvent(new Event('x')));
console.log('sync end');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}
const t = new EventTarget();
attempt('no args', () => t.addEventListener());
attempt('no listener', () => t.addEventListener('foo'));
attempt('number listener', () => t.addEventListener('foo', 5));
attempt('string listener', () => t.addEventListener('foo', 'str'));
attempt('number options', () => t.addEventListener('foo', () => {}, 5));
attempt('string options', () => t.addEventListener('foo', () => {}, 'str'));
attempt('bad signal', () => t.addEventListener('foo', () => {}, { signal: 5 }));
attempt('null options', () => t.addEventListener('foo', () => {}, null));
attempt('symbol type', () => t.addEventListener(Symbol('s'), () => {}));
attempt('remove no listener', () => t.removeEventListener('foo'));
attempt('remove number', () => t.removeEventListener('foo', 5));
attempt('remove bad options', () => t.removeEventListener('foo', () => {}, 5));
attempt('dispatch nothing', () => t.dispatchEvent());
attempt('dispatch plain object', () => t.dispatchEvent({ type: 'foo' }));
attempt('dispatch string', () => t.dispatchEvent('foo'));
attempt('bad this', () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
attempt('bad this dispatch', () => EventTarget.prototype.dispatchEvent.call(null, new Event('x')));
attempt('null listener', () => t.addEventListener('foo', null));
attempt('undefined listener', () => t.addEventListener('foo', undefined));
console.log(require('events').getEventListeners(t, 'foo').length);
