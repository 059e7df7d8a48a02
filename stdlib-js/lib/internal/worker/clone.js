'use strict';
// Structured clone for postMessage within one thread. Plain data goes through V8's serializer
// (binding.util.structuredClone). Host objects V8 cannot serialize — MessagePorts in the
// transfer list and objects that define [kTransferClone]() (histograms, …) — are swapped for
// placeholders in a copy of the graph first, cloned, then swapped back for their clones.
// Transferred ArrayBuffers are detached after the copy, as a transfer leaves them.

const { codes } = require('internal/errors');

const kTransferClone = Symbol('kTransferClone');
// Set by worker_threads.markAsUntransferable() (and on Buffer's pool): such an ArrayBuffer in a
// transfer list is copied, not moved, as in Node 20.
const kUntransferable = Symbol.for('eddy.untransferable');
const kTransferPort = Symbol('kTransferPort');  // (port) -> the port object the receiver gets
// A FileHandle's: gives up its descriptor (now the receiver's) without closing it.
const kTransferFd = Symbol('kTransferFd');

/**
 * Marks `object` as a host object for postMessage: it travels as what its [kTransferClone]()
 * (or, for a FileHandle, its descriptor) makes of it rather than as its properties.
 */
function markTransferable(object) {
  binding.messaging.markHost(object);
  return object;
}

function nativeClone(value) {
  try {
    return binding.util.structuredClone(value);
  } catch (err) {
    if (err && err.name === 'DataCloneError' && !(err instanceof DOMException)) {
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}

function isHost(value, ports) {
  return value !== null && typeof value === 'object' &&
    (ports.has(value) || typeof value[kTransferClone] === 'function');
}

// Whether `value`'s graph holds a host object (only plain objects/arrays/maps/sets are walked).
function findsHost(value, ports, seen) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (isHost(value, ports)) return true;
  if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype ||
      Object.getPrototypeOf(value) === null) {
    for (const key of Object.keys(value)) {
      if (findsHost(value[key], ports, seen)) return true;
    }
  } else if (value instanceof Map) {
    for (const [k, v] of value) if (findsHost(k, ports, seen) || findsHost(v, ports, seen)) return true;
  } else if (value instanceof Set) {
    for (const v of value) if (findsHost(v, ports, seen)) return true;
  }
  return false;
}

function cloneWithHosts(value, ports, transferPorts) {
  const hosts = [];
  const copies = new Map();
  // Replace host objects with { [marker]: index } placeholders in a shallow-rebuilt graph.
  const marker = `__eddy_host_${Math.random().toString(36).slice(2)}`;
  function swapOut(v) {
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    if (isHost(v, ports)) {
      let index = hosts.indexOf(v);
      if (index === -1) index = hosts.push(v) - 1;
      const placeholder = { [marker]: index };
      copies.set(v, placeholder);
      return placeholder;
    }
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      copies.set(v, out);
      for (const key of Object.keys(v)) out[key] = swapOut(v[key]);
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      out = {};
      copies.set(v, out);
      for (const key of Object.keys(v)) out[key] = swapOut(v[key]);
    } else if (v instanceof Map) {
      out = new Map();
      copies.set(v, out);
      for (const [k, val] of v) out.set(swapOut(k), swapOut(val));
    } else if (v instanceof Set) {
      out = new Set();
      copies.set(v, out);
      for (const val of v) out.add(swapOut(val));
    } else {
      out = v;
      copies.set(v, out);
    }
    return out;
  }
  const cloned = nativeClone(swapOut(value));
  // Only once the data cloned fine are the ports moved over.
  const portMap = transferPorts();
  const received = hosts.map((h) => (ports.has(h) ? portMap.get(h) : h[kTransferClone]()));
  const done = new Set();
  function swapIn(v) {
    if (v === null || typeof v !== 'object' || done.has(v)) return v;
    if (Object.prototype.hasOwnProperty.call(v, marker)) return received[v[marker]];
    done.add(v);
    if (v instanceof Map) {
      const entries = [...v];
      v.clear();
      for (const [k, val] of entries) v.set(swapIn(k), swapIn(val));
    } else if (v instanceof Set) {
      const values = [...v];
      v.clear();
      for (const val of values) v.add(swapIn(val));
    } else if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) {
      for (const key of Object.keys(v)) v[key] = swapIn(v[key]);
    }
    return v;
  }
  return swapIn(cloned);
}

/**
 * Clones `value` for delivery, honouring `transfer` (an iterable of ArrayBuffers and
 * MessagePorts). `isPort(x)` tells MessagePorts apart; `checkPort(port)` may throw when a
 * port cannot be transferred (the sending port itself, a closed one).
 */
function cloneForTransfer(value, transfer, isPort, checkPort) {
  const list = [];
  if (transfer !== undefined && transfer !== null) {
    if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.transfer', 'Array', transfer);
    }
    for (const item of transfer) list.push(item);
  }
  const ports = new Set();
  const buffers = [];
  for (const item of list) {
    if (isPort(item)) {
      if (ports.has(item)) throw new DOMException('Transfer list contains duplicate', 'DataCloneError');
      checkPort(item);
      ports.add(item);
    } else if (item instanceof ArrayBuffer) {
      if (buffers.includes(item)) {
        throw new DOMException('Transfer list contains duplicate', 'DataCloneError');
      }
      if (item[kUntransferable] !== true) buffers.push(item);
    } else if (item !== null && typeof item === 'object' && typeof item[kTransferClone] === 'function') {
      // A transferable object (say a transferableAbortSignal): it arrives as its clone.
    } else {
      throw new DOMException('Found invalid value in transferList.', 'DataCloneError');
    }
  }
  const hasHosts = ports.size > 0 || findsHost(value, ports, new Set());
  const transferPorts = () => new Map([...ports].map((p) => [p, p[kTransferPort]()]));
  const result = hasHosts ? cloneWithHosts(value, ports, transferPorts) : nativeClone(value);
  for (const buffer of buffers) {
    if (typeof buffer.transfer === 'function' && !buffer.detached) buffer.transfer();
  }
  return result;
}

module.exports = {
  cloneForTransfer, kTransferClone, kTransferFd, kTransferPort, kUntransferable, markTransferable,
  nativeClone,
};
