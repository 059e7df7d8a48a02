'use strict';
// node:inspector in-process sessions: post() answers synchronously through the callback,
// notifications arrive as events, and bad calls fail with Node's errors and codes.
const inspector = require('inspector');
const { Session } = inspector;

function show(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

console.log(Object.keys(inspector).join(','));
console.log('url', inspector.url());
show('waitForDebugger', () => inspector.waitForDebugger());
show('connectToMainThread', () => new Session().connectToMainThread());

const session = new Session();
console.log('is emitter', session instanceof require('events'));
show('post before connect', () => session.post('Runtime.evaluate', { expression: '1' }));
session.connect();
show('connect twice', () => session.connect());
for (const method of [1, {}, [], true, undefined]) {
  show(`method ${typeof method}`, () => session.post(method));
}
for (const params of [1, true, []]) {
  show(`params ${JSON.stringify(params)}`, () => session.post('Runtime.evaluate', params));
}
for (const cb of [1, 'a', {}]) {
  show(`callback ${JSON.stringify(cb)}`, () => session.post('Runtime.evaluate', {}, cb));
}
show('params null', () => session.post('Runtime.evaluate', null, () => {}));

let sync = true;
session.post('Runtime.evaluate', { expression: '6 * 7' }, (err, result) => {
  console.log('evaluate', err, JSON.stringify(result), 'sync', sync);
});
session.post('Runtime.evaluate', { expression: 'throw new TypeError("boom")' }, (err, result) => {
  console.log('throws', err, result.exceptionDetails.text,
              result.exceptionDetails.exception.className);
});
session.post('No.suchMethod', (err, result) => {
  console.log('unknown', err.name, err.code, err.message, result);
});
session.post('Runtime.evaluate', { expression: 5 }, (err) => {
  console.log('bad params', err.code, err.message);
});
process.env.INSPECTOR_GOLDEN = 'yes';
session.post('Runtime.evaluate', { expression: 'process.env.INSPECTOR_GOLDEN', throwOnSideEffect: true },
             (err, result) => console.log('side-effect free', err, JSON.stringify(result.result)));
session.post('Runtime.evaluate', { expression: 'globalThis.x = 1', throwOnSideEffect: true },
             (err, result) => console.log('side effect', err, result.exceptionDetails !== undefined));
sync = false;

// Notifications: the context arrives on Runtime.enable; console calls follow.
const seen = [];
session.on('inspectorNotification', (m) => seen.push(m.method));
session.once('Runtime.executionContextCreated', (m) => {
  const { name, origin, auxData } = m.params.context;
  console.log('context', name === `${process.argv0}[${process.pid}]`, JSON.stringify(origin),
              JSON.stringify(auxData));
});
session.post('Runtime.enable');
session.on('Runtime.consoleAPICalled', (m) => {
  console.log('consoleAPICalled', m.params.type, JSON.stringify(m.params.args));
});
inspector.console.log('to the inspector only');
console.warn('warned');
console.log('notifications', [...new Set(seen)].join(','));

// A callback that throws becomes a process warning.
process.once('warning', (w) => console.log('warning', w.message));
session.post('Runtime.evaluate', { expression: '1' }, () => { throw new Error('in callback'); });

// Commands pending at disconnect fail with ERR_INSPECTOR_CLOSED (none here: answers are
// synchronous), and a disconnected session refuses posts.
session.disconnect();
session.disconnect();
show('post after disconnect', () => session.post('Runtime.enable'));

// A breakpoint pauses synchronously: Debugger.paused arrives while the function runs.
function target(a) {
  const doubled = a * 2;
  return doubled;
}
const dbg = new Session();
dbg.connect();
dbg.post('Debugger.enable');
dbg.on('Debugger.paused', (m) => {
  const frame = m.params.callFrames[0];
  dbg.post('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: 'a' },
           (err, r) => console.log('paused in', frame.functionName, 'a =', r.result.value));
});
dbg.post('Debugger.setBreakpointByUrl', {
  lineNumber: 85,
  url: require('url').pathToFileURL(__filename).href,
}, (err, r) => console.log('breakpoint', err, r.locations.length));
console.log('target returned', target(21));
dbg.disconnect();

// inspector/promises: post returns a promise.
const promises = require('inspector/promises');
const p = new promises.Session();
p.connect();
p.post('Runtime.evaluate', { expression: '"async"' })
  .then((r) => console.log('promise', r.result.value))
  .then(() => p.post('Bad.method'))
  .catch((err) => console.log('promise rejected', err.code))
  .finally(() => p.disconnect());
