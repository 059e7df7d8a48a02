'use strict';
// node:worker_threads. Each Worker is a thread with its own isolate and event loop
// (internal/worker/worker, runtime/src/worker.rs); messages cross threads through native message
// ports (internal/worker/io). What this thread is - main or a worker, its parentPort and
// workerData - comes from internal/worker/state, filled in before a worker's code runs.

const io = require('internal/worker/io');
const { Worker, SHARE_ENV } = require('internal/worker/worker');
const workerState = require('internal/worker/state');
const { kUntransferable } = require('internal/worker/clone');

function markAsUntransferable(object) {
  if ((typeof object === 'object' && object !== null) || typeof object === 'function') {
    Object.defineProperty(object, kUntransferable, { value: true, configurable: true });
  }
}

function getEnvironmentData(key) {
  return workerState.environmentData.get(key);
}

function setEnvironmentData(key, value) {
  if (value === undefined) workerState.environmentData.delete(key);
  else workerState.environmentData.set(key, value);
}

module.exports = {
  isMainThread: workerState.isMainThread,
  MessagePort: io.MessagePort,
  MessageChannel: io.MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext: io.moveMessagePortToContext,
  receiveMessageOnPort: io.receiveMessageOnPort,
  resourceLimits: workerState.resourceLimits,
  threadId: workerState.threadId,
  SHARE_ENV,
  Worker,
  parentPort: workerState.parentPort,
  workerData: workerState.workerData === undefined ? null : workerState.workerData,
  BroadcastChannel: io.BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
