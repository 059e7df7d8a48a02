'use strict';
// MessageChannel, MessagePort, BroadcastChannel and MessageEvent, across threads. The queues and
// the delivery live in the runtime (binding.messaging, runtime/src/messaging.rs): a port is a
// handle in its loop's poll phase, woken when something is posted to it from any thread.
// Messages are V8 structured clones; transferred ArrayBuffers move, SharedArrayBuffers are
// shared and transferred ports arrive as new port objects. A port delivers once started
// (start(), or a 'message' listener); one with a 'message' listener, or ref()'d, keeps the
// event loop alive until it is closed or unref()'d, as in Node.

const { codes } = require('internal/errors');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, initEventTarget, kNewListener,
  kRemoveListener, kHybridDispatch, kCreateEvent,
} = require('internal/event_target');
const { kCloneData, kDeserialize, kTransfer, kTransferClone, kTransferFd, kUntransferable } =
  require('internal/worker/clone');
const asyncHooks = require('internal/async_hooks');
const handles = require('internal/process/handles');

const native = binding.messaging;
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');

// ===== MessageEvent =====

const kData = Symbol('kData');

class MessageEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    super(type);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = options ?? {};
    if (source !== null && !isPort(source)) {
      throw new codes.ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    const list = [];
    let i = 0;
    for (const port of ports) {
      if (!isPort(port)) throw new codes.ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', port);
      list.push(port);
      i++;
    }
    this[kData] = {
      data, origin: `${origin}`, lastEventId: `${lastEventId}`, source, ports: Object.freeze(list),
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

function newPort() {
  const port = Object.create(MessagePort.prototype);
  initEventTarget(port);
  port[kState] = {
    closed: false,
    closing: false,
    asyncId: asyncHooks.newAsyncId(),
  };
  asyncHooks.emitInit(port[kState].asyncId, 'MESSAGEPORT', asyncHooks.executionAsyncId(), port);
  // process._getActiveHandles() lists a port while it is open and ref'd, as Node does.
  const source = {
    activeOwner: () => (!port[kState].closed && native.isOpen(port) && native.hasRef(port) ? port : null),
    resourceType: () => 'MessagePort',
  };
  port[kState].handleSource = source;
  handles.addHandle(source);
  return port;
}

function forgetPort(port) {
  const state = port[kState];
  if (state.handleSource !== undefined) {
    handles.removeHandle(state.handleSource);
    state.handleSource = undefined;
  }
}

// The runtime calls onMessage and onClose for every port of this thread.
function onMessage(target, value, ports, failed) {
  if (target instanceof BroadcastChannel) {
    if (target[kState].closed) return;
    const type = failed ? 'messageerror' : 'message';
    target[kHybridDispatch](value, type, new MessageEvent(type, { data: value }));
    return;
  }
  const state = target[kState];
  if (state === undefined || state.closed) return;
  if (failed) {
    target[kHybridDispatch](value, 'messageerror', new MessageEvent('messageerror', { data: value }));
    return;
  }
  // Node-style listeners take the data itself; the MessageEvent is made only when a web-style
  // listener needs it (kCreateEvent), unless ports came along.
  const event = ports === undefined ? undefined : new MessageEvent('message', { data: value, ports });
  asyncHooks.runInResource(state.asyncId, target, () => target[kHybridDispatch](value, 'message', event));
}

function onClose(target) {
  if (target instanceof BroadcastChannel) return;
  const state = target[kState];
  if (state === undefined || state.closed) return;
  state.closed = true;
  forgetPort(target);
  asyncHooks.emitDestroy(state.asyncId);
  target.emit('close');
}

// ===== host objects =====
// Objects marked with markHost() travel as data: a FileHandle as its descriptor (it must be in
// the transfer list, and leaves the sender), an object with [kCloneData]() as the plain data it
// gives (revived on any thread), an object with [kTransferClone]() as the clone it
// makes. Such clones are objects of this thread, so they are kept here under an id and only a
// port of this thread can revive them; elsewhere they arrive as a 'messageerror'.

const inTransfer = new Set();  // host objects listed in the transfer list being posted
const localClones = new Map();
let nextLocalClone = 0;
let threadId;

function hostClone(object) {
  if (typeof object[kTransferFd] === 'function') {
    if (!inTransfer.has(object)) throw new codes.ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST();
    const { data, deserializeInfo } = object[kTransfer]();
    return { kind: 'transfer', data, deserializeInfo: `${deserializeInfo}` };
  }
  if (typeof object[kCloneData] === 'function') {
    const { module, name, data } = object[kCloneData]();
    return { kind: 'data', module, name, data };
  }
  if (typeof object[kTransferClone] === 'function') {
    const id = nextLocalClone++;
    localClones.set(id, object[kTransferClone]());
    threadId ??= binding.config.threadId;
    return { kind: 'local', thread: threadId, id };
  }
  throw new DOMException(`${object} could not be cloned.`, 'DataCloneError');
}

function hostRevive(data) {
  if (data.kind === 'transfer') return deserialize(data.deserializeInfo, data.data);
  if (data.kind === 'data' && typeof data.module === 'string' &&
      data.module.startsWith('internal/')) {
    return require(data.module)[data.name](data.data);
  }
  threadId ??= binding.config.threadId;
  if (data.kind === 'local' && data.thread === threadId && localClones.has(data.id)) {
    const object = localClones.get(data.id);
    localClones.delete(data.id);
    return object;
  }
  throw new DOMException('The object could not be received on this thread.', 'DataCloneError');
}

/**
 * Revives a transferred object from `info` ('module:Class') and its data. Only a builtin class
 * made for it qualifies: a message must not load code from anywhere else.
 */
function deserialize(info, data) {
  const colon = info.indexOf(':');
  const module = colon === -1 ? info : info.slice(0, colon);
  const name = colon === -1 ? undefined : info.slice(colon + 1);
  let exports;
  try {
    exports = require(module);
  } catch {
    throw new Error(`Missing internal module '${module}'`);
  }
  const Class = exports[name];
  if (typeof Class !== 'function' || typeof Class.prototype?.[kDeserialize] !== 'function') {
    throw new Error(`Unknown deserialize spec ${info}`);
  }
  const object = Object.create(Class.prototype);
  return object[kDeserialize](data) ?? object;
}

native.setup(onMessage, newPort, onClose, hostClone, hostRevive);
// The runtime of a process started from a startup snapshot has not been told yet.
require('internal/v8/startup_snapshot').onDeserialize(
  () => native.setup(onMessage, newPort, onClose, hostClone, hostRevive));

function invalidTransferObject() {
  const err = new TypeError('Found invalid object in transferList');
  err.code = 'ERR_INVALID_TRANSFER_OBJECT';
  return err;
}

// Splits a transfer list into ArrayBuffers to move and ports to move, with Node's checks.
// `name` is what the list was given as, for the error ('transferList' or 'options.transfer').
function transferables(transfer, source, name = 'transferList') {
  const buffers = [];
  const ports = [];
  const hosts = [];
  if (transfer === undefined || transfer === null) return { buffers, ports, hosts };
  if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
    const err = new TypeError(`Optional ${name} argument must be an iterable`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  for (const item of transfer) {
    if (isPort(item)) {
      // markAsUntransferable(port): as if it were not listed (so it cannot be sent at all).
      if (item[kUntransferable] === true) continue;
      if (ports.includes(item)) {
        throw new DOMException('Transfer list contains duplicate MessagePort', 'DataCloneError');
      }
      if (item === source) throw new DOMException('Transfer list contains source port', 'DataCloneError');
      if (item[kState].closed || item[kState].closing || !native.isOpen(item)) {
        throw new DOMException('MessagePort in transfer list is already detached', 'DataCloneError');
      }
      ports.push(item);
    } else if (item instanceof ArrayBuffer) {
      if (buffers.includes(item)) {
        throw new DOMException('Transfer list contains duplicate ArrayBuffer', 'DataCloneError');
      }
      // markAsUntransferable(): copied, not moved, as in Node 20.
      if (item[kUntransferable] !== true) buffers.push(item);
    } else if (item !== null && typeof item === 'object' && typeof item[kTransferFd] === 'function') {
      item[kTransferFd](true);
      hosts.push(item);
    } else if (item !== null && typeof item === 'object' && typeof item[kTransferClone] === 'function') {
      // A transferable object (say a transferableAbortSignal): it travels as its clone.
    } else {
      throw invalidTransferObject();
    }
  }
  return { buffers, ports, hosts };
}

/**
 * Posts `message` from `target` (a port or a BroadcastChannel), with its transfer list. A
 * closed port still checks and clones the message, then drops it.
 */
function post(target, message, transfer, dropped = false) {
  let name = 'transferList';
  if (transfer !== null && typeof transfer === 'object' && !Array.isArray(transfer) &&
      typeof transfer[Symbol.iterator] !== 'function') {
    transfer = transfer.transfer;
    name = 'options.transfer';
  }
  const { buffers, ports, hosts } = transferables(transfer, target, name);
  let result;
  // Indexed loops: user code may have replaced the array iterator.
  for (let i = 0; i < hosts.length; i++) inTransfer.add(hosts[i]);
  try {
    result = native.post(dropped ? null : target, message, buffers, ports);
  } catch (err) {
    for (let i = 0; i < hosts.length; i++) inTransfer.delete(hosts[i]);
    if (err && err.name === 'DataCloneError' && !(err instanceof DOMException)) {
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
  for (let i = 0; i < hosts.length; i++) {
    inTransfer.delete(hosts[i]);
    hosts[i][kTransferFd]();  // the descriptor now belongs to the receiver
  }
  for (let i = 0; i < ports.length; i++) {
    ports[i][kState].closed = true;
    forgetPort(ports[i]);
  }
  if (result === 'lost') {
    // The port's own peer was in the transfer list: nothing can ever arrive any more.
    process.emitWarning('The target port was posted to itself, and the communication channel was lost');
    target.close();
  }
}

class MessagePortImpl extends NodeEventTarget {

  postMessage(message, transfer) {
    const state = stateOf(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    post(this, message, transfer, state.closed || state.closing);
  }

  start() {
    stateOf(this);
    native.start(this);
  }

  close(callback) {
    const state = stateOf(this);
    if (typeof callback === 'function') this.once('close', callback);
    if (state.closed || state.closing) return;
    state.closing = true;
    native.close(this);
  }

  ref() {
    stateOf(this);
    native.setRef(this, true);
    return this;
  }

  unref() {
    stateOf(this);
    native.setRef(this, false);
    return this;
  }

  hasRef() {
    stateOf(this);
    return native.hasRef(this);
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

  [kCreateEvent](data, type) {
    return new MessageEvent(type, { data });
  }

  [kInspect](depth, options) {
    if (depth < 0) return 'MessagePort';
    const state = this[kState];
    const { inspect } = require('internal/util/inspect');
    if (state.closed) return `MessagePort [EventTarget] ${inspect({ active: false }, options)}`;
    const refed = native.isOpen(this) && this.hasRef();
    return `MessagePort [EventTarget] ${inspect({ active: true, refed }, options)}`;
  }
}
// Like Node's, MessagePort can be neither called nor constructed: ports come from channels.
function MessagePort() {
  throw new codes.ERR_CONSTRUCT_CALL_INVALID();
}
Object.setPrototypeOf(MessagePort, NodeEventTarget);
MessagePort.prototype = MessagePortImpl.prototype;
Object.defineProperty(MessagePortImpl.prototype, 'constructor', {
  __proto__: null, value: MessagePort, writable: true, configurable: true,
});
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'MessagePort', configurable: true,
});

function MessageChannel() {
  if (new.target === undefined) throw new codes.ERR_CONSTRUCT_CALL_REQUIRED();
  const port1 = newPort();
  const port2 = newPort();
  native.channel(port1, port2);
  Object.defineProperty(this, 'port1', { __proto__: null, value: port1, enumerable: true, configurable: true });
  Object.defineProperty(this, 'port2', { __proto__: null, value: port2, enumerable: true, configurable: true });
}

/** worker_threads.receiveMessageOnPort: the next queued message, synchronously. */
function receiveMessageOnPort(port) {
  if (!isPort(port) && !(port instanceof BroadcastChannel) && !movedPorts.has(port)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const got = native.receive(port);
  if (got === undefined) return undefined;
  return { message: got[0] };
}

// structuredClone() is a post to a private channel and an immediate receive, as in Node 20:
// the same serializer, transfer rules and errors as postMessage (transferred ArrayBuffers move
// their memory, ports arrive as new ports, host objects are revived).
let cloneChannel;

function structuredClone(value, options) {
  cloneChannel ??= new MessageChannel();
  post(cloneChannel.port1, value, options == null ? undefined : options.transfer);
  return native.receive(cloneChannel.port2)[0];
}

/** Delivers every message queued on `port` now (a worker's ports before its 'exit'). */
function drainPort(port) {
  native.drain(port);
}

// ===== ports moved into a vm context =====
// moveMessagePortToContext(port, context) gives the port's queue and peer to a new object made
// in the context, as Node does: its class, its events and the values of its messages belong to
// that context (the runtime reads messages there), it has only onmessage/onmessageerror, and
// errors it throws are the context's. The old port is left detached.

// Made once per context by evaluating this function there: the context's MessagePort class,
// its makePort() and emit() for the runtime (see `Moved` in runtime/src/messaging.rs).
const contextPortSource = `(function (natives) {
  'use strict';
  class DOMException extends Error {
    constructor(message, name) {
      super(message);
      Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
      Object.defineProperty(this, 'code', { value: natives.domCode(name), configurable: true });
    }
  }
  const translate = (error) => {
    if (!natives.isError(error)) return error;
    if (error.name === 'DataCloneError') return new DOMException(error.message, error.name);
    const Class = { TypeError, RangeError, SyntaxError }[error.name] || Error;
    const copy = new Class(error.message);
    if (error.code !== undefined) copy.code = error.code;
    return copy;
  };
  let making = false;
  function MessagePort() {
    if (!making) throw translate(natives.constructError());
  }
  const methods = class {
    postMessage(message, transfer) {
      try {
        natives.post(this, message, transfer, arguments.length);
      } catch (error) {
        throw translate(error);
      }
    }
    start() { natives.start(this); }
    close() { natives.close(this); }
    ref() { natives.setRef(this, true); }
    unref() { natives.setRef(this, false); }
    hasRef() { return natives.hasRef(this); }
  }.prototype;
  for (const name of Object.getOwnPropertyNames(methods)) {
    if (name !== 'constructor') {
      Object.defineProperty(MessagePort.prototype, name, Object.getOwnPropertyDescriptor(methods, name));
    }
  }
  class MessageEvent {
    constructor(data, target, type, ports) {
      this.data = data;
      this.target = target;
      this.type = type;
      this.ports = ports;
    }
  }
  const makePort = () => {
    making = true;
    try {
      return natives.adopt(Reflect.construct(MessagePort, []));
    } finally {
      making = false;
    }
  };
  const emit = (port, value, ports, kind) => {
    let type = 'message';
    if (kind !== undefined) {
      type = 'messageerror';
      ports = [];
      if (kind === 'unavailable') {
        value = new Error('A message object could not be deserialized successfully in the target vm.Context');
        value.code = 'ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE';
      }
    }
    const handler = type === 'message' ? port.onmessage : port.onmessageerror;
    if (typeof handler === 'function') handler.call(port, new MessageEvent(value, port, type, ports));
  };
  return { makePort, emit };
})`;

const movedPorts = new WeakSet();
const contextPorts = new WeakMap();  // contextified object -> { makePort, emit }

const contextNatives = {
  __proto__: null,
  post(port, message, transfer, count) {
    if (count === 0) {
      const err = new TypeError('Not enough arguments to MessagePort.postMessage');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    const buffers = [];
    const ports = [];
    if (transfer !== undefined && transfer !== null) {
      if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
        throw new codes.ERR_INVALID_ARG_TYPE('transferList', 'Array', transfer);
      }
      for (const item of transfer) {
        if (binding.types.isArrayBuffer(item)) {
          if (buffers.includes(item)) {
            throw new DOMException('Transfer list contains duplicate ArrayBuffer', 'DataCloneError');
          }
          buffers.push(item);
        } else if ((isPort(item) || movedPorts.has(item)) && native.isOpen(item)) {
          if (item === port) throw new DOMException('Transfer list contains source port', 'DataCloneError');
          if (!ports.includes(item)) ports.push(item);
        } else {
          throw invalidTransferObject();
        }
      }
    }
    native.post(port, message, buffers, ports);
    for (const p of ports) {
      if (isPort(p)) {
        p[kState].closed = true;
        forgetPort(p);
      }
    }
  },
  start: (port) => native.start(port),
  close: (port) => native.close(port),
  setRef: (port, refed) => native.setRef(port, refed),
  hasRef: (port) => native.hasRef(port),
  adopt(port) {
    movedPorts.add(port);
    return port;
  },
  isError: (value) => value instanceof Error,
  domCode: (name) => new DOMException('', name).code,
  constructError: () => new codes.ERR_CONSTRUCT_CALL_INVALID(),
};

function moveMessagePortToContext(port, contextifiedSandbox) {
  if (!isPort(port)) throw new codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  const state = port[kState];
  if (!state.movedAway && (state.closed || state.closing || !native.isOpen(port))) {
    throw new codes.ERR_CLOSED_MESSAGE_PORT();
  }
  const vm = require('vm');
  if (contextifiedSandbox === null || typeof contextifiedSandbox !== 'object' ||
      !vm.isContext(contextifiedSandbox)) {
    const err = new TypeError('Invalid context argument');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  let hooks = contextPorts.get(contextifiedSandbox);
  if (hooks === undefined) {
    hooks = vm.runInContext(contextPortSource, contextifiedSandbox)(contextNatives);
    contextPorts.set(contextifiedSandbox, hooks);
  }
  // A port moved before gives a port with nothing behind it, as in Node.
  const moved = hooks.makePort();
  if (native.moveToContext(port, moved, hooks.emit, hooks.makePort)) {
    // The old object stays a MessagePort whose posts go nowhere; it never emits 'close'.
    state.closed = true;
    state.movedAway = true;
    forgetPort(port);
  }
  return moved;
}

// ===== BroadcastChannel =====

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
    this[kState] = { name: `${name}`, closed: false };
    native.broadcast(this, this[kState].name);
    // As in Node, a channel keeps the loop alive from the start until close() or unref(),
    // listeners or not.
    native.setRef(this, true);
  }

  get name() { return channelState(this).name; }

  close() {
    const state = channelState(this);
    if (state.closed) return;
    state.closed = true;
    native.close(this);
  }

  postMessage(message) {
    const state = channelState(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (state.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    post(this, message, undefined);
  }

  ref() {
    channelState(this);
    native.setRef(this, true);
    return this;
  }

  unref() {
    channelState(this);
    native.setRef(this, false);
    return this;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if (type === 'message' && kState in this && !this[kState].closed) native.start(this);
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
  drainPort,
  isPort,
  kState,
  moveMessagePortToContext,
  newPort,
  receiveMessageOnPort,
  structuredClone,
};
