'use strict';
// MessageChannel, MessagePort, BroadcastChannel and MessageEvent within one thread (Eddy has
// no worker threads yet). Messages are structured-cloned when posted and delivered from an
// immediate to the entangled port, once that port is started (start(), or a 'message'
// listener). A port with a 'message' listener, or one ref()'d, keeps the event loop alive
// until it is closed or unref()'d, as in Node.

const { codes } = require('internal/errors');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, initEventTarget, kNewListener,
  kRemoveListener, kHybridDispatch,
} = require('internal/event_target');
const { cloneForTransfer, kTransferPort } = require('internal/worker/clone');
const asyncHooks = require('internal/async_hooks');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');
const kSkip = Symbol('kSkip');

// ===== delivery queue and keep-alive =====

const tasks = [];
let drainScheduled = false;

function schedule(task) {
  tasks.push(task);
  if (!drainScheduled) {
    drainScheduled = true;
    setImmediate(drain);
  }
}

function drain() {
  drainScheduled = false;
  const batch = tasks.splice(0);
  for (const task of batch) task();
}

let refCount = 0;
let keepAlive;

function adjustRefs(delta) {
  refCount += delta;
  if (refCount > 0 && keepAlive === undefined) {
    keepAlive = setInterval(() => {}, 2 ** 31 - 1);
  } else if (refCount === 0 && keepAlive !== undefined) {
    clearInterval(keepAlive);
    keepAlive = undefined;
  }
}

// Shared by MessagePort and BroadcastChannel: `refed` is the user's ref()/unref() choice.
function setRef(state, refed) {
  const before = state.refed && !state.closed;
  state.refed = refed;
  const after = state.refed && !state.closed;
  if (before !== after) adjustRefs(after ? 1 : -1);
}

// ===== MessageEvent =====

const kData = Symbol('kData');

class MessageEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    super(type);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = options ?? {};
    if (!Array.isArray(ports) && (ports === null || typeof ports[Symbol.iterator] !== 'function')) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.ports', 'Array', ports);
    }
    this[kData] = {
      data, origin: `${origin}`, lastEventId: `${lastEventId}`, source, ports: Object.freeze([...ports]),
    };
  }

  get data() { return this[kData].data; }

  get origin() { return this[kData].origin; }

  get lastEventId() { return this[kData].lastEventId; }

  get source() { return this[kData].source; }

  get ports() { return this[kData].ports; }
}
for (const key of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  Object.defineProperty(MessageEvent.prototype, key, { enumerable: true });
}
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'MessageEvent', configurable: true,
});

// ===== MessagePort =====

function isPort(value) {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, kState) &&
    value instanceof MessagePort;
}

function stateOf(port) {
  if (!isPort(port)) throw new codes.ERR_INVALID_THIS('MessagePort');
  return port[kState];
}

function dispatchMessage(port, message, ports) {
  const event = new MessageEvent('message', { data: message, ports });
  port[kHybridDispatch](message, 'message', event);
}

function flush(port) {
  const state = port[kState];
  if (state.flushScheduled || !state.started || state.closed) return;
  if (state.queue.length === 0) return;
  state.flushScheduled = true;
  schedule(() => {
    state.flushScheduled = false;
    while (state.started && !state.closed && state.queue.length > 0) {
      const { message, ports } = state.queue.shift();
      asyncHooks.runInResource(state.asyncId, port, () => dispatchMessage(port, message, ports));
    }
  });
}

function newPort() {
  const port = Object.create(MessagePort.prototype);
  initEventTarget(port);
  port[kState] = {
    peer: undefined,
    queue: [],
    started: false,
    closed: false,
    closing: false,
    refed: false,
    flushScheduled: false,
    asyncId: asyncHooks.newAsyncId(),
  };
  asyncHooks.emitInit(port[kState].asyncId, 'MESSAGEPORT', asyncHooks.executionAsyncId(), port);
  return port;
}

function closePort(port, emitClose) {
  const state = port[kState];
  if (state.closed) return;
  const counted = state.refed;
  state.closed = true;
  if (counted) adjustRefs(-1);
  state.queue.length = 0;
  asyncHooks.emitDestroy(state.asyncId);
  if (emitClose) port.emit('close');
}

class MessagePort extends NodeEventTarget {
  constructor() {
    const err = new TypeError('Constructor cannot be called');
    err.code = 'ERR_CONSTRUCT_CALL_INVALID';
    throw err;
  }

  postMessage(message, transfer) {
    const state = stateOf(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (transfer !== null && typeof transfer === 'object' && !Array.isArray(transfer) &&
        typeof transfer[Symbol.iterator] !== 'function') {
      transfer = transfer.transfer;
    }
    const sentPorts = [];
    const data = cloneForTransfer(message, transfer, isPort, (p) => {
      if (p === this) throw new DOMException('Transfer list contains source port', 'DataCloneError');
      if (p[kState].closed) {
        throw new DOMException('MessagePort in transfer list is already detached', 'DataCloneError');
      }
    });
    if (transfer != null) {
      for (const item of transfer) if (isPort(item)) sentPorts.push(item[kState].movedTo);
    }
    if (state.closed || state.closing || state.peer === undefined) return;
    const peer = state.peer;
    peer[kState].queue.push({ message: data, ports: sentPorts });
    flush(peer);
  }

  start() {
    const state = stateOf(this);
    state.started = true;
    flush(this);
  }

  close() {
    const state = stateOf(this);
    if (state.closed || state.closing) return;
    state.closing = true;
    const peer = state.peer;
    if (peer !== undefined) peer[kState].closing = true;
    // Messages already posted are delivered before both sides close.
    schedule(() => {
      closePort(this, true);
      if (peer !== undefined) closePort(peer, true);
    });
  }

  ref() {
    setRef(stateOf(this), true);
    return this;
  }

  unref() {
    setRef(stateOf(this), false);
    return this;
  }

  hasRef() {
    const state = stateOf(this);
    return state.refed && !state.closed;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if (type === 'message' && isPort(this)) {
      this.ref();
      this.start();
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'message' && size === 0 && isPort(this)) this.unref();
  }

  // Transferring moves this port's entanglement and queue to a new port object.
  [kTransferPort]() {
    const state = this[kState];
    const moved = newPort();
    const next = moved[kState];
    next.peer = state.peer;
    if (state.peer !== undefined) state.peer[kState].peer = moved;
    next.queue = state.queue;
    state.queue = [];
    state.peer = undefined;
    state.movedTo = moved;
    setRef(state, false);
    state.closed = true;
    return moved;
  }

  [kInspect](depth, options) {
    if (depth < 0) return 'MessagePort';
    const state = this[kState];
    const { inspect } = require('internal/util/inspect');
    return `MessagePort ${inspect({ active: !state.closed, refed: this.hasRef() }, options)}`;
  }
}
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'MessagePort', configurable: true,
});

class MessageChannel {
  constructor() {
    const port1 = newPort();
    const port2 = newPort();
    port1[kState].peer = port2;
    port2[kState].peer = port1;
    Object.defineProperty(this, 'port1', { __proto__: null, value: port1, enumerable: true, configurable: true });
    Object.defineProperty(this, 'port2', { __proto__: null, value: port2, enumerable: true, configurable: true });
  }
}

/** worker_threads.receiveMessageOnPort: the next queued message, synchronously. */
function receiveMessageOnPort(port) {
  if (!isPort(port)) throw new codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  const state = port[kState];
  if (state.queue.length === 0) return undefined;
  return { message: state.queue.shift().message };
}

// ===== BroadcastChannel =====

const channels = new Map();  // name -> Set of open BroadcastChannels

function channelState(self) {
  if (self === null || typeof self !== 'object' || !(kState in self) || !(self instanceof BroadcastChannel)) {
    throw new codes.ERR_INVALID_THIS('BroadcastChannel');
  }
  return self[kState];
}

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    super();
    const state = { name: `${name}`, closed: false, refed: false, listening: false };
    this[kState] = state;
    let set = channels.get(state.name);
    if (set === undefined) channels.set(state.name, set = new Set());
    set.add(this);
  }

  get name() { return channelState(this).name; }

  close() {
    const state = channelState(this);
    if (state.closed) return;
    setRef(state, false);
    state.closed = true;
    const set = channels.get(state.name);
    set.delete(this);
    if (set.size === 0) channels.delete(state.name);
  }

  postMessage(message) {
    const state = channelState(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (state.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const set = channels.get(state.name);
    for (const other of set) {
      if (other === this) continue;
      const data = cloneForTransfer(message, undefined, isPort, () => {});
      schedule(() => {
        if (other[kState].closed) return;
        const event = new MessageEvent('message', { data });
        other[kHybridDispatch](data, 'message', event);
      });
    }
  }

  ref() {
    setRef(channelState(this), true);
    return this;
  }

  unref() {
    setRef(channelState(this), false);
    return this;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if (type === 'message' && kState in this && !this[kState].closed) this.ref();
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'message' && size === 0 && kState in this) this.unref();
  }

  [kInspect](depth, options) {
    const state = channelState(this);
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { inspect } = require('internal/util/inspect');
    return `BroadcastChannel ${inspect({ name: state.name, active: !state.closed }, opts)}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');
Object.defineProperty(BroadcastChannel.prototype, 'name', { enumerable: true });
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'BroadcastChannel', configurable: true,
});

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  isPort,
  receiveMessageOnPort,
};
