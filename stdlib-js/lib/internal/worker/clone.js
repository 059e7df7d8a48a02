'use strict';
// The symbols and marker of the objects postMessage treats specially. Messages themselves are
// cloned natively (runtime/src/clone.rs, through internal/worker/io): objects marked with
// markTransferable() are V8 host objects there, and travel as what their [kTransferClone]()
// (or, for a FileHandle, its descriptor) makes of them.

const kTransferClone = Symbol('kTransferClone');
// Set by worker_threads.markAsUntransferable() (and on Buffer's pool): such an ArrayBuffer in a
// transfer list is copied, not moved, as in Node 20.
const kUntransferable = Symbol.for('eddy.untransferable');
// A FileHandle's: gives up its descriptor (now the receiver's) without closing it.
const kTransferFd = Symbol('kTransferFd');
// A transferable object's (a FileHandle): `[kTransfer]()` gives `{ data, deserializeInfo }`,
// 'module:Class' naming a builtin class whose prototype's `[kDeserialize](data)` revives it on
// the receiving thread. The descriptions are Node's.
const kTransfer = Symbol('messaging_transfer_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
// A cloneable object's (KeyObject, CryptoKey): returns `{ module, name, data }`, plain data that
// any thread revives as `require(module)[name](data)` (module must be an internal one).
const kCloneData = Symbol('kCloneData');

/**
 * Marks `object` as a host object for postMessage: it travels as what its [kTransferClone]()
 * (or, for a FileHandle, its descriptor) makes of it rather than as its properties.
 */
function markTransferable(object) {
  binding.messaging.markHost(object);
  return object;
}

module.exports = {
  kCloneData, kDeserialize, kTransfer, kTransferClone, kTransferFd, kUntransferable,
  markTransferable,
};
