'use strict';
// internal/dgram: the handle behind a dgram.Socket (`socket[kStateSymbol].handle`), in the shape
// of Node's UDP wrap, so code and tests that reach for it (`handle.lookup`, `handle.send`,
// `handle.close`) find the same methods. Each wraps a binding.dgram token; its events come to
// the handle's callback and go on to `handle.onmessage(nread, handle, buf, rinfo)` and to the
// send requests' `oncomplete(status, sent)`. Methods answer 0 or a negative errno, as the wrap's
// do; dgram.js turns those into Node's errors.

const { addHandle, removeHandle } = require('internal/process/handles');
const { codes: { ERR_SOCKET_BAD_TYPE }, isInt32, validateFunction } = require('internal/errors');
const { errName } = require('internal/net');

const native = binding.dgram;
const EV = native.events;
const { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR } = native.constants;
const EINVAL = -22;

const kStateSymbol = Symbol('state symbol');
const kOwner = Symbol('owner_symbol');

// Buffer's species is its FastBuffer: a Buffer over an ArrayBuffer without copying.
const FastBuffer = Buffer[Symbol.species];

// Node's `--test-udp-no-try-send`: every send is queued, none tried at once.
const tryNow = !require('internal/options').getOptionValue('--test-udp-no-try-send');

/** A send in flight: Node's SendWrap (`oncomplete` is set when a callback waits for it). */
class SendWrap {}

class UDP {
  constructor(ipv6) {
    this.ipv6 = ipv6;
    this.closed = false;
    this.onmessage = null;
    this[kOwner] = null;
    this._refed = true;
    this._reqs = new Map();
    this._nextReq = 1;
    this.token = native.create(ipv6, (kind, a, b) => this._event(kind, a, b));
    addHandle(this);
  }

  _event(kind, a, b) {
    if (kind === EV.MESSAGE) {
      if (typeof this.onmessage !== 'function') return;
      if (typeof a === 'number') {
        this.onmessage(a, this, undefined, undefined);
        return;
      }
      const buf = new FastBuffer(a.buffer, a.byteOffset, a.byteLength);
      this.onmessage(buf.length, this, buf, { address: b[0], family: b[2], port: b[1] });
    } else if (kind === EV.SENT) {
      const req = this._reqs.get(a);
      if (req === undefined) return;
      this._reqs.delete(a);
      if (typeof req.oncomplete === 'function') {
        req.oncomplete(b < 0 ? b : 0, b < 0 ? req.msgSize : b);
      }
    }
  }

  get fd() {
    return this.closed ? -1 : native.fd(this.token);
  }

  bind(ip, port, flags) {
    return native.bind(this.token, `${ip}`, port, flags | 0);
  }

  bind6(ip, port, flags) {
    return this.bind(ip, port, flags);
  }

  open(fd) {
    return native.open(this.token, fd);
  }

  connect(ip, port) {
    return native.connect(this.token, `${ip}`, port);
  }

  connect6(ip, port) {
    return this.connect(ip, port);
  }

  disconnect() {
    return native.disconnect(this.token);
  }

  recvStart() {
    return native.recvStart(this.token);
  }

  recvStop() {
    native.recvStop(this.token);
    return 0;
  }

  // send(req, list, count, port, ip, hasCallback) to an address, or
  // send(req, list, count, hasCallback) on a connected socket. Returns the bytes sent + 1 when
  // the datagram went out at once, 0 when queued (req.oncomplete follows), or a negative errno.
  send(req, list, count, ...rest) {
    const addressed = rest.length >= 3;
    const port = addressed ? rest[0] : 0;
    const ip = addressed ? `${rest[1]}` : undefined;
    const hasCallback = Boolean(addressed ? rest[2] : rest[0]);
    const views = [];
    let size = 0;
    for (let i = 0; i < count; i++) {
      views.push(list[i]);
      size += list[i].byteLength;
    }
    req.msgSize = size;
    const id = hasCallback ? this._nextReq++ : 0;
    const r = native.send(this.token, views, ip, port, id, tryNow);
    if (r === 0 && hasCallback) this._reqs.set(id, req);
    return r;
  }

  send6(...args) {
    return this.send(...args);
  }

  getsockname(out) {
    return fillAddress(native.getsockname(this.token), out);
  }

  getpeername(out) {
    return fillAddress(native.getpeername(this.token), out);
  }

  setBroadcast(on) { return native.setBroadcast(this.token, on); }
  setTTL(ttl) { return native.setTTL(this.token, ttl); }
  setMulticastTTL(ttl) { return native.setMulticastTTL(this.token, ttl); }
  setMulticastLoopback(on) { return native.setMulticastLoopback(this.token, on); }
  setMulticastInterface(address) { return native.setMulticastInterface(this.token, address); }

  addMembership(group, iface) {
    return native.membership(this.token, group, iface, true);
  }

  dropMembership(group, iface) {
    return native.membership(this.token, group, iface, false);
  }

  addSourceSpecificMembership(source, group, iface) {
    return native.sourceMembership(this.token, source, group, iface, true);
  }

  dropSourceSpecificMembership(source, group, iface) {
    return native.sourceMembership(this.token, source, group, iface, false);
  }

  // The size (set or read), or undefined with `ctx` filled in as Node's SystemError info.
  bufferSize(size, isRecv, ctx) {
    const syscall = isRecv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    const r = isInt32(size) ? native.bufferSize(this.token, size, isRecv) : EINVAL;
    if (r >= 0) return r;
    ctx.errno = r;
    ctx.code = errName(r);
    ctx.message = require('util').getSystemErrorMap().get(r)?.[1] || 'unknown error';
    ctx.syscall = syscall;
    return undefined;
  }

  getSendQueueSize() { return native.sendQueueSize(this.token); }
  getSendQueueCount() { return native.sendQueueCount(this.token); }

  ref() {
    this._refed = true;
    if (!this.closed) native.setRef(this.token, true);
  }

  unref() {
    this._refed = false;
    if (!this.closed) native.setRef(this.token, false);
  }

  hasRef() {
    return !this.closed && native.hasRef(this.token);
  }

  close(cb) {
    if (this.closed) return;
    this.closed = true;
    native.close(this.token);
    removeHandle(this);
    if (typeof cb === 'function') setImmediate(cb);
  }

  getAsyncId() {
    return -1;
  }

  /** What process._getActiveHandles() lists for this handle: its dgram.Socket. */
  activeOwner() {
    return !this.closed && this._refed ? this[kOwner] : null;
  }

  resourceType() {
    return 'UDPWrap';
  }
}

function fillAddress(r, out) {
  if (typeof r === 'number') return r;
  out.address = r[0];
  out.family = r[2];
  out.port = r[1];
  return 0;
}

let dns;

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

/** A handle for `type` ('udp4' | 'udp6') whose `lookup` resolves with `lookup`. */
function newHandle(type, lookup) {
  if (lookup === undefined) {
    dns ??= require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type === 'udp4') {
    const handle = new UDP(false);
    handle.lookup = lookup4.bind(handle, lookup);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP(true);
    handle.lookup = lookup6.bind(handle, lookup);
    return handle;
  }
  throw new ERR_SOCKET_BAD_TYPE();
}

/** A handle bound to `address:port` (or over `fd`), or a negative errno. */
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err = 0;
  if (isInt32(fd) && fd > 0) {
    err = native.isUdp(fd) ? handle.open(fd) : EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  kStateSymbol,
  kOwner,
  newHandle,
  _createSocketHandle,
  SendWrap,
  UDP,
  UV_UDP_IPV6ONLY,
  UV_UDP_REUSEADDR,
};
