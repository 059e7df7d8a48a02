// Messaging across threads: a MessageChannel port handed to a worker, receiveMessageOnPort,
// BroadcastChannel between threads, workerData and environment data, structured clone of
// Maps/Dates/Buffers/errors, SharedArrayBuffer sharing, markAsUntransferable, env copies.
const {
  Worker, MessageChannel, BroadcastChannel, isMainThread, parentPort, workerData, threadId,
  receiveMessageOnPort, setEnvironmentData, getEnvironmentData, markAsUntransferable,
} = require('worker_threads');

if (isMainThread) {
  setEnvironmentData('greeting', 'hello from main');
  process.env.EDDY_TEST_VAR = 'parent';
  const { port1, port2 } = new MessageChannel();
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const kept = new ArrayBuffer(4);
  markAsUntransferable(kept);
  const w = new Worker(__filename, {
    workerData: { port: port2, shared, when: new Date(0), tags: new Map([['a', 1]]) },
    transferList: [port2],
    env: { ONLY_THIS: 'yes' },
  });
  console.log('main', isMainThread, threadId, 'worker id', w.threadId);
  const bc = new BroadcastChannel('news');
  bc.onmessage = (event) => {
    console.log('broadcast in main:', event.data);
    bc.close();
  };
  port1.on('message', (m) => {
    if (typeof m === 'string') {
      console.log(m);
      return;
    }
    if (m.step === 'done') {
      gotDone = true;
      port1.close();
      return;
    }
    console.log('port1 got', m);
    if (m.step === 'ready') {
      port1.postMessage({ buf: Buffer.from('bytes'), err: new RangeError('carried'), kept }, [kept]);
      console.log('untransferable still here', kept.byteLength);
    }
    if (m.step === 'done') {
      // Reported after the worker's exit: the two arrive from different threads in any order.
      gotDone = true;
      port1.close();
    }
  });
  let closed = false;
  let gotDone = false;
  port1.on('close', () => { closed = true; });
  w.on('exit', (code) => {
    console.log('exit', code, 'env in parent', process.env.EDDY_TEST_VAR);
    setTimeout(() => {
      console.log('done received', gotDone, 'port1 closed', closed);
      console.log('shared value seen by main', Atomics.load(shared, 0));
    }, 100);
    const c = new MessageChannel();
    c.port1.postMessage('queued');
    console.log('received synchronously', receiveMessageOnPort(c.port2), receiveMessageOnPort(c.port2));
    c.port1.close();
  });
} else {
  // The worker reports through the port, so the parent prints everything in one order.
  const { port, shared, when, tags } = workerData;
  const say = (...parts) => port.postMessage(parts.join(' '));
  say('worker', isMainThread, threadId, when.toISOString(), tags.get('a'));
  say('env in worker', process.env.ONLY_THIS, process.env.EDDY_TEST_VAR);
  say('environment data', getEnvironmentData('greeting'));
  Atomics.store(shared, 0, 99);
  port.on('message', (m) => {
    say('worker port got', Buffer.from(m.buf).toString(), m.err instanceof RangeError, m.err.message, m.kept.byteLength);
    const bc = new BroadcastChannel('news');
    bc.postMessage('from the worker');
    bc.close();
    setTimeout(() => {
      port.postMessage({ step: 'done' });
      port.close();
    }, 50);
  });
  port.postMessage({ step: 'ready', parentPortIs: typeof parentPort });
}
