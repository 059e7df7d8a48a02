'use strict';
// internal/cluster/utils: the messages between a primary and its workers. They travel on the
// IPC channel as { cmd: 'NODE_CLUSTER', act, seq, ... } ('internalMessage' on both sides, never
// the user's 'message'); an answer names the message it answers in `ack`, and the callback
// given when that message was sent runs with the answer instead of the ordinary handler.

const callbacks = new Map();
let nextSeq = 0;

/** Send `message` (and `handle`, if any) to `proc`; `cb(reply, handle)` gets the answer. */
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  const seq = nextSeq++;
  if (typeof cb === 'function') callbacks.set(seq, cb);
  return proc.send({ ...message, cmd: 'NODE_CLUSTER', seq }, handle);
}

/** An 'internalMessage' listener: cluster messages go to `cb(message, handle)` (this: worker). */
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message === null || typeof message !== 'object' || message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined) {
      const answered = callbacks.get(message.ack);
      if (answered !== undefined) {
        callbacks.delete(message.ack);
        fn = answered;
      }
    }
    fn.call(worker, message, handle);
  };
}

// The worker side of node:cluster once this process was set up as a worker, else null: what
// dgram's bind() asks (it goes through the primary in a worker) without loading node:cluster.
let workerSide = null;

function workerCluster() {
  return workerSide;
}

function setWorkerCluster(cluster) {
  workerSide = cluster;
}

module.exports = { sendHelper, internal, workerCluster, setWorkerCluster };
