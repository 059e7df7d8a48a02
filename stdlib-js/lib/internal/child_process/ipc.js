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
// attached (SCM_RIGHTS); the receiver answers NODE_HANDLE_ACK. Until that answer comes, later
// messages wait in a queue, so they arrive after the handle and a sent socket is closed here
// only once the peer has its own. A server's sockets sent away still count for it: its
// getConnections() and close() ask the peer (NODE_SOCKET_* messages, SocketListSend/Receive).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const { NetHandle, EV, kOwner } = require('internal/net_handle');
const { errnoException } = require('internal/net');
const {
  codes: {
    ERR_CHILD_CLOSED_BEFORE_REPLY, ERR_INVALID_ARG_TYPE, ERR_INVALID_HANDLE_TYPE,
    ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_MISSING_ARGS,
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

  // The complete messages in `chunk` (with what came before). Only the new text is searched
  // for line ends, so a long message arriving in many chunks is not scanned again each time.
  *decode(chunk) {
    const text = this.decoder.write(chunk);
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const line = this.pending + text.slice(start, nl);
      this.pending = '';
      start = nl + 1;
      if (line.length !== 0) yield JSON.parse(line);
      nl = text.indexOf('\n', start);
    }
    this.pending += text.slice(start);
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

  // Chunks are joined only once a whole message is there: a big message arrives in many
  // pieces, and joining at each one would copy it over and over.
  *decode(chunk) {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.length >= 4) {
      if (this.chunks[0].length < 4) this.chunks = [Buffer.concat(this.chunks, this.length)];
      const size = this.chunks[0].readUInt32BE(0);
      if (this.length < 4 + size) return;
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
      const all = this.chunks[0];
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

/**
 * A descriptor held outside the poll phase (cluster's shared sockets: the primary must not
 * accept or read on them itself), sent as a 'net.Native' handle (the receiver gets a NetHandle)
 * or a 'dgram.Native' one (a UDP socket: the receiver gets internal/dgram's UDP handle).
 */
class RawDescriptor {
  constructor(fd, type = 'net.Native', ipv6 = false) {
    this.fd = fd;
    this.type = type;
    this.ipv6 = ipv6;
  }
}

function handleType(handle) {
  const net = require('net');
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof NetHandle) return 'net.Native';
  if (handle instanceof RawDescriptor) return handle.type;
  if (handle instanceof require('dgram').Socket) return 'dgram.Socket';
  return null;
}

const noop = () => {};

// The NetHandle to send for `handle` (null: nothing left to send), as Node's handleConversion.
// A socket of a server is counted as the peer's connection from now on (getConnections() asks
// the peer), and unless keepOpen it gives its handle up at once.
function handleToSend(channel, message, handle, options) {
  if (handle instanceof RawDescriptor) {
    if (handle.ipv6) message.ipv6 = true;
    return handle;
  }
  if (message.type === 'net.Native') return handle;
  if (message.type === 'net.Server') return handle._handle;
  if (message.type === 'dgram.Socket') {
    // The socket stays open here too: both ends read from it, as in Node.
    const udp = handle[require('internal/dgram').kStateSymbol].handle;
    message.dgramType = handle.type;
    return new RawDescriptor(udp ? udp.fd : -1, 'dgram.Socket');
  }
  const socket = handle;
  const inner = socket._handle;
  if (!inner) return null;
  const server = socket.server;
  if (server) {
    message.key = server._connectionKey;
    const lists = channel.sockets.send;
    if (lists[message.key] === undefined) {
      lists[message.key] = new SocketListSend(channel.target, message.key);
      server._setupWorker(lists[message.key]);
    }
    if (!options.keepOpen) server._connections--;
  }
  if (!options.keepOpen) {
    inner.onevent = noop;
    inner.readStop();
    socket._handle = null;
    socket.setTimeout(0);
  }
  return inner;
}

// An object of `type` over a received descriptor.
function fromDescriptor(channel, fd, message) {
  if (message.type === 'dgram.Native' || message.type === 'dgram.Socket') {
    const { UDP } = require('internal/dgram');
    const udp = new UDP(Boolean(message.ipv6) || message.dgramType === 'udp6');
    if (udp.open(fd) < 0) {
      udp.close();
      native.closeFd(fd);
      return undefined;
    }
    if (message.type === 'dgram.Native') return udp;
    const socket = new (require('dgram').Socket)(message.dgramType);
    socket.bind(udp);
    return socket;
  }
  const net = require('net');
  const adopted = native.adoptFd(fd);
  if (typeof adopted === 'number') {
    native.closeFd(fd);
    return undefined;
  }
  const handle = new NetHandle(adopted.type === 'pipe', adopted.token);
  const type = message.type;
  if (type === 'net.Native') return handle;
  if (type === 'net.Server' || adopted.server) {
    const server = new net.Server();
    server.listen(handle);
    return server;
  }
  const socket = new net.Socket({ handle, readable: true, writable: true });
  socket.readable = true;
  socket.writable = true;
  if (message.key !== undefined) {
    const lists = channel.sockets.got;
    if (lists[message.key] === undefined) {
      lists[message.key] = new SocketListReceive(channel.target, message.key);
    }
    lists[message.key].add(socket);
  }
  return socket;
}

// ===== sockets of a server, counted across processes =====

// The sending side's view of the sockets one server sent to one peer: it asks the peer how many
// are still open, or to say when none is.
class SocketListSend extends EventEmitter {
  constructor(target, key) {
    super();
    this.key = key;
    this.target = target;
    target.once('exit', () => this.emit('exit', this));
  }

  request(message, reply, swallowErrors, callback) {
    const target = this.target;
    const onclose = () => {
      target.removeListener('internalMessage', onreply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    };
    const onreply = (msg) => {
      if (!(msg.cmd === reply && msg.key === this.key)) return;
      target.removeListener('disconnect', onclose);
      target.removeListener('internalMessage', onreply);
      callback(null, msg);
    };
    if (!target.connected) {
      onclose();
      return;
    }
    target._send(message, undefined, { swallowErrors });
    target.once('disconnect', onclose);
    target.on('internalMessage', onreply);
  }

  close(callback) {
    this.request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED',
      true, callback);
  }

  getConnections(callback) {
    this.request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false,
      (err, msg) => {
        if (err) callback(err);
        else callback(null, msg.count);
      });
  }
}

// The receiving side: the sockets got for one server key, and the answers to its sender.
class SocketListReceive extends EventEmitter {
  constructor(target, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.target = target;
    const onempty = () => {
      if (!target.connected) return;
      target._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: this.key }, undefined, { swallowErrors: true });
    };
    target.on('internalMessage', (msg) => {
      if (msg.key !== this.key) return;
      if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) onempty();
        else this.once('empty', onempty);
      } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (!target.connected) return;
        target._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
      }
    });
  }

  add(socket) {
    this.connections++;
    socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}

// ===== the channel =====

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.startsWith('NODE_');
}

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
    // Set once a handle went out and until the peer's NODE_HANDLE_ACK: what is sent meanwhile
    // ({ message, handle, options, callback }), in order.
    this.handleQueue = null;
    // The handle of a sent socket, closed when the peer has acknowledged it.
    this.pendingHandle = null;
    // disconnect() came while the queue was waiting: it happens once the queue is out.
    this.disconnectPending = false;
    // Server sockets sent and got, by the server's key (SocketListSend / SocketListReceive).
    this.sockets = { send: { __proto__: null }, got: { __proto__: null } };
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
    if (isInternal(message)) {
      if (message.cmd === 'NODE_HANDLE') {
        const fd = this.receivedFds.shift();
        const handle = fd === undefined ? undefined : fromDescriptor(this, fd, message);
        this.write({ cmd: 'NODE_HANDLE_ACK' }, null, null);
        // A handle may come with one of the channel's own messages (cluster's connections).
        const event = isInternal(message.msg) ? 'internalMessage' : 'message';
        process.nextTick(() => target.emit(event, message.msg, handle));
        return;
      }
      if (message.cmd === 'NODE_HANDLE_ACK') {
        this.onHandleAck();
        return;
      }
      process.nextTick(() => target.emit('internalMessage', message));
      return;
    }
    process.nextTick(() => target.emit('message', message));
  }

  // The peer has the handle sent last: close ours (a socket's), then send what waited.
  onHandleAck() {
    if (this.pendingHandle !== null) {
      this.pendingHandle.close();
      this.pendingHandle = null;
    }
    const queue = this.handleQueue || [];
    this.handleQueue = null;
    for (const { message, handle, options, callback } of queue) {
      this.target._send(message, handle, options, callback);
    }
    if (this.disconnectPending && this.handleQueue === null) {
      this.disconnectPending = false;
      this.close();
    }
  }

  // -> 0 or a negative errno; `callback(err)` once the bytes reached the kernel.
  write(message, fd, callback) {
    if (this.closed) return -9;
    const bytes = this.framing.encode(message);
    const queued = fd === null ? this.handle.write(bytes) : native.writeHandle(this.handle.token, bytes, fd);
    if (queued < 0 && fd !== null && queued !== -9) {
      // As in Node, whose libuv never tries a message that carries a descriptor at once: what
      // the kernel then refuses (the peer gone: EPIPE, ECONNRESET) reaches no callback, which
      // gets null; the peer's end shows as 'disconnect' once its EOF is read.
      if (callback) process.nextTick(callback, null);
      return 0;
    }
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
    if (this.pendingHandle !== null) {
      this.pendingHandle.close();
      this.pendingHandle = null;
    }
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
  // process._getActiveHandles() lists the channel's own handle (Node's Pipe) while it is ref'd.
  handle[kOwner] = handle;
  native.setIpc(handle.token);
  handle.onevent = (kind, value) => channel.onevent(kind, value);
  target.connected = true;
  target._channel = channel;
  Object.defineProperty(target, 'channel', {
    configurable: true,
    enumerable: false,
    get() { return channel.closed ? null : channel; },
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
    if (this.connected) return this._send(message, sendHandle, options, callback);
    const err = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') process.nextTick(callback, err);
    else process.nextTick(() => this.emit('error', err));
    return false;
  };

  // send() without the connected check: the channel's own messages, and what waited for an ACK.
  // -> whether more may be sent now (false: the queue is long, wait for the callbacks).
  target._send = function _send(message, sendHandle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (options === undefined) options = {};
    const fail = (err) => {
      if (options.swallowErrors) return false;
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return false;
    };
    let inner = null;
    if (sendHandle) {
      const type = handleType(sendHandle);
      if (type === null) throw new ERR_INVALID_HANDLE_TYPE();
      if (channel.handleQueue !== null) {
        channel.handleQueue.push({ message, handle: sendHandle, options, callback });
        return channel.handleQueue.length === 1;
      }
      message = { cmd: 'NODE_HANDLE', type, msg: message };
      inner = handleToSend(channel, message, sendHandle, options);
      // A socket with nothing left to send: the message goes alone.
      if (!inner) message = message.msg;
    } else if (channel.handleQueue !== null && !(message !== null && typeof message === 'object' &&
               (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      channel.handleQueue.push({ message, handle: null, options, callback });
      return channel.handleQueue.length === 1;
    }
    let fd = null;
    if (inner instanceof RawDescriptor) {
      fd = inner.fd;
      if (fd < 0) return fail(errnoException(-9, 'write'));
    } else if (inner) {
      fd = inner.token !== null && !inner.closed ? native.fdOf(inner.token) : -1;
      if (fd < 0) return fail(errnoException(-9, 'write'));
    }
    const err = channel.write(message, fd, typeof callback === 'function' ? callback : null);
    if (err < 0) {
      // A socket given up for sending is closed when it could not go.
      if (inner && message.type === 'net.Socket' && !options.keepOpen) inner.close();
      return fail(errnoException(err, 'write'));
    }
    if (inner) {
      channel.handleQueue = [];
      // A socket is the peer's now: ours closes once it has acknowledged it (unless keepOpen).
      if (message.type === 'net.Socket' && !options.keepOpen) channel.pendingHandle = inner;
    }
    return channel.writeQueueSize < kQueueLimit;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    // What waits for an ACK still goes out first.
    if (channel.handleQueue !== null) channel.disconnectPending = true;
    else channel.close();
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

module.exports = { setupChannel, setupChildChannel, RawDescriptor };
