'use strict';
// The IPC channel between a parent and a child started with 'ipc' in its stdio (fork()): one
// Unix socket pair, the child's end at the descriptor named by NODE_CHANNEL_FD. Both sides run
// setupChannel(), which gives `target` (a ChildProcess, or `process` in the child) `send`,
// `disconnect`, `connected`, `channel` and the 'message'/'disconnect' events.
//
// Wire formats, Node's, so either side may be Node: 'json' is one JSON text per line;
// 'advanced' is a 4-byte big-endian length, then a v8.serialize()d value. Messages whose `cmd`
// starts with 'NODE_' are the channel's own ('internalMessage'). A handle (a net.Socket or
// net.Server) travels as a { cmd: 'NODE_HANDLE', type, msg } message with the descriptor
// attached (SCM_RIGHTS); the receiver answers NODE_HANDLE_ACK.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const { NetHandle, EV } = require('internal/net_handle');
const { errnoException } = require('internal/net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_HANDLE_TYPE, ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED,
    ERR_MISSING_ARGS,
  },
  validateObject,
} = require('internal/errors');

const native = binding.net;
// send() answers false once this much waits to be written (Node's threshold).
const kQueueLimit = 65536 * 2;

let v8Module;
function v8() {
  if (v8Module === undefined) v8Module = require('v8');
  return v8Module;
}

// ===== framing =====

class JsonFraming {
  constructor() {
    this.decoder = new StringDecoder('utf8');
    this.pending = '';
  }

  encode(message) {
    return `${JSON.stringify(message)}\n`;
  }

  // The complete messages in `chunk` (with what came before).
  *decode(chunk) {
    let text = this.pending + this.decoder.write(chunk);
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (line.length !== 0) yield JSON.parse(line);
      nl = text.indexOf('\n');
    }
    this.pending = text;
  }
}

class AdvancedFraming {
  constructor() {
    this.chunks = [];
    this.length = 0;
  }

  encode(message) {
    const ser = new (v8().DefaultSerializer)();
    ser.writeRawBytes(Buffer.alloc(4));
    ser.writeHeader();
    ser.writeValue(message);
    const out = ser.releaseBuffer();
    out.writeUInt32BE(out.length - 4, 0);
    return out;
  }

  *decode(chunk) {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.length >= 4) {
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
      const all = this.chunks[0];
      const size = all.readUInt32BE(0);
      if (all.length < 4 + size) return;
      const des = new (v8().DefaultDeserializer)(all.subarray(4, 4 + size));
      des.readHeader();
      const message = des.readValue();
      const rest = all.subarray(4 + size);
      this.chunks = rest.length ? [rest] : [];
      this.length = rest.length;
      yield message;
    }
  }
}

// ===== handles =====

function handleType(handle) {
  const net = require('net');
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof NetHandle) return 'net.Native';
  return null;
}

function handleOf(handle, type) {
  if (type === 'net.Native') return handle;
  return handle._handle;
}

// An object of `type` over a received descriptor.
function fromDescriptor(fd, type) {
  const net = require('net');
  const adopted = native.adoptFd(fd);
  if (typeof adopted === 'number') {
    native.closeFd(fd);
    return undefined;
  }
  const handle = new NetHandle(adopted.type === 'pipe', adopted.token);
  if (type === 'net.Native') return handle;
  if (type === 'net.Server' || adopted.server) {
    const server = new net.Server();
    server.listen(handle);
    return server;
  }
  const socket = new net.Socket({ handle, readable: true, writable: true });
  socket.readable = true;
  socket.writable = true;
  return socket;
}

// ===== the channel =====

// Named Control, as Node's channel object is.
class Control extends EventEmitter {
  constructor(target, handle, serialization) {
    super();
    this.target = target;
    this.handle = handle;
    this.framing = serialization === 'advanced' ? new AdvancedFraming() : new JsonFraming();
    this.serialization = serialization;
    // Listeners and writes in flight that want the channel to keep the loop alive.
    this.refs = 0;
    this.explicitRef = false;
    this.pendingCallbacks = [];
    this.receivedFds = [];
    // Handles sent and waiting for the peer's NODE_HANDLE_ACK, to close then.
    this.awaitingAck = [];
    this.closeWhenFlushed = false;
    this.closed = false;
    this.peerClosed = false;
  }

  get fd() {
    return this.closed ? -1 : native.fdOf(this.handle.token);
  }

  get writeQueueSize() {
    return this.handle.writeQueueSize;
  }

  ref() {
    this.explicitRef = true;
    this.handle.ref();
  }

  unref() {
    this.explicitRef = true;
    this.handle.unref();
  }

  hasRef() {
    return this.handle.hasRef();
  }

  refCounted() {
    if (++this.refs === 1 && !this.explicitRef) this.handle.ref();
  }

  unrefCounted() {
    if (--this.refs === 0 && !this.explicitRef) this.handle.unref();
  }

  onevent(kind, value) {
    switch (kind) {
      case EV.DATA: {
        const chunk = Buffer.from(value);
        for (const message of this.framing.decode(chunk)) this.dispatch(message);
        break;
      }
      case EV.HANDLES:
        for (const fd of value) this.receivedFds.push(fd);
        break;
      case EV.WRITTEN: {
        const callbacks = this.pendingCallbacks;
        this.pendingCallbacks = [];
        for (const cb of callbacks) cb(null);
        if (this.closeWhenFlushed) this.close();
        break;
      }
      case EV.EOF:
      case EV.ERROR:
        // The peer went away: the channel is done.
        this.peerClosed = true;
        if (this.target.connected) this.target.connected = false;
        this.close();
        break;
      case EV.CLOSE:
        this.onclose();
        break;
      default:
        break;
    }
  }

  dispatch(message) {
    const target = this.target;
    if (message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
        message.cmd.startsWith('NODE_')) {
      if (message.cmd === 'NODE_HANDLE') {
        const fd = this.receivedFds.shift();
        const handle = fd === undefined ? undefined : fromDescriptor(fd, message.type);
        this.write({ cmd: 'NODE_HANDLE_ACK' }, null, null);
        process.nextTick(() => target.emit('message', message.msg, handle));
        return;
      }
      if (message.cmd === 'NODE_HANDLE_ACK') {
        const sent = this.awaitingAck.shift();
        if (sent) sent();
        return;
      }
      process.nextTick(() => target.emit('internalMessage', message));
      return;
    }
    process.nextTick(() => target.emit('message', message));
  }

  // → 0 or a negative errno; `callback(err)` once the bytes reached the kernel.
  write(message, fd, callback) {
    if (this.closed) return -9;
    const bytes = this.framing.encode(message);
    const queued = fd === null ? this.handle.write(bytes) : native.writeHandle(this.handle.token, bytes, fd);
    if (queued < 0) return queued;
    if (queued > 0) {
      this.refCounted();
      this.pendingCallbacks.push((err) => {
        this.unrefCounted();
        if (callback) callback(err);
      });
    } else if (callback) {
      process.nextTick(callback, null);
    }
    return 0;
  }

  close() {
    if (this.closed) return;
    if (this.handle.writeQueueSize > 0 && !this.handle.closed) {
      // What was written with a callback still goes out; the close follows it.
      this.closeWhenFlushed = true;
      return;
    }
    this.closed = true;
    this.handle.close();
    const target = this.target;
    target.connected = false;
    process.nextTick(() => target.emit('disconnect'));
  }

  onclose() {
    for (const fd of this.receivedFds) native.closeFd(fd);
    this.receivedFds = [];
    const callbacks = this.pendingCallbacks;
    this.pendingCallbacks = [];
    for (const cb of callbacks) cb(new ERR_IPC_CHANNEL_CLOSED());
    // As in Node, a ChildProcess counts its channel towards 'close' only when the child's
    // end went away first; after our own disconnect() no 'close' is emitted.
    if (this.peerClosed && typeof this.target._onChannelClose === 'function') {
      this.target._onChannelClose();
    }
  }
}

/** Give `target` its end of the channel over `handle` (a NetHandle of a Unix socket). */
function setupChannel(target, handle, serialization) {
  const channel = new Control(target, handle, serialization);
  native.setIpc(handle.token);
  handle.onevent = (kind, value) => channel.onevent(kind, value);
  target.connected = true;
  target._channel = channel;
  Object.defineProperty(target, 'channel', {
    configurable: true,
    enumerable: false,
    get() { return channel.closed ? undefined : channel; },
  });

  target.send = function send(message, sendHandle, options, callback) {
    if (typeof sendHandle === 'function') {
      callback = sendHandle;
      sendHandle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (!this.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return false;
    }
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    let fd = null;
    let sent = null;
    if (sendHandle) {
      const type = handleType(sendHandle);
      if (type === null) throw new ERR_INVALID_HANDLE_TYPE();
      const inner = handleOf(sendHandle, type);
      fd = inner && inner.token !== null && !inner.closed ? native.fdOf(inner.token) : -1;
      if (fd < 0) {
        const err = errnoException(-9, 'write');
        if (typeof callback === 'function') process.nextTick(callback, err);
        else process.nextTick(() => this.emit('error', err));
        return false;
      }
      message = { cmd: 'NODE_HANDLE', type, msg: message };
      sent = sendHandle;
    }
    const err = channel.write(message, fd, typeof callback === 'function' ? callback : null);
    if (err < 0) {
      const ex = errnoException(err, 'write');
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
      return false;
    }
    if (sent !== null) {
      // A socket is the peer's now: ours closes once it has acknowledged it (unless keepOpen).
      // A server keeps listening here too, as in Node.
      channel.awaitingAck.push(() => {
        if (options.keepOpen || sent instanceof require('net').Server) return;
        if (typeof sent.destroy === 'function') sent.destroy();
        else if (typeof sent.close === 'function') sent.close();
      });
    }
    return channel.writeQueueSize < kQueueLimit;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    channel.close();
  };

  handle.readStart();
  return channel;
}

/** The child's side: called at startup when NODE_CHANNEL_FD is set. */
function setupChildChannel() {
  const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
  const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  const adopted = native.adoptFd(fd);
  if (typeof adopted === 'number') return;
  const handle = new NetHandle(true, adopted.token);
  // The channel keeps the child alive only while someone listens for messages (or a send is in
  // flight), as in Node.
  handle.unref();
  const channel = setupChannel(process, handle, serialization);
  process.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect') channel.refCounted();
  });
  process.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect') channel.unrefCounted();
  });
}

module.exports = { setupChannel, setupChildChannel };
