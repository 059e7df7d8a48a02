'use strict';
// node:worker_threads — this is always the main thread: Eddy has no worker threads yet, so
// `new Worker()` throws ERR_WORKER_UNSUPPORTED_OPERATION-style errors; the flags and the
// environment-data API that libraries check on load behave as on Node's main thread.
// MessageChannel/MessagePort/BroadcastChannel work within this thread (internal/worker/io).

const io = require('internal/worker/io');

const environmentData = new Map();

class Worker {
  constructor() {
    const err = new Error('Worker threads are not supported by Eddy yet');
    err.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
    throw err;
  }
}

module.exports = {
  BroadcastChannel: io.BroadcastChannel,
  MessageChannel: io.MessageChannel,
  MessagePort: io.MessagePort,
  receiveMessageOnPort: io.receiveMessageOnPort,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  getEnvironmentData: (key) => environmentData.get(key),
  isMainThread: true,
  markAsUntransferable(object) {
    if ((typeof object === 'object' && object !== null) || typeof object === 'function') {
      Object.defineProperty(object, Symbol.for('eddy.untransferable'), { value: true, configurable: true });
    }
  },
  parentPort: null,
  resourceLimits: {},
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  threadId: 0,
  workerData: null,
};
