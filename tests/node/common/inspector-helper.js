'use strict';
// Drives a child process's inspector over its socket server, for Node's inspector tests:
// NodeInstance starts the child (by default `--inspect-brk=0` on fixtures/loop.js), learns its
// port from the "Debugger listening on" line, and opens InspectorSession's: a small WebSocket
// client (HTTP upgrade, masked client frames) that sends protocol commands and waits for
// notifications in the order they arrive.

const assert = require('assert');
const crypto = require('crypto');
const { EventEmitter } = require('events');
const fs = require('fs');
const http = require('http');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');
const fixtures = require('./fixtures');

const kMainScript = fixtures.path('loop.js');
const kTimeout = 30 * 1000;

// ---- WebSocket framing (RFC 6455), the client's side -------------------------------------

function encodeFrame(text) {
  const payload = Buffer.from(text, 'utf8');
  const mask = crypto.randomBytes(4);
  let head;
  if (payload.length < 126) {
    head = Buffer.from([0x81, 0x80 | payload.length]);
  } else if (payload.length <= 0xffff) {
    head = Buffer.alloc(4);
    head[0] = 0x81;
    head[1] = 0x80 | 126;
    head.writeUInt16BE(payload.length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x81;
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
  return Buffer.concat([head, mask, payload]);
}

// Takes whole frames off the front of `buffer`: { frames: [{ opcode, fin, payload }], rest }.
function decodeFrames(buffer) {
  const frames = [];
  for (;;) {
    if (buffer.length < 2) break;
    const fin = (buffer[0] & 0x80) !== 0;
    const opcode = buffer[0] & 0x0f;
    const masked = (buffer[1] & 0x80) !== 0;
    let length = buffer[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) break;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) break;
      length = Number(buffer.readBigUInt64BE(2));
      offset = 10;
    }
    const maskOffset = offset;
    if (masked) offset += 4;
    if (buffer.length < offset + length) break;
    const payload = Buffer.from(buffer.subarray(offset, offset + length));
    if (masked) {
      for (let i = 0; i < payload.length; i++) payload[i] ^= buffer[maskOffset + (i % 4)];
    }
    frames.push({ fin, opcode, payload });
    buffer = buffer.subarray(offset + length);
  }
  return { frames, rest: buffer };
}

// ---- one debugger session ----------------------------------------------------------------

class InspectorSession {
  constructor(socket, instance) {
    this._instance = instance;
    this._socket = socket;
    this._nextId = 1;
    this._pending = new Map();         // command id -> { resolve, reject }
    this._notifications = [];          // not yet consumed by a waitFor*
    this._waiter = null;               // { predicate, resolve, reject, timer }
    this._scriptUrls = new Map();      // scriptId -> url
    this._pausedDetails = null;
    this.mainScriptId = undefined;
    this._closed = new Promise((resolve) => socket.once('close', resolve));

    let buffer = Buffer.alloc(0);
    let fragments = [];
    socket.on('data', (data) => {
      const { frames, rest } = decodeFrames(Buffer.concat([buffer, data]));
      buffer = rest;
      for (const frame of frames) {
        if (frame.opcode === 0x8) {
          socket.end();
          continue;
        }
        if (frame.opcode === 0x9 || frame.opcode === 0xa) continue;
        fragments.push(frame.payload);
        if (!frame.fin) continue;
        const text = Buffer.concat(fragments).toString('utf8');
        fragments = [];
        this._onMessage(JSON.parse(text));
      }
    });
    // Commands still unanswered when the connection closes stay pending (a test may close
    // right after sending one it does not wait for).
    socket.on('close', () => {
      if (this._waiter) {
        const { reject, description } = this._waiter;
        this._waiter = null;
        reject(new Error(`Connection closed while waiting for ${description}`));
      }
    });
    socket.on('error', () => {});
  }

  _onMessage(message) {
    if (message.id !== undefined) {
      const pending = this._pending.get(message.id);
      this._pending.delete(message.id);
      if (!pending) return;
      if (message.error) {
        const error = new Error(`${message.error.message} (${message.error.code})`);
        error.inspectorError = message.error;
        pending.reject(error);
      } else {
        pending.resolve(message.result);
      }
      return;
    }
    if (message.method === 'Debugger.scriptParsed') {
      const { scriptId, url } = message.params;
      this._scriptUrls.set(scriptId, url);
      if (url === this.scriptURL().toString()) this.mainScriptId = scriptId;
    } else if (message.method === 'Debugger.paused') {
      this._pausedDetails = message.params;
    }
    this._notifications.push(message);
    this._offer();
  }

  // Hand queued notifications to the waiter, consuming each one it looked at.
  _offer() {
    while (this._waiter && this._notifications.length > 0) {
      const notification = this._notifications.shift();
      const waiter = this._waiter;
      if (waiter.predicate(notification)) {
        this._waiter = null;
        clearTimeout(waiter.timer);
        waiter.resolve(notification);
      }
    }
  }

  _sendOne(command) {
    const id = this._nextId++;
    const message = { id, ...command };
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._socket.write(encodeFrame(JSON.stringify(message)));
    });
  }

  /** Send one command (resolves with its result) or an array of them (with every result). */
  send(commands) {
    if (Array.isArray(commands)) return Promise.all(commands.map((c) => this._sendOne(c)));
    return this._sendOne(commands);
  }

  unprocessedNotifications() {
    return this._notifications;
  }

  /** The first notification from now on for which `methodOrPredicate` holds. */
  waitForNotification(methodOrPredicate, description) {
    const predicate = typeof methodOrPredicate === 'function' ?
      methodOrPredicate : (n) => n.method === methodOrPredicate;
    description = description || (typeof methodOrPredicate === 'string' ?
      methodOrPredicate : 'a notification');
    assert.strictEqual(this._waiter, null, 'one waitForNotification at a time');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._waiter = null;
        reject(new Error(`Timed out waiting for ${description}`));
      }, kTimeout);
      this._waiter = { predicate, resolve, reject, timer, description };
      this._offer();
    });
  }

  _isBreakOnLine(notification, line, url) {
    if (notification.method !== 'Debugger.paused') return false;
    const { location } = notification.params.callFrames[0];
    return location.lineNumber === line &&
      this._scriptUrls.get(location.scriptId) === url.toString();
  }

  waitForBreakOnLine(line, url) {
    return this.waitForNotification(
      (n) => this._isBreakOnLine(n, line, url), `break at ${url}:${line}`);
  }

  pausedDetails() {
    return this._pausedDetails;
  }

  /** A console call of `type` whose arguments' values are `values` (one value or a list). */
  waitForConsoleOutput(type, values) {
    const expected = Array.isArray(values) ? values : [values];
    return this.waitForNotification((n) => {
      if (n.method !== 'Runtime.consoleAPICalled' || n.params.type !== type) return false;
      const args = n.params.args;
      return args.length === expected.length &&
        args.every((arg, i) => arg.value === expected[i]);
    }, `console.${type}(${JSON.stringify(expected)})`);
  }

  /** Resume through any remaining pauses until the main context goes, then disconnect. */
  async runToCompletion() {
    await this.send({ method: 'Debugger.resume' });
    await this.waitForNotification((n) => {
      if (n.method === 'Debugger.paused') {
        this.send({ method: 'Debugger.resume' }).catch(() => {});
        return false;
      }
      return n.method === 'Runtime.executionContextDestroyed' &&
        n.params.executionContextId === 1;
    }, 'the main context to be destroyed');
    await this.disconnect();
  }

  disconnect() {
    this._socket.destroy();
    return this._closed;
  }

  /** Resolves when the server closes the connection. */
  waitForServerDisconnect() {
    return this._closed;
  }

  scriptPath() {
    return this._instance.scriptPath();
  }

  scriptURL() {
    return pathToFileURL(this.scriptPath());
  }

  script() {
    return this._instance.script();
  }
}

// ---- the inspected process ---------------------------------------------------------------

class NodeInstance extends EventEmitter {
  constructor(inspectorFlags = ['--inspect-brk=0', '--expose-internals'],
              scriptContents = '',
              scriptFile = kMainScript,
              logger = console) {
    super();
    this._logger = logger;
    this._scriptPath = scriptFile;
    this._script = scriptFile ? null : scriptContents;
    const args = [].concat(inspectorFlags);
    if (scriptContents) args.push('-e', scriptContents);
    else args.push(scriptFile);
    this._process = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this._stderrLines = [];
    this._stderrWaiters = [];
    this._portPromise = new Promise((resolve) => { this._onPort = resolve; });
    this._lines(this._process.stdout, (line) => this.emit('stdout', line));
    this._lines(this._process.stderr, (line) => this._onStderrLine(line));
    this._shutdown = new Promise((resolve) => {
      this._process.once('exit', (exitCode, signal) => {
        this._exited = true;
        resolve({ exitCode, signal });
      });
    });
  }

  static async startViaSignal(scriptContents) {
    const instance = new NodeInstance([], `${scriptContents}\nprocess._rawDebug('started');`);
    while (await instance.nextStderrString() !== 'started');
    process._debugProcess(instance._process.pid);
    return instance;
  }

  _lines(stream, onLine) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      pending += chunk;
      let at;
      while ((at = pending.indexOf('\n')) !== -1) {
        onLine(pending.slice(0, at).replace(/\r$/, ''));
        pending = pending.slice(at + 1);
      }
    });
    stream.on('end', () => {
      if (pending) onLine(pending);
    });
  }

  _onStderrLine(line) {
    this.emit('stderr', line);
    const match = /Debugger listening on ws:\/\/.+:(\d+)\/.+/.exec(line);
    if (match) this._onPort(Number(match[1]));
    const waiter = this._stderrWaiters.shift();
    if (waiter) waiter(line);
    else this._stderrLines.push(line);
  }

  /** The next line the child writes to stderr. */
  nextStderrString() {
    if (this._stderrLines.length > 0) return Promise.resolve(this._stderrLines.shift());
    return new Promise((resolve) => this._stderrWaiters.push(resolve));
  }

  portPromise() {
    return this._portPromise;
  }

  /** GET `path` from the inspector's HTTP server; resolves with the parsed JSON body. */
  async httpGet(host, path, hostHeaderValue) {
    const port = await this._portPromise;
    const headers = { host: hostHeaderValue || `${host || 'localhost'}:${port}` };
    return new Promise((resolve, reject) => {
      const request = http.get({ host: host || '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => { body += chunk; });
        response.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            error.body = body;
            reject(error);
          }
        });
      });
      request.on('error', reject);
    });
  }

  /** Upgrade a connection to the target's WebSocket. */
  async sendUpgradeRequest() {
    const [target] = await this.httpGet(null, '/json/list');
    const port = await this._portPromise;
    const { pathname } = new URL(target.webSocketDebuggerUrl);
    const key = crypto.randomBytes(16).toString('base64');
    return new Promise((resolve, reject) => {
      const request = http.get({
        host: '127.0.0.1',
        port,
        path: pathname,
        headers: {
          'Connection': 'Upgrade',
          'Upgrade': 'websocket',
          'Sec-WebSocket-Version': 13,
          'Sec-WebSocket-Key': key,
        },
      });
      request.on('upgrade', (response, socket, head) => {
        const accept = crypto.createHash('sha1')
          .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        if (response.headers['sec-websocket-accept'] !== accept) {
          reject(new Error('Bad Sec-WebSocket-Accept'));
          socket.destroy();
          return;
        }
        if (head && head.length > 0) socket.unshift(head);
        resolve(socket);
      });
      request.on('response', (response) => {
        reject(new Error(`Upgrade refused with status ${response.statusCode}`));
      });
      request.on('error', reject);
    });
  }

  async connectInspectorSession() {
    const socket = await this.sendUpgradeRequest();
    return new InspectorSession(socket, this);
  }

  expectShutdown() {
    return this._shutdown;
  }

  kill() {
    if (!this._exited) this._process.kill();
    return this.expectShutdown();
  }

  scriptPath() {
    return this._scriptPath;
  }

  script() {
    if (this._script === null) this._script = fs.readFileSync(this._scriptPath, 'utf8');
    return this._script;
  }
}

module.exports = { NodeInstance };
