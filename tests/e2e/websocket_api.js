// The WebSocket API without a connection: constructor and close() argument errors
// (DOMException SyntaxError / InvalidAccessError), send() while CONNECTING (InvalidStateError),
// the constants, binaryType's values, the URL forms accepted (http: becomes ws:) and the
// interface's shape. Node 20 needs --experimental-websocket (NAME.env.json).
const show = (label, fn) => {
  try {
    const r = fn();
    console.log(`${label}: ok ${r === undefined ? '' : r}`);
  } catch (e) {
    console.log(`${label}: ${e.constructor.name} ${e.name} code=${e.code} ${JSON.stringify(e.message)}`);
  }
};

show('no url', () => new WebSocket());
show('relative url', () => new WebSocket('/chat'));
show('ftp url', () => new WebSocket('ftp://127.0.0.1/'));
show('fragment', () => new WebSocket('ws://127.0.0.1:9/#x'));
show('duplicate protocols', () => new WebSocket('ws://127.0.0.1:9/', ['a', 'a']));
show('protocol with a space', () => new WebSocket('ws://127.0.0.1:9/', 'a b'));
show('empty protocol', () => new WebSocket('ws://127.0.0.1:9/', ''));

const sockets = [];
const open = (...args) => {
  const ws = new WebSocket(...args);
  ws.onerror = () => {};
  sockets.push(ws);
  return ws;
};
show('http url', () => open('http://127.0.0.1:9/a?b=1').url);
show('https url', () => open('https://127.0.0.1:9/').url);
show('ws url, no path', () => open('ws://127.0.0.1:9').url);

const ws = open('ws://127.0.0.1:9/', ['chat', 'json']);
console.log('readyState', ws.readyState, 'protocol', JSON.stringify(ws.protocol),
  'extensions', JSON.stringify(ws.extensions), 'bufferedAmount', ws.bufferedAmount);
show('send while connecting', () => ws.send('x'));
show('close(1001)', () => ws.close(1001));
show('close(2999)', () => ws.close(2999));
show('close(5000)', () => ws.close(5000));
show('close(3000, long reason)', () => ws.close(3000, 'é'.repeat(62)));
console.log('readyState still', ws.readyState);
console.log('binaryType', ws.binaryType);
ws.binaryType = 'nonsense';
console.log('binaryType after a bad value', ws.binaryType);
ws.binaryType = 'arraybuffer';
console.log('binaryType', ws.binaryType);
console.log('constants', WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED,
  ws.CLOSED, Object.getOwnPropertyDescriptor(WebSocket, 'OPEN').writable);
console.log('length', WebSocket.length, 'name', WebSocket.name, String(ws));
console.log('is an EventTarget', ws instanceof EventTarget, typeof ws.addEventListener);
console.log('handlers', ws.onopen, ws.onmessage);
const handler = () => {};
ws.onmessage = handler;
console.log('handler kept', ws.onmessage === handler);
show('readyState of another object', () => Object.getOwnPropertyDescriptor(WebSocket.prototype, 'readyState').get.call({}));
for (const s of sockets) s.close();
console.log('after close()', ws.readyState);
