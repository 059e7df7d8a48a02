'use strict';

// The WHATWG WebSocket client (the global `WebSocket`, as in Node 22). The opening handshake is
// an http/https GET with `Upgrade: websocket`; after the 101 the socket carries RFC 6455 frames
// (internal/websocket/frames). No extension is offered, so `extensions` is always ''.

const { EventTarget, Event, defineEventHandler, kTrustEvent } = require('internal/event_target');
const { DOMException } = require('internal/encoding');
const { Blob, isBlob, blobBytes } = require('internal/buffer/blob');
const { isUtf8 } = require('buffer');
const { createHash, randomBytes } = require('crypto');
const { CloseEvent, ErrorEvent } = require('internal/websocket/events');
const {
  FrameReader, ProtocolError, encodeFrame,
  OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG,
} = require('internal/websocket/frames');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

// A server that answers our close frame but never closes the TCP connection is cut off after
// this long, so the close event still arrives.
const CLOSE_TIMEOUT = 5000;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

let MessageEvent;

// What Node's (undici's) WebIDL brand checks throw.
function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function validCloseCode(code) {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
    (code >= 3000 && code <= 4999);
}

function closePayload(code, reason) {
  if (code === undefined) return Buffer.alloc(0);
  const reasonBytes = Buffer.from(reason ?? '', 'utf8');
  const out = Buffer.allocUnsafe(2 + reasonBytes.length);
  out.writeUInt16BE(code, 0);
  reasonBytes.copy(out, 2);
  return out;
}

// The bytes `send` puts on the wire for one argument, and whether it is text.
function toPayload(data) {
  if (typeof data === 'string') return [Buffer.from(data, 'utf8'), true];
  if (isBlob(data)) {
    const bytes = blobBytes(data);
    return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), false];
  }
  if (ArrayBuffer.isView(data)) return [Buffer.from(data.buffer, data.byteOffset, data.byteLength), false];
  if (data instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer !== 'undefined' && data instanceof SharedArrayBuffer)) {
    return [Buffer.from(data), false];
  }
  return [Buffer.from(`${data}`, 'utf8'), true];
}

function parseProtocols(protocols) {
  if (protocols === undefined || protocols === null) {
    return protocols === null ? ['null'] : [];
  }
  // Node's (undici's) WebSocket also takes an options object: { protocols }.
  if (typeof protocols === 'object' && typeof protocols[Symbol.iterator] !== 'function') {
    return parseProtocols(protocols.protocols);
  }
  const list = typeof protocols === 'string' ? [protocols] :
    typeof protocols === 'object' ? Array.from(protocols, (p) => `${p}`) : [`${protocols}`];
  const seen = new Set();
  for (const p of list) {
    const lower = p.toLowerCase();
    if (!TOKEN.test(p) || seen.has(lower)) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    seen.add(lower);
  }
  return list;
}

class WebSocket extends EventTarget {
  #url;
  #readyState = CONNECTING;
  #protocol = '';
  #binaryType = 'blob';
  #bufferedAmount = 0;
  #request = null;
  #socket = null;
  #reader = null;
  #sentClose = false;
  #receivedClose = false;
  #closeCode = 1005;
  #closeReason = '';
  #failed = false;
  #closeTimer = null;

  constructor(url, protocols = []) {
    if (arguments.length === 0) {
      throw new TypeError('WebSocket constructor: 1 argument required, but 0 found.');
    }
    super();
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new DOMException(`${err.name}: ${err.message}`, 'SyntaxError');
    }
    if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
    else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
      throw new DOMException(`Expected a ws: or wss: protocol, got ${parsed.protocol}`, 'SyntaxError');
    }
    if (parsed.hash !== '' || parsed.href.endsWith('#')) {
      throw new DOMException('Got fragment', 'SyntaxError');
    }
    const list = parseProtocols(protocols);
    this.#url = parsed;
    this.#connect(list);
  }

  #connect(protocols) {
    const secure = this.#url.protocol === 'wss:';
    const key = randomBytes(16).toString('base64');
    const headers = {
      'Upgrade': 'websocket',
      'Connection': 'Upgrade',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    };
    if (protocols.length > 0) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
    const hostname = this.#url.hostname.replace(/^\[|\]$/g, '');
    const options = {
      method: 'GET',
      host: hostname,
      port: this.#url.port || (secure ? 443 : 80),
      path: `${this.#url.pathname}${this.#url.search}`,
      headers,
      // The upgraded socket leaves the pool anyway; a private agent keeps it out of the
      // global one's bookkeeping.
      agent: false,
    };
    if (secure && !/^[\d.]+$/.test(hostname) && !hostname.includes(':')) options.servername = hostname;
    const request = (secure ? require('https') : require('http')).request(options);
    this.#request = request;
    request.on('response', (res) => {
      res.resume();
      this.#failConnecting();
    });
    request.on('error', () => this.#failConnecting());
    request.on('upgrade', (res, socket, head) => this.#upgraded(res, socket, head, key, protocols));
    request.end();
  }

  // A handshake that did not end in a valid 101: error, then close 1006.
  #failConnecting() {
    if (this.#readyState === CLOSED || this.#socket !== null) return;
    this.#request?.destroy();
    this.#request = null;
    this.#readyState = CLOSED;
    const message = 'Received network error or non-101 status code.';
    this.#fire('error', ErrorEvent, { message, error: new Error(message) });
    this.#fire('close', CloseEvent, { wasClean: false, code: 1006, reason: '' });
  }

  #upgraded(res, socket, head, key, protocols) {
    const expected = createHash('sha1').update(key + GUID).digest('base64');
    const headers = res.headers;
    const protocol = headers['sec-websocket-protocol'];
    const connection = `${headers.connection ?? ''}`.toLowerCase().split(/\s*,\s*/);
    const ok = this.#readyState === CONNECTING && res.statusCode === 101 &&
      `${headers.upgrade ?? ''}`.toLowerCase() === 'websocket' &&
      connection.includes('upgrade') &&
      headers['sec-websocket-accept'] === expected &&
      headers['sec-websocket-extensions'] === undefined &&
      (protocol === undefined || protocols.includes(protocol));
    if (!ok) {
      socket.destroy();
      this.#failConnecting();
      return;
    }
    this.#request = null;
    this.#socket = socket;
    this.#protocol = protocol ?? '';
    this.#readyState = OPEN;
    socket.setNoDelay?.(true);
    this.#reader = new FrameReader((op, data) => this.#onMessage(op, data),
      (op, data) => this.#onControl(op, data));
    socket.on('data', (chunk) => this.#onData(chunk));
    socket.on('error', () => {});
    socket.on('close', () => this.#onSocketClose());
    this.#fire('open', Event, undefined);
    if (head !== undefined && head.length > 0) this.#onData(head);
  }

  #onData(chunk) {
    try {
      this.#reader.push(chunk);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.#fail(err.closeCode, err.message);
    }
  }

  // Fails an open connection: tells the server why, drops the socket, fires error (close
  // follows when the socket has closed, with 1006).
  #fail(code, message) {
    if (this.#failed) return;
    this.#failed = true;
    this.#reader.stopped = true;
    const socket = this.#socket;
    if (!this.#sentClose) {
      this.#sentClose = true;
      socket.end(encodeFrame(OP_CLOSE, closePayload(code, '')), () => socket.destroy());
    } else {
      socket.destroy();
    }
    this.#readyState = CLOSING;
    this.#fire('error', ErrorEvent, { message, error: new Error(message) });
    this.#armCloseTimer();
  }

  #onMessage(opcode, data) {
    if (this.#readyState !== OPEN) return;
    let value;
    if (opcode === OP_TEXT) {
      if (!isUtf8(data)) {
        this.#fail(1007, 'Received invalid UTF-8 in text frame.');
        return;
      }
      value = data.toString('utf8');
      if (value.charCodeAt(0) === 0xfeff) value = value.slice(1);
    } else if (this.#binaryType === 'blob') {
      value = new Blob([data]);
    } else {
      value = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    }
    MessageEvent ??= require('internal/worker/io').MessageEvent;
    this.dispatchEvent(new MessageEvent('message', { data: value, origin: this.#url.origin }));
  }

  #onControl(opcode, data) {
    if (opcode === OP_PING) {
      if (!this.#sentClose) this.#write(encodeFrame(OP_PONG, data), 0);
      return;
    }
    if (opcode === OP_PONG) return;
    // OP_CLOSE
    let code = 1005;
    let reason = '';
    if (data.length === 1) {
      this.#fail(1002, 'Close frame with a one-byte payload');
      return;
    }
    if (data.length >= 2) {
      code = data.readUInt16BE(0);
      if (!validCloseCode(code)) {
        this.#fail(1002, `Invalid close code ${code}`);
        return;
      }
      const rest = data.subarray(2);
      if (!isUtf8(rest)) {
        this.#fail(1007, 'Invalid UTF-8 in close reason');
        return;
      }
      reason = rest.toString('utf8');
    }
    this.#receivedClose = true;
    this.#closeCode = code;
    this.#closeReason = reason;
    this.#reader.stopped = true;
    if (!this.#sentClose) {
      this.#sentClose = true;
      this.#write(encodeFrame(OP_CLOSE, closePayload(code === 1005 ? undefined : code)), 0);
    }
    this.#readyState = CLOSING;
    // Both close frames are out: the server closes the TCP connection; we end our side.
    this.#socket.end();
    this.#armCloseTimer();
  }

  #armCloseTimer() {
    if (this.#closeTimer !== null) return;
    this.#closeTimer = setTimeout(() => this.#socket.destroy(), CLOSE_TIMEOUT);
    this.#closeTimer.unref();
  }

  #onSocketClose() {
    if (this.#closeTimer !== null) clearTimeout(this.#closeTimer);
    this.#readyState = CLOSED;
    const clean = this.#sentClose && this.#receivedClose && !this.#failed;
    this.#fire('close', CloseEvent, {
      wasClean: clean,
      code: this.#receivedClose && !this.#failed ? this.#closeCode : 1006,
      reason: this.#receivedClose && !this.#failed ? this.#closeReason : '',
    });
  }

  #write(frame, amount) {
    if (amount > 0) this.#bufferedAmount += amount;
    this.#socket.write(frame, () => {
      if (amount > 0) this.#bufferedAmount -= amount;
    });
  }

  #fire(type, EventClass, init) {
    this.dispatchEvent(new EventClass(type, { ...init, [kTrustEvent]: true }));
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#url in self)) throw illegalInvocation();
  }

  close(code = undefined, reason = undefined) {
    WebSocket.#check(this);
    if (code !== undefined) {
      // [Clamp] unsigned short
      code = Number(code);
      code = Number.isNaN(code) ? 0 : Math.min(Math.max(Math.round(code), 0), 65535);
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException('invalid code', 'InvalidAccessError');
      }
    }
    if (reason !== undefined) {
      reason = `${reason}`.toWellFormed();
      const length = Buffer.byteLength(reason, 'utf8');
      if (length > 123) {
        throw new DOMException(`Reason must be less than 123 bytes; received ${length}`, 'SyntaxError');
      }
    }
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (this.#readyState === CONNECTING) {
      this.#readyState = CLOSING;
      // The close event comes once the request is gone, like any failed handshake.
      process.nextTick(() => this.#failConnecting());
      this.#request?.destroy();
      return;
    }
    if (!this.#sentClose) {
      this.#sentClose = true;
      if (code === undefined && reason !== undefined) code = 1000;
      this.#write(encodeFrame(OP_CLOSE, closePayload(code, reason)), 0);
    }
    this.#readyState = CLOSING;
    this.#armCloseTimer();
  }

  send(data) {
    WebSocket.#check(this);
    if (arguments.length === 0) {
      throw new TypeError('WebSocket.send: 1 argument required, but 0 found.');
    }
    if (this.#readyState === CONNECTING) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
    const [payload, text] = toPayload(data);
    if (this.#readyState !== OPEN || this.#sentClose) return;
    this.#write(encodeFrame(text ? OP_TEXT : OP_BINARY, payload), payload.length);
  }

  get readyState() { WebSocket.#check(this); return this.#readyState; }

  get bufferedAmount() { WebSocket.#check(this); return this.#bufferedAmount; }

  get url() { WebSocket.#check(this); return this.#url.href; }

  get extensions() { WebSocket.#check(this); return ''; }

  get protocol() { WebSocket.#check(this); return this.#protocol; }

  get binaryType() { WebSocket.#check(this); return this.#binaryType; }

  set binaryType(type) {
    WebSocket.#check(this);
    // An enumerated attribute: other values are ignored.
    if (type === 'blob' || type === 'arraybuffer') this.#binaryType = type;
  }
}

for (const name of ['open', 'error', 'close', 'message']) {
  defineEventHandler(WebSocket.prototype, name);
}
// binaryType comes after the handlers among the prototype's keys, as in Node.
const binaryType = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'binaryType');
delete WebSocket.prototype.binaryType;
Object.defineProperty(WebSocket.prototype, 'binaryType', binaryType);
for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING],
  ['CLOSED', CLOSED]]) {
  const desc = { __proto__: null, value, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(WebSocket, name, desc);
  Object.defineProperty(WebSocket.prototype, name, desc);
}
for (const name of ['close', 'send', 'readyState', 'bufferedAmount', 'url', 'extensions', 'protocol',
  'binaryType']) {
  Object.defineProperty(WebSocket.prototype, name, { enumerable: true });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'WebSocket', configurable: true,
});

module.exports = { WebSocket, CloseEvent, ErrorEvent };
