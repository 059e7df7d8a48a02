'use strict';
// What node:worker_threads reports about the current thread. The main thread's values are the
// defaults; a worker's start-up (internal/worker/thread) fills in its own before user code runs.

const state = {
  isMainThread: binding.config.threadId === 0,
  threadId: binding.config.threadId,
  parentPort: null,
  workerData: undefined,
  resourceLimits: {},
  // getEnvironmentData/setEnvironmentData: copied to each worker when it starts.
  environmentData: new Map(),
  // A worker shares the OS environment with this thread (SHARE_ENV): process.env reads live.
  shareEnv: false,
  // How often the main thread has changed directory (an Int32Array on a SharedArrayBuffer, made
  // when the first worker starts and handed down to every worker): a worker's process.cwd()
  // asks the OS again only after a change.
  cwdCounter: null,
};

module.exports = state;
