'use strict';
// internal/net_handle: the handle objects behind net.Socket and net.Server (`socket._handle`),
// in the shape of Node's TCP/Pipe wraps: methods (readStart, setNoDelay, getsockname, ...) that
// code and tests may call, wrap or replace. Each wraps a binding.net token; the token's events
// go to `handle.onevent(kind, value)`, and a listening handle's accepted connections to
// `handle.onconnection(err, clientHandle)`, both installed by net.js.
//
// A handle exists before its token: net.connect() makes it at once (as Node does) while the
// address may still be resolving; options set meanwhile are applied when the token comes.

const { addHandle, removeHandle } = require('internal/process/handles');

const native = binding.net;
const EV = native.events;
const EBADF = -9;
const kOwner = Symbol('kOwner');
// A string write()'s UTF-8 size, reported by the native as it encodes the string (the socket's
// bytesWritten then needs no second pass over it); -1 when no write reported one.
const lastWriteSize = new Float64Array(1);
const kConnectTrace = Symbol('kConnectTrace');

// node.net.native trace events: each connect, from its start to its status.
const kTraceCat = 'node,node.net,node.net.native';
let lastConnectTraceId = 0;
const { state: traceState, traceEvents } = require('internal/trace_events_state');

/** Starts a connect's trace (when traced); returns what ends it with a status. */
function traceConnect(handle, args) {
  if (!traceState.netNative) return;
  const id = { id: `0x${(++lastConnectTraceId).toString(16)}` };
  traceEvents().record('b', kTraceCat, 'connect', args, id);
  handle[kConnectTrace] = id;
}

function traceConnectDone(handle, status) {
  const id = handle[kConnectTrace];
  if (id === undefined) return;
  handle[kConnectTrace] = undefined;
  traceEvents().record('e', kTraceCat, 'connect', { status }, id);
}

class NetHandle {
  constructor(isPipe = false, token = null) {
    this.isPipe = isPipe;
    this.token = null;
    this.reading = false;
    this.closed = false;
    this.onevent = null;
    this.onconnection = null;
    this[kOwner] = null;
    this._refed = true;
    this._noDelay = false;
    this._keepAlive = null;
    this._pipePath = undefined;
    this._closeCallback = null;
    if (token !== null) this._adopt(token, true);
  }

  get fd() { return this.token === null || this.closed ? -1 : native.fdOf(this.token); }

  // Events from tokens this handle gave up (a retried connect) are dropped.
  _callback() {
    let mine = null;
    const cb = (kind, value) => {
      if (mine !== this.token) return;
      if (kind === EV.CONNECT) traceConnectDone(this, value);
      if (kind === EV.CONNECTION) {
        if (typeof this.onconnection === 'function') {
          this.onconnection(0, new NetHandle(this.isPipe, value));
        } else {
          native.close(value);
        }
        return;
      }
      if (typeof this.onevent === 'function') this.onevent(kind, value);
      // The close callback last, once the owner (and whatever wraps it) heard EV.CLOSE.
      if (kind === EV.CLOSE && this._closeCallback !== null) {
        const done = this._closeCallback;
        this._closeCallback = null;
        done();
      }
    };
    return [cb, (token) => { mine = token; }];
  }

  _adopt(token, setCallback) {
    if (setCallback) {
      const [cb, own] = this._callback();
      own(token);
      native.setCallback(token, cb);
    }
    this.token = token;
    addHandle(this);
    if (!this._refed) native.setRef(token, false);
    if (this._noDelay) native.setNoDelay(token, true);
    if (this._keepAlive) native.setKeepAlive(token, true, this._keepAlive.delay);
  }

  // -> 0, or a negative errno (nothing was made then).
  _open(make) {
    const [cb, own] = this._callback();
    const token = make(cb);
    if (token < 0) return token;
    if (this.token !== null && !this.closed) native.close(this.token);
    own(token);
    this._adopt(token, false);
    return 0;
  }

  connect(address, port, localAddress, localPort) {
    traceConnect(this, { ip: address, port });
    const err = this._open((cb) => native.connectTcp(address, port, localAddress, localPort || 0, cb));
    if (err < 0) traceConnectDone(this, err);
    return err;
  }

  connectPipe(path) {
    const abstract = typeof path === 'string' && path[0] === '\0';
    traceConnect(this, { path_type: abstract ? 'abstract' : 'file', pipe_path: `${path}` });
    const err = this._open((cb) => native.connectPipe(path, cb));
    if (err < 0) traceConnectDone(this, err);
    return err;
  }

  listen(address, port, backlog, ipv6Only) {
    return this._open((cb) => native.listenTcp(address, port, backlog, ipv6Only, cb));
  }

  listenPipe(path, backlog) {
    const err = this._open((cb) => native.listenPipe(path, backlog, cb));
    // The socket file is ours: it goes when the server closes (as libuv's pipe close).
    if (err === 0 && typeof path === 'string' && path[0] !== '\0') this._pipePath = path;
    return err;
  }

  readStart() {
    if (this.token === null || this.closed) return EBADF;
    this.reading = true;
    return native.readStart(this.token);
  }

  readStop() {
    this.reading = false;
    if (this.token !== null && !this.closed) native.readStop(this.token);
    return 0;
  }

  write(chunk) {
    if (this.token === null || this.closed) return EBADF;
    return native.write(this.token, chunk, lastWriteSize);
  }

  writev(chunks) {
    if (this.token === null || this.closed) return EBADF;
    return native.writev(this.token, chunks);
  }

  shutdown() {
    if (this.token === null || this.closed) return EBADF;
    return native.shutdown(this.token);
  }

  // 'close' (EV.CLOSE) follows in the close phase when there was a token; `cb` then runs, as a
  // Node handle's close callback (on the next tick when there was nothing to close).
  close(cb) {
    const closing = this._end(native.close);
    if (typeof cb === 'function') {
      if (closing) this._closeCallback = cb;
      else process.nextTick(cb);
    }
    return closing;
  }

  // As close(), but a TCP connection ends with RST (the peer reads ECONNRESET).
  reset() {
    return this._end(native.reset);
  }

  _end(how) {
    if (this.closed) return false;
    this.closed = true;
    this.reading = false;
    removeHandle(this);
    if (this.token === null) return false;
    how(this.token);
    if (this._pipePath !== undefined) {
      try {
        require('fs').unlinkSync(this._pipePath);
      } catch {
        // Already gone, or not ours to remove any more.
      }
    }
    return true;
  }

  ref() {
    this._refed = true;
    if (this.token !== null && !this.closed) native.setRef(this.token, true);
  }

  unref() {
    this._refed = false;
    if (this.token !== null && !this.closed) native.setRef(this.token, false);
  }

  /** What process._getActiveHandles() lists for this handle: its socket or server. */
  activeOwner() {
    return this.token !== null && !this.closed && this._refed ? this[kOwner] : null;
  }

  /** Node's name for this kind of handle (process.getActiveResourcesInfo()). */
  resourceType() {
    if (this.isPipe) return 'PipeWrap';
    return typeof this.onconnection === 'function' ? 'TCPServerWrap' : 'TCPSocketWrap';
  }

  hasRef() {
    if (this.token === null || this.closed) return false;
    return native.hasRef(this.token);
  }

  setNoDelay(enable) {
    this._noDelay = Boolean(enable);
    if (this.token !== null && !this.closed) native.setNoDelay(this.token, this._noDelay);
    return 0;
  }

  setKeepAlive(enable, delaySecs) {
    this._keepAlive = enable ? { delay: delaySecs } : null;
    if (this.token !== null && !this.closed) native.setKeepAlive(this.token, Boolean(enable), delaySecs);
    return 0;
  }

  // Fill `out` with { address, family, port }: 0, or a negative errno.
  getsockname(out) {
    return fill(out, this.token === null || this.closed ? undefined : native.localAddress(this.token));
  }

  getpeername(out) {
    return fill(out, this.token === null || this.closed ? undefined : native.remoteAddress(this.token));
  }

  get writeQueueSize() {
    return this.token === null || this.closed ? 0 : native.queuedBytes(this.token);
  }
}

function fill(out, arr) {
  if (!arr) return EBADF;
  out.address = arr[0];
  out.family = arr[2];
  out.port = arr[1];
  return 0;
}

module.exports = { NetHandle, kOwner, EV, lastWriteSize };
