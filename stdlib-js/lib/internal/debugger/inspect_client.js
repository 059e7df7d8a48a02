'use strict';
// internal/debugger/inspect_client: the debugger CLI's connection to an inspector server. It
// asks the server's HTTP endpoint (/json/list) for the target's WebSocket path, upgrades a
// plain TCP connection to a WebSocket (client side: every frame masked, the server's
// Sec-WebSocket-Accept checked against our key), and speaks the DevTools protocol over it:
// `callMethod` sends `{ id, method, params }` and settles with the matching answer, and every
// notification is emitted as an event named by its method ('Debugger.paused', ...).

const { EventEmitter } = require('events');
const http = require('http');
const net = require('net');
const { createHash, randomBytes } = require('crypto');
const {
  FrameReader, encodeFrame, OP_TEXT, OP_CLOSE, OP_PING, OP_PONG,
} = require('internal/websocket/frames');
const { codes: { ERR_DEBUGGER_ERROR } } = require('internal/errors');

// RFC 6455 section 1.3: the accept value is sha1(key + this GUID) in base64.
const kWebSocketGUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
// A handshake answer larger than this is not an inspector server.
const kMaxHandshake = 64 * 1024;

/** An error the protocol answered with; shown as `Error [code]: message` like Node's. */
function protocolError({ code, message, data }) {
  const error = new Error(data ? `${message} ${data}` : `${message}`);
  error.code = code;
  const frames = error.stack.indexOf('\n    at ');
  error.stack = `Error [${code}]: ${error.message}${frames === -1 ? '' : error.stack.slice(frames)}`;
  return error;
}

/** GET http://host:port/path, parsed as JSON (a non-200 answer or bad JSON rejects). */
function fetchJSON(host, port, path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) {
          reject(new ERR_DEBUGGER_ERROR(`Unexpected ${res.statusCode}: ${body}`));
          return;
        }
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new ERR_DEBUGGER_ERROR(`Failed to parse JSON from ${host}:${port}${path}`));
        }
      });
    });
    req.on('error', reject);
  });
}

/**
 * Opens a WebSocket to host:port at `path`; resolves with the upgraded socket and whatever
 * bytes followed the handshake answer. A wrong accept value rejects with an error marked
 * `fatal`: the server is not one we should retry.
 */
function openWebSocket(host, port, path) {
  return new Promise((resolve, reject) => {
    const key = randomBytes(16).toString('base64');
    const expected = createHash('sha1').update(key + kWebSocketGUID).digest('base64');
    const socket = net.connect({ host, port });
    let head = Buffer.alloc(0);
    const fail = (error) => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onError = (error) => fail(error);
    const onEnd = () => fail(new ERR_DEBUGGER_ERROR('Connection closed during the WebSocket handshake'));
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > kMaxHandshake) fail(new ERR_DEBUGGER_ERROR('WebSocket handshake too large'));
        return;
      }
      const lines = head.toString('latin1', 0, end).split('\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
      const headers = { __proto__: null };
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':');
        if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
      if (status === null || status[1] !== '101') {
        fail(new ERR_DEBUGGER_ERROR(`Unexpected answer to the WebSocket upgrade: ${lines[0]}`));
        return;
      }
      if (headers['sec-websocket-accept'] !== expected) {
        const error = new ERR_DEBUGGER_ERROR('WebSocket secret mismatch');
        error.fatal = true;
        fail(error);
        return;
      }
      cleanup();
      resolve({ socket, rest: head.subarray(end + 4) });
    };
    function cleanup() {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
    }
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('end', onEnd);
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\n` +
        `Host: ${host.includes(':') ? `[${host}]` : host}:${port}\r\n` +
        'Connection: Upgrade\r\n' +
        'Upgrade: websocket\r\n' +
        `Sec-WebSocket-Key: ${key}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n');
    });
  });
}

class Client extends EventEmitter {
  constructor() {
    super();
    this._socket = null;
    this._pending = new Map();
    this._lastId = 0;
  }

  get connected() { return this._socket !== null; }

  /** Connects to the first target the server at host:port lists. */
  async connect(port, host) {
    this.reset();
    const targets = await fetchJSON(host, port, '/json/list');
    const target = Array.isArray(targets) ? targets.find((t) => t && t.webSocketDebuggerUrl) : undefined;
    if (target === undefined) throw new ERR_DEBUGGER_ERROR(`No inspector target at ${host}:${port}`);
    let path;
    try {
      const url = new URL(target.webSocketDebuggerUrl);
      path = `${url.pathname}${url.search}`;
    } catch {
      throw new ERR_DEBUGGER_ERROR(`Invalid WebSocket URL: ${target.webSocketDebuggerUrl}`);
    }
    const { socket, rest } = await openWebSocket(host, port, path);
    this._attach(socket, rest);
    this.emit('ready');
  }

  _attach(socket, rest) {
    this._socket = socket;
    const reader = new FrameReader(
      (opcode, payload) => this._onMessage(opcode, payload),
      (opcode, payload) => {
        if (opcode === OP_PING) {
          socket.write(encodeFrame(OP_PONG, payload));
        } else if (opcode === OP_CLOSE) {
          socket.end(encodeFrame(OP_CLOSE, Buffer.alloc(0)));
        }
      });
    socket.on('data', (chunk) => {
      try {
        reader.push(chunk);
      } catch {
        // A broken stream from the server: nothing after it can be trusted.
        reader.stopped = true;
        socket.destroy();
      }
    });
    // 'close' follows any error; the error itself says nothing the user can act on.
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this._socket !== socket) return;
      this._socket = null;
      this._rejectPending();
      this.emit('close');
    });
    if (rest.length > 0) socket.emit('data', rest);
  }

  _onMessage(opcode, payload) {
    if (opcode !== OP_TEXT) return;
    let message;
    try {
      message = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (message.id !== undefined) {
      const pending = this._pending.get(message.id);
      if (pending === undefined) return;
      this._pending.delete(message.id);
      if (message.error) pending.reject(protocolError(message.error));
      else pending.resolve(message.result);
    } else if (typeof message.method === 'string') {
      this.emit(message.method, message.params);
      this.emit('debugEvent', message.method, message.params);
    }
  }

  _rejectPending() {
    const pending = [...this._pending.values()];
    this._pending.clear();
    for (const { reject } of pending) reject(new ERR_DEBUGGER_ERROR('Debugger connection closed'));
  }

  callMethod(method, params) {
    return new Promise((resolve, reject) => {
      if (this._socket === null) {
        reject(new ERR_DEBUGGER_ERROR('Use `run` to start the app again.'));
        return;
      }
      const id = ++this._lastId;
      this._pending.set(id, { resolve, reject });
      const text = JSON.stringify({ id, method, params });
      this._socket.write(encodeFrame(OP_TEXT, Buffer.from(text, 'utf8')));
    });
  }

  /** Drops the connection (without a 'close' event) and fails what was waiting on it. */
  reset() {
    const socket = this._socket;
    if (socket === null) return;
    this._socket = null;
    socket.destroy();
    this._rejectPending();
  }
}

/** `client.Debugger.resume(params)` and so on: each domain's methods, as Node's CLI has them. */
function domainProxy(client, domain) {
  return new Proxy({ __proto__: null }, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      return (params) => client.callMethod(`${domain}.${name}`, params);
    },
  });
}

module.exports = { Client, domainProxy };
