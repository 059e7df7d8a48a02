// moveMessagePortToContext: the moved port, its messages and its errors belong to the vm
// context; host objects cannot be received there; the old port is left detached.
const vm = require('vm');
const fs = require('fs');
const { MessageChannel, MessagePort, moveMessagePortToContext } = require('worker_threads');

const ctx = vm.createContext({ log: (...args) => console.log(...args) });
const { port1, port2 } = new MessageChannel();
port1.on('close', () => console.log('old port1 close (should not happen)'));
const moved = moveMessagePortToContext(port1, ctx);
console.log('instanceof MessagePort:', moved instanceof MessagePort, 'instanceof Object:', moved instanceof Object);
console.log('constructor:', moved.constructor.name, 'onmessage:', moved.onmessage, 'hasRef:', moved.hasRef());
try { new moved.constructor(); } catch (e) { console.log('construct:', e.name, e.code, e.message); }
ctx.port = moved;
vm.runInContext(`
  try { port.postMessage(function f() {}); } catch (e) {
    log('in context:', e.constructor.name, e instanceof Error, e.name, e.code, e.message);
  }
  try { port.postMessage(1, [1]); } catch (e) {
    log('in context:', e instanceof TypeError, e.code, e.message);
  }
  try { port.postMessage(); } catch (e) {
    log('in context:', e instanceof TypeError, e.code, e.message);
  }
  port.onmessage = (event) => {
    const { data, ports, type, target } = event;
    log('message', type, JSON.stringify(data), data instanceof Object, Array.isArray(ports),
        ports.length, target === port, ports.length > 0 && ports[0] === data.p);
    if (data.last) port.close();
  };
  port.start();
`, ctx);

const other = new MessageChannel();
port2.postMessage({ a: 1 });
port2.postMessage({ p: other.port1, last: true }, [other.port1]);
port2.on('close', () => {
  console.log('port2 close');
  other.port2.close();
  // The old port is detached: posting is allowed and goes nowhere.
  port1.postMessage('ignored');
  try { moveMessagePortToContext(port2, ctx); } catch (e) { console.log('closed:', e.code, e.message); }
  try { moveMessagePortToContext({}, ctx); } catch (e) { console.log('bad port:', e.code); }
  const c = new MessageChannel();
  try { moveMessagePortToContext(c.port1, {}); } catch (e) { console.log('bad context:', e.name, e.code, e.message); }
  const m2 = moveMessagePortToContext(c.port2, ctx);
  m2.onmessage = (e) => console.log('m2 message', e.data);
  m2.onmessageerror = (e) => console.log('m2 messageerror', e.data.code, e.data.message);
  m2.start();
  fs.promises.open(__filename).then((fh) => {
    c.port1.postMessage(fh, [fh]);
    c.port1.postMessage('after');
    setTimeout(() => c.port1.close(), 50);
  });
});
