'use strict';
// _tls_wrap: TLSSocket (a net.Socket whose bytes are encrypted) and tls.connect; tls.Server is
// in internal/tls/server.
//
// Boundary: a TLSSocket's `_handle` is a TLSWrap over the connection's internal/net_handle
// NetHandle (`_parent`, as Node's TLSWrap sits on a TCP handle). binding.net.startTls(token,
// isServer, host, options) puts rustls on that token; from then on writes are encrypted and the
// handle reports EV.SECURE { protocol, cipher, alpn, authorized, authorizationError,
// servername } when the handshake is done, EV.TLS_ERROR { message, code } when it fails, and
// plaintext as EV.DATA. Those two events are handled here; the rest go on to net's handler.
//
// The chain is verified in Rust (a failure is fatal there with rejectUnauthorized); the host
// name is checked here, after EV.SECURE, with options.checkServerIdentity, as Node does. Until
// then a client's writes are held, so nothing reaches a server that has not been verified.

const net = require('net');
const { Buffer } = require('buffer');
const { NetHandle, EV } = require('internal/net_handle');
const { DuplexHandle } = require('internal/tls/stream_handle');
const { isIP } = require('internal/net');
const common = require('_tls_common');
const {
  alpnList, kSecureInfo, kServerConnection, kErrorEmitted, kDefaultSNICallback,
} = require('internal/tls/common');
const { completeChain, selfIssued } = require('internal/tls/certificate');
const { configError, handshakeError, verifyError, connReset } = require('internal/tls/errors');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_MULTIPLE_CALLBACK, ERR_TLS_ALPN_CALLBACK_INVALID_RESULT,
    ERR_TLS_HANDSHAKE_TIMEOUT, ERR_TLS_INVALID_CONTEXT,
  },
  validateFunction, validateNumber,
} = require('internal/errors');

const kConnectOptions = Symbol('connect-options');
const kWrapped = Symbol('wrapped-socket');
const kHeld = Symbol('held-writes');
const kHeldFinal = Symbol('held-final');
const kPeerCerts = Symbol('peer-certificates');
const kStarted = Symbol('tls-started');
const kServername = Symbol('servername');
const kVerifyFirst = Symbol('verify-first');
const kEnded = Symbol('ended');
const kNoCredentials = Symbol('no-credentials');
const kSession = Symbol('session');
// binding.net's TLS-only events: KEYLOG (a line), SESSION (a client's resumable session) and
// HELLO (a server read a ClientHello with a name and waits for tlsAccept).
const TLS_EV = binding.net.tlsEvents;
// OpenSSL's option bit (crypto.constants.SSL_OP_NO_TICKET).
const SSL_OP_NO_TICKET = 0x4000;
const kNetProto = net.Socket.prototype;

// node:tls itself, for what code may replace there (checkServerIdentity, DEFAULT_CIPHERS, ...);
// it loads this file, so it is asked for when used.
const tls = () => require('tls');

// ===== TLSWrap: a TLSSocket's handle =====

// Everything but the two TLS events is the connection's own handle's business; `_parent` is
// null while a wrapped socket is still connecting.
class TLSWrap {
  constructor(parent, owner) {
    this._parent = parent;
    this._owner = owner;
    this.onevent = null;
    this.onconnection = null;
  }

  // Over a Duplex, Node's handle sits on a JSStreamSocket (`_parentWrap`); Eddy's engine takes
  // the Duplex itself, so there is none. Packages reach the JSStreamSocket class through it
  // (`_parentWrap.constructor`: http2-wrapper, so got): an unconnected object of that class
  // that holds the Duplex answers for it.
  get _parentWrap() {
    if (!(this._parent instanceof DuplexHandle)) return undefined;
    const JSStreamSocket = require('internal/js_stream_socket');
    return Object.create(JSStreamSocket.prototype, {
      stream: { __proto__: null, value: this._parent.stream, enumerable: true },
    });
  }

  // Node's handle answers these too (socket.ssl.verifyError() and friends).
  verifyError() {
    const info = this._owner[kSecureInfo];
    return info && info.authorizationError ? verifyError(info.authorizationError) : null;
  }

  getPeerCertificate(detailed) { return this._owner.getPeerCertificate(detailed); }
  getProtocol() { return this._owner.getProtocol(); }
  getCipher() { return this._owner.getCipher(); }
  getSession() { return undefined; }
  isSessionReused() { return false; }

  // TLS on the connection: binding.net's over a socket's token, or the Duplex's own engine.
  startTls(isServer, host, options) {
    const p = this._parent;
    return p instanceof DuplexHandle ? p.startTls(isServer, host, options) :
      binding.net.startTls(p.token, isServer, host, options);
  }

  tlsAccept(options, alpn, session) {
    const p = this._parent;
    return p instanceof DuplexHandle ? p.tlsAccept(options, alpn, session) :
      binding.net.tlsAccept(p.token, options, alpn, session);
  }

  // Ciphertext read before TLS began (held in a wrapped socket's stream buffer).
  receive(chunk) {
    const p = this._parent;
    if (p instanceof DuplexHandle || p === null || p.token === null || p.closed) return;
    binding.net.tlsReceive(p.token, chunk);
  }

  setKeylog(on) {
    const p = this._parent;
    if (p instanceof DuplexHandle) p.setKeylog(on);
    else binding.net.setKeylog(p.token, on);
  }

  setMaxSendFragment(size) {
    const p = this._parent;
    if (p === null || p.closed) return;
    if (p instanceof DuplexHandle) p.setMaxSendFragment(size);
    else if (p.token !== null) binding.net.setMaxSendFragment(p.token, size);
  }

  get isPipe() { return this._parent !== null && this._parent.isPipe; }
  get token() { return this._parent === null ? null : this._parent.token; }
  get closed() { return this._parent === null || this._parent.closed; }
  get fd() { return this._parent === null ? -1 : this._parent.fd; }
  get reading() { return this._parent !== null && this._parent.reading; }
  set reading(value) { if (this._parent !== null) this._parent.reading = value; }
  get writeQueueSize() { return this._parent === null ? 0 : this._parent.writeQueueSize; }

  connect(...args) { return this._parent.connect(...args); }
  connectPipe(path) { return this._parent.connectPipe(path); }
  readStart() { return this._parent === null ? -9 : this._parent.readStart(); }
  readStop() { return this._parent === null ? 0 : this._parent.readStop(); }
  write(chunk) { return this._parent === null ? -9 : this._later(this._parent.write(chunk)); }
  writev(chunks) { return this._parent === null ? -9 : this._later(this._parent.writev(chunks)); }

  // As Node's TLS writes, a write is done on a later tick even when the socket took it all at
  // once: until then it counts in the stream's writableLength (bufferSize). The socket has the
  // bytes, so the callback comes even if the stream is destroyed meanwhile.
  _later(result) {
    if (result !== 0 || this._parent instanceof DuplexHandle) return result;
    process.nextTick(() => {
      if (typeof this.onevent === 'function') this.onevent(EV.WRITTEN, 0);
    });
    return 1;
  }
  shutdown() { return this._parent === null ? -9 : this._parent.shutdown(); }
  close() { return this._parent !== null && this._parent.close(); }
  reset() { return this._parent !== null && this._parent.reset(); }
  ref() { if (this._parent !== null) this._parent.ref(); }
  unref() { if (this._parent !== null) this._parent.unref(); }
  hasRef() { return this._parent !== null && this._parent.hasRef(); }
  setNoDelay(enable) { return this._parent === null ? 0 : this._parent.setNoDelay(enable); }
  setKeepAlive(enable, delay) { return this._parent === null ? 0 : this._parent.setKeepAlive(enable, delay); }
  getsockname(out) { return this._parent === null ? -9 : this._parent.getsockname(out); }
  getpeername(out) { return this._parent === null ? -9 : this._parent.getpeername(out); }
}

// From now on the connection's events come to `socket`; `previous` (the wrapped socket's
// handler) still hears of the close, so that socket can finish too.
function takeOver(socket, wrap, parent) {
  wrap._parent = parent;
  const previous = parent.onevent;
  parent.onevent = (kind, value) => {
    switch (kind) {
      case EV.SECURE:
        onSecure(socket, value);
        return;
      case TLS_EV.KEYLOG:
        onKeylog(socket, Buffer.from(value));
        return;
      case TLS_EV.SESSION:
        onSession(socket, Buffer.from(value));
        return;
      case TLS_EV.HELLO:
        onHello(socket, value);
        return;
      case TLS_EV.NEW_SESSION:
        onNewSession(socket, value);
        return;
      case EV.TLS_ERROR:
        if (value && value.code) value.code = refineVerifyCode(value.code, peerCertificates(parent));
        onTlsFailure(socket, handshakeError(value));
        return;
      case EV.DATA:
        if (socket.destroyed) return;
        if (socket[kNoCredentials]) {
          const first = new Uint8Array(value)[0];
          const reason = first === 0x16 ? 'no shared cipher' : 'wrong version number';
          onTlsFailure(socket, handshakeError({ message: reason }));
          return;
        }
        break;
      case EV.EOF:
        // close_notify (or the TCP end) ends the stream once; what follows on the wire (the
        // FIN, an RST when our own goodbye finds the peer gone) is not read any more.
        if (socket.destroyed || socket[kEnded]) return;
        socket[kEnded] = true;
        if (parent.reading) parent.readStop();
        // Before the handshake is done, an end is a hang-up: the connection cannot go on.
        if (!socket._secureEstablished) {
          if (socket[kConnectOptions]) onConnectEnd.call(socket);
          else socket.destroy();
          return;
        }
        break;
      case EV.ERROR:
        // A connection a tls.Server has not handed over yet reports to 'tlsClientError'.
        if (socket[kServerConnection] && !socket._controlReleased && !socket.destroyed) {
          onTlsFailure(socket, require('internal/net').errnoException(value, 'read'));
          return;
        }
        break;
      case EV.CLOSE:
        // Closed underneath us (the wrapped socket was destroyed): this one ends as well,
        // before the wrapped socket says 'close'.
        if (!socket.destroyed) socket.destroy();
        if (typeof previous === 'function') previous(kind, value);
        break;
    }
    if (typeof wrap.onevent === 'function') wrap.onevent(kind, value);
  };
}

// ===== TLSSocket =====

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = { ...opts };
  if (tlsOptions.ALPNProtocols !== undefined) tlsOptions.ALPNProtocols = alpnList(tlsOptions.ALPNProtocols);
  if (tlsOptions.secureContext !== undefined && !(tlsOptions.secureContext instanceof common.SecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kHeld] = [];
  this[kHeldFinal] = null;
  this[kSecureInfo] = null;
  this[kPeerCerts] = null;
  this[kStarted] = false;
  this[kServername] = undefined;
  this[kVerifyFirst] = false;
  this[kErrorEmitted] = false;
  this[kEnded] = false;
  this[kServerConnection] = false;
  this[kNoCredentials] = false;
  // Documented, so secure sockets can be told from plain ones.
  this.encrypted = true;

  let wrapped = null;
  let parent = null;
  if (socket === undefined || socket === null) {
    parent = new NetHandle(Boolean(tlsOptions.pipe));
  } else if (socket instanceof net.Socket && !(socket instanceof TLSSocket)) {
    wrapped = socket;
    if (socket._handle !== null && !socket.connecting) parent = socket._handle;
  } else if (isDuplex(socket)) {
    // Any other Duplex carries the ciphertext itself (internal/tls/stream_handle); a
    // TLSSocket's reads are taken over at its handle.
    parent = new DuplexHandle(socket, socket instanceof TLSSocket);
  } else {
    throw new ERR_INVALID_ARG_TYPE('socket', 'stream.Duplex', socket);
  }
  const wrap = new TLSWrap(null, this);
  // Over another stream the option is that stream's business (Node's JS stream socket does
  // not half-close).
  let allowHalfOpen = tlsOptions.allowHalfOpen;
  if (wrapped !== null) allowHalfOpen = wrapped.allowHalfOpen;
  else if (parent instanceof DuplexHandle) allowHalfOpen = false;
  net.Socket.call(this, {
    handle: wrap,
    allowHalfOpen,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    onread: tlsOptions.onread,
    signal: tlsOptions.signal,
  });
  this[kWrapped] = wrapped;
  if (wrapped !== null) {
    this._host = wrapped._host;
    if (wrapped.server) this.server = wrapped.server;
  }
  if (tlsOptions.isServer) {
    if (tlsOptions.SNICallback !== undefined && tlsOptions.SNICallback !== null) {
      validateFunction(tlsOptions.SNICallback, 'options.SNICallback');
    }
    this._SNICallback = tlsOptions.SNICallback || null;
    if (tlsOptions.handshakeTimeout > 0) this.setTimeout(tlsOptions.handshakeTimeout, this._handleTimeout);
  } else {
    this.on('newListener', onNewKeylogListener);
  }

  this.ssl = wrap;
  // Until control is released (tls.connect does at once, a server at 'secureConnection'),
  // errors are the TLS layer's business: they go to '_tlsError', never thrown as unhandled.
  this.on('error', this._tlsError);

  if (parent instanceof DuplexHandle) {
    parent.owner = this;
    takeOver(this, wrap, parent);
    if (tlsOptions.isServer) beginTls(this);
    startReading(this, parent);
  } else if (parent !== null && wrapped === null) {
    takeOver(this, wrap, parent);
    // A client that makes its own connection starts TLS on it (tls.connect asks as well).
    if (!tlsOptions.isServer) this.once('connect', this._start);
  } else if (parent !== null) {
    takeOver(this, wrap, parent);
    if (tlsOptions.isServer) {
      beginTls(this);
      // On a later tick, as the bytes had been read then: what they cause is emitted to
      // listeners the creator adds now.
      process.nextTick(receiveBuffered, this, parent);
    }
    startReading(this, parent);
  } else {
    // The wrapped socket is still connecting (or not yet asked to): its connection becomes
    // ours once it is made.
    this.connecting = true;
    const onError = (err) => this.destroy(err);
    wrapped.once('error', onError);
    wrapped.once('connect', () => {
      wrapped.removeListener('error', onError);
      if (this.destroyed || wrapped._handle === null) return;
      takeOver(this, wrap, wrapped._handle);
      this.connecting = false;
      this.emit('connect');
      if (tlsOptions.isServer) beginTls(this);
      startReading(this, wrapped._handle);
    });
  }
}

// What the wrapped socket read before it was wrapped (a server that attaches TLS late) is the
// start of the handshake: it goes through TLS as if read now.
function receiveBuffered(socket, parent) {
  const wrapped = socket[kWrapped];
  if (wrapped === null || !wrapped.readableLength) return;
  let chunk;
  while ((chunk = wrapped.read()) !== null && !socket.destroyed) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, wrapped._readableState.encoding);
    if (socket[kNoCredentials]) {
      const ab = chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.length);
      parent.onevent(EV.DATA, ab);
    } else if (socket[kStarted]) {
      socket._handle.receive(chunk);
    }
  }
}

function isDuplex(stream) {
  return stream !== null && typeof stream === 'object' && typeof stream.on === 'function' &&
    typeof stream.write === 'function' && typeof stream.end === 'function';
}

// The handshake needs the peer's bytes even when the stream starts paused (pauseOnConnect):
// then they are read while the stream itself stays paused.
function startReading(socket, parent) {
  if (!socket._tlsOptions.pauseOnConnect) {
    socket.read(0);
    return;
  }
  require('stream').Duplex.prototype.pause.call(socket);
  if (!parent.reading) parent.readStart();
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

// Put rustls on the connection: at once on a server, from _start() on a client.
function beginTls(socket) {
  const handle = socket._handle;
  if (socket[kStarted] || socket.destroyed || handle === null || handle.token === null) return;
  socket[kStarted] = true;
  const o = socket._tlsOptions;
  const context = o.secureContext || common.createSecureContext(o);
  const native = context.context.tlsOptions();
  if (o.isServer && (!native.cert || !native.key) && !usesSNICallback(socket)) {
    // rustls cannot even start without a certificate; OpenSSL fails the first handshake
    // record instead, so the peer's first bytes decide the error (see takeOver).
    socket[kNoCredentials] = true;
    return;
  }
  // rustls speaks TLS 1.2 and 1.3 only: a range below them leaves nothing to offer.
  if (native.maxVersion === 'TLSv1' || native.maxVersion === 'TLSv1.1') {
    process.nextTick(() => onTlsFailure(socket, handshakeError({ message: 'no protocols available' })));
    return;
  }
  addSocketOptions(socket, context, native);
  native.keylog = wantsKeylog(socket);
  if (o.isServer) {
    native.sni = usesSNICallback(socket);
    native.alpnCallback = typeof o.ALPNCallback === 'function';
    // A server's session cache in JS: its sessions go to 'newSession', and a hello with a
    // session id waits on 'resumeSession'.
    const server = o.server;
    native.newSession = Boolean(server) && server.listenerCount('newSession') > 0;
    native.resumeSession = Boolean(server) && server.listenerCount('resumeSession') > 0;
  } else if (socket._pendingSession) {
    native.session = socket._pendingSession;
  }
  let host = '';
  if (!o.isServer) {
    const name = socket[kServername];
    if (typeof name === 'string' && name !== '') native.servername = name;
    // Without a servername no SNI is sent, as Node sends none: given an address for its name,
    // rustls leaves the extension out (the name itself is checked here, not there).
    host = socket.remoteAddress || '127.0.0.1';
  }
  const result = handle.startTls(Boolean(o.isServer), host, native);
  if (result !== 0) {
    const err = typeof result === 'string' ? configError(result) :
      require('internal/net').errnoException(result, 'startTls');
    process.nextTick(() => onTlsFailure(socket, err));
  }
}

// What the socket adds to its context's options for binding.net (startTls, and tlsAccept for
// the context an SNICallback chose).
function addSocketOptions(socket, context, native) {
  const o = socket._tlsOptions;
  if (o.isServer && native.ca && native.cert) {
    const ctx = context.context;
    if (ctx.chainFor !== native.cert) {
      ctx.chainFor = native.cert;
      ctx.chain = completeChain(native.cert, native.ca);
    }
    native.cert = ctx.chain;
  }
  native.ALPNProtocols = o.ALPNProtocols;
  if (o.isServer) {
    // Session tickets are sealed with the context's keys (random unless set), so that every
    // server given the same keys resumes the others' sessions.
    // SSL_OP_NO_TICKET: no tickets at all (sessions are kept by id only).
    if (!((context.context.secureOptions || 0) & SSL_OP_NO_TICKET)) {
      native.ticketKeys = context.context.getTicketKeys();
    }
    native.sessionTimeout = context.context.sessionTimeout;
  }
  // A client made with `new TLSSocket` is never refused by the handshake: its owner checks
  // ssl.verifyError() (Node's contract); tls.connect's sockets fail there already.
  native.rejectUnauthorized = o.rejectUnauthorized !== false && (o.isServer || socket[kVerifyFirst]);
  native.requestCert = Boolean(o.requestCert);
}

// --tls-keylog=file (on the command line or in NODE_OPTIONS): every connection's key log lines
// are appended there too. The descriptor is opened on the first line and stays open.
let keylogFd;
function keylogTarget() {
  if (keylogFd !== undefined) return keylogFd;
  keylogFd = null;
  let file = null;
  for (const arg of [...process.execArgv, ...`${process.env.NODE_OPTIONS || ''}`.split(/\s+/)]) {
    if (arg.startsWith('--tls-keylog=')) file = arg.slice('--tls-keylog='.length);
  }
  if (file) {
    process.emitWarning('Using --tls-keylog makes TLS connections insecure by writing secret key material ' +
      `to file ${file}`);
    try {
      keylogFd = require('fs').openSync(file, 'a');
    } catch (err) {
      process.emitWarning(`Cannot open the TLS key log file ${file}: ${err.message}`);
    }
  }
  return keylogFd;
}

// Key log lines are made only while someone listens: the server's 'keylog' for its
// connections, the socket's own for a client (or the --tls-keylog file, for every one).
function wantsKeylog(socket) {
  if (keylogTarget() !== null) return true;
  const server = socket._tlsOptions.server;
  if (socket._tlsOptions.isServer) return Boolean(server) && server.listenerCount('keylog') > 0;
  return socket.listenerCount('keylog') > 0;
}

function onNewKeylogListener(event) {
  if (event !== 'keylog' || !this[kStarted]) return;
  const handle = this._handle;
  if (handle !== null && handle.token !== null && !handle.closed) handle.setKeylog(true);
}

function onKeylog(socket, line) {
  const fd = keylogTarget();
  if (fd !== null) require('fs').writeSync(fd, line);
  if (socket._tlsOptions.isServer) {
    const server = socket._tlsOptions.server;
    if (server) server.emit('keylog', line, socket);
    return;
  }
  socket.emit('keylog', line);
}

function onSession(socket, session) {
  socket[kSession] = session;
  socket.emit('session', session);
}

function invalidSNIContext() {
  const err = new TypeError('Invalid SNI context');
  err.code = 'ERR_TLS_INVALID_CONTEXT';
  return err;
}

// Whether a server socket reads the ClientHello first, so that its SNICallback can choose the
// certificate (the default callback only when addContext gave it something to choose).
function usesSNICallback(socket) {
  const callback = socket._SNICallback;
  if (typeof callback !== 'function') return false;
  const server = socket._tlsOptions.server;
  return !(callback[kDefaultSNICallback] === true && server && server._contexts.length === 0);
}

// A session the server made, for its 'newSession' listeners to keep. (The handshake does not
// wait for the callback.)
function onNewSession(socket, { id, data }) {
  const server = socket._tlsOptions.server;
  if (!server) return;
  server.emit('newSession', Buffer.from(id), Buffer.from(data), () => {});
}

// The ClientHello ({ servername, protocols, sessionId }): a session id goes to the server's
// 'resumeSession' listeners first, whose session (if any) the handshake resumes.
function onHello(socket, hello) {
  if (socket.destroyed) return;
  const server = socket._tlsOptions.server;
  if (hello.sessionId === undefined || !server || server.listenerCount('resumeSession') === 0) {
    onHelloSession(socket, hello, undefined);
    return;
  }
  const id = Buffer.from(hello.sessionId);
  let called = false;
  server.emit('resumeSession', id, (err, data) => {
    if (called) return;
    called = true;
    // The client may be gone meanwhile: nothing is left to resume then.
    if (socket.destroyed) return;
    if (err) {
      socket.destroy(err);
      return;
    }
    const session = ArrayBuffer.isView(data) && data.byteLength > 0 ? [id, data] : undefined;
    onHelloSession(socket, hello, session);
  });
}

// The SNICallback's context (or none: the server's own) carries the handshake on, with the
// ALPNCallback's protocol and the session found.
function onHelloSession(socket, hello, session) {
  const { servername } = hello;
  if (servername === undefined || !usesSNICallback(socket)) {
    accept(socket, undefined, hello, session);
    return;
  }
  socket.servername = servername;
  const server = socket._tlsOptions.server;
  let called = false;
  socket._SNICallback.call(server || socket, servername, (err, context) => {
    if (called) {
      onTlsFailure(socket, new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    if (socket.destroyed) return;
    if (err) {
      onTlsFailure(socket, err);
      return;
    }
    // As in Node, a SecureContext or its native `context` will do; anything else is refused.
    const chosen = context && (context.context || context);
    if (chosen && typeof chosen.tlsOptions !== 'function') {
      onTlsFailure(socket, invalidSNIContext());
      return;
    }
    let native;
    if (chosen) {
      native = chosen.tlsOptions();
      addSocketOptions(socket, { context: chosen }, native);
    }
    accept(socket, native, hello, session);
  });
}

// The handshake goes on with `native` (a context's options; undefined: the server's own).
function accept(socket, native, hello, session) {
  let alpn;
  const callback = socket._tlsOptions.ALPNCallback;
  // As OpenSSL, the callback hears only of a hello that offers protocols.
  if (typeof callback === 'function' && hello.protocols !== undefined) {
    const { protocols } = hello;
    const chosen = callback.call(socket, { servername: hello.servername || false, protocols });
    if (chosen === undefined) {
      alpn = false;
    } else if (!protocols.includes(chosen)) {
      // Not one of the client's: the connection is dropped, with no alert.
      onTlsFailure(socket, new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(chosen, protocols.join(', ')));
      return;
    } else {
      alpn = chosen;
    }
  }
  const handle = socket._handle;
  if (handle === null || handle.token === null || handle.closed) return;
  const result = handle.tlsAccept(native, alpn, session);
  if (result !== 0) {
    onTlsFailure(socket, typeof result === 'string' ? configError(result) :
      require('internal/net').errnoException(result, 'tlsAccept'));
  }
}

TLSSocket.prototype._start = function _start() {
  if (this.connecting) {
    this.once('connect', () => this._start());
    return;
  }
  beginTls(this);
};

// The peer's chain (DER, leaf first) from a TLSWrap or the handle under it.
function peerCertificates(handle) {
  if (handle === null || handle.token === null || handle.closed) return [];
  const p = handle instanceof TLSWrap ? handle._parent : handle;
  if (p instanceof DuplexHandle) return p.peerCertificates() || [];
  return binding.net.peerCertificates(p.token) || [];
}

// binding.net tells a self-signed leaf from an unknown issuer; OpenSSL also names the case of
// a chain that ends in an untrusted self-signed root, or in no root at all.
// (It may also take a leaf refused for another reason for a self-signed one: the names say.)
function refineVerifyCode(code, certs) {
  if (certs.length === 0) return code;
  const chainCodes = ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN'];
  if (!chainCodes.includes(code)) return code;
  if (certs.length === 1) {
    return selfIssued(certs[0]) ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
  }
  return selfIssued(certs[certs.length - 1]) ? 'SELF_SIGNED_CERT_IN_CHAIN' : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
}

function onSecure(socket, info) {
  if (socket.destroyed) return;
  socket._secureEstablished = true;
  socket.secureConnecting = false;
  socket[kPeerCerts] = peerCertificates(socket._handle);
  if (info.authorizationError) {
    info.authorizationError = refineVerifyCode(info.authorizationError, socket[kPeerCerts]);
  }
  socket[kSecureInfo] = info;
  if (info.session) socket[kSession] = Buffer.from(info.session);
  socket.alpnProtocol = info.alpn;
  const o = socket._tlsOptions;
  if (o.isServer) {
    socket.servername = info.servername || false;
    if (o.handshakeTimeout > 0) socket.setTimeout(0, socket._handleTimeout);
    finishSecure(socket);
    return;
  }
  socket.servername = socket[kServername] || false;
  finishSecure(socket);
}

function finishSecure(socket) {
  if (socket.destroyed) return;
  // A client made by tls.connect() lets its writes go once the server is verified.
  if (!socket[kVerifyFirst]) releaseWrites(socket);
  socket.emit('secure');
}

function releaseWrites(socket) {
  const held = socket[kHeld];
  if (held === null) return;
  socket[kHeld] = null;
  for (const [writev, data, encoding, cb] of held) kNetProto._writeGeneric.call(socket, writev, data, encoding, cb);
  const final = socket[kHeldFinal];
  socket[kHeldFinal] = null;
  if (final !== null) kNetProto._final.call(socket, final);
}

// A failed handshake: a server's socket reports it as the server's 'tlsClientError' (until the
// connection is handed over in 'secureConnection'), any other as its own 'error'.
function onTlsFailure(socket, err) {
  if (socket.destroyed) return;
  const server = socket._tlsOptions.server;
  if (socket[kServerConnection] && !socket._controlReleased) {
    if (socket[kErrorEmitted]) return;
    socket[kErrorEmitted] = true;
    socket.destroy();
    server.emit('tlsClientError', err, socket);
    return;
  }
  socket.destroy(err);
}

// What the stream holds: a TLS write stays in writableLength until the peer's side took it.
Object.defineProperty(TLSSocket.prototype, 'bufferSize', {
  configurable: true,
  get() { return this._handle === null ? undefined : this.writableLength; },
});

TLSSocket.prototype._emitTLSError = function _emitTLSError(err) {
  onTlsFailure(this, err);
};

// The TLS state is gone with the connection: `ssl` (the handle, for code that looks at it)
// reads null from then on.
TLSSocket.prototype._destroySSL = function _destroySSL() {
  this.ssl = null;
};

TLSSocket.prototype._tlsError = function _tlsError(err) {
  this.emit('_tlsError', err);
  return this._controlReleased ? err : null;
};

TLSSocket.prototype._handleTimeout = function _handleTimeout() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._releaseControl = function _releaseControl() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._writeGeneric = function _writeGeneric(writev, data, encoding, cb) {
  if (this[kHeld] !== null && !this.destroyed) {
    this[kHeld].push([writev, data, encoding, cb]);
    return;
  }
  kNetProto._writeGeneric.call(this, writev, data, encoding, cb);
};

TLSSocket.prototype._final = function _final(cb) {
  // close_notify goes out after the handshake and what was written before it.
  if (this[kHeld] !== null && !this.destroyed) {
    this[kHeldFinal] = cb;
    return;
  }
  kNetProto._final.call(this, cb);
};

TLSSocket.prototype._destroy = function _destroy(err, cb) {
  // Writes still waiting for the handshake are cancelled, as a closed handle cancels its queue.
  const held = this[kHeld] || [];
  this[kHeld] = null;
  if (held.length > 0) {
    const { errnoException } = require('internal/net');
    for (const write of held) process.nextTick(write[3], errnoException(-125, 'write'));
  }
  this[kHeldFinal] = null;
  kNetProto._destroy.call(this, err, cb);
  this._destroySSL();
  const wrapped = this[kWrapped];
  if (wrapped !== null && !wrapped.destroyed) wrapped.destroy();
};

// What the connection is (getPeerCertificate, getCipher, getSession, ...): internal/tls/info.
require('internal/tls/info').install(TLSSocket, { kPeerCerts, kSession, kServername, peerCertificates });

// ===== tls.connect =====

// connect(options[, cb]), connect(port[, host][, options][, cb]), connect(path[, options][, cb]).
function normalizeConnectArgs(args) {
  const [base, cb] = net._normalizeArgs(args);
  const options = { ...base };
  if (args[1] !== null && typeof args[1] === 'object') Object.assign(options, args[1]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2]);
  return [options, cb];
}

let insecureWarned = false;
function allowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !insecureWarned) {
    insecureWarned = true;
    process.emitWarning("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' " +
      'makes TLS connections and HTTPS requests insecure by disabling certificate verification.');
  }
  return allow;
}

let ipServernameWarned = false;

function connect(...args) {
  const [given, cb] = normalizeConnectArgs(args);
  const options = {
    rejectUnauthorized: !allowUnauthorized(),
    ciphers: tls().DEFAULT_CIPHERS,
    checkServerIdentity: tls().checkServerIdentity,
    minDHSize: 1024,
    ...given,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
  const context = options.secureContext || tls().createSecureContext(options);
  const socket = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: Boolean(options.path),
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    highWaterMark: options.highWaterMark,
    onread: options.onread,
    signal: options.signal,
  });
  socket[kConnectOptions] = options;
  socket[kVerifyFirst] = true;
  if (cb) socket.once('secureConnect', cb);
  if (!options.socket) {
    if (options.timeout) socket.setTimeout(options.timeout);
    socket.connect(options, socket._start);
  }
  socket._releaseControl();
  if (options.session) socket.setSession(options.session);
  if (options.servername) {
    if (!ipServernameWarned && isIP(options.servername)) {
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by RFC 6066. ' +
        'This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
      ipServernameWarned = true;
    }
    socket.setServername(options.servername);
  }
  if (options.socket) socket._start();
  socket.on('secure', onConnectSecure);
  socket.prependListener('end', onConnectEnd);
  return socket;
}

// The chain verified (or not, in Rust); now the name, then 'secureConnect'.
function onConnectSecure() {
  const options = this[kConnectOptions];
  const info = this[kSecureInfo];
  let err = info.authorizationError ? verifyError(info.authorizationError) : null;
  if (!err) {
    const hostname = options.servername || options.host ||
      (options.socket && options.socket._host) || 'localhost';
    err = options.checkServerIdentity(hostname, this.getPeerCertificate(true));
  }
  if (err) {
    this.authorized = false;
    this.authorizationError = err.code || err.message;
    if (options.rejectUnauthorized) {
      this.destroy(err);
      return;
    }
  } else {
    this.authorized = true;
  }
  releaseWrites(this);
  this.removeListener('end', onConnectEnd);
  this.emit('secureConnect');
}

function onConnectEnd() {
  if (this._secureEstablished || this._hadError) return;
  const options = this[kConnectOptions];
  this._hadError = true;
  const err = connReset('Client network socket disconnected before secure TLS connection was established');
  err.path = options.path;
  err.host = options.host;
  err.port = options.port;
  err.localAddress = options.localAddress;
  this.destroy(err);
}

module.exports = {
  TLSSocket,
  connect,
};

// tls.Server lives in internal/tls/server (it needs TLSSocket from here).
Object.defineProperties(module.exports, {
  Server: { enumerable: true, get: () => require('internal/tls/server').Server },
  createServer: { enumerable: true, get: () => require('internal/tls/server').createServer },
});
