'use strict';
// node:inspector - in-process sessions on V8's own inspector (binding.inspector). A session's
// post() hands the message to V8 synchronously; its response and any notification reach
// onMessage before V8 goes on, so a callback runs inside post() and a breakpoint's
// 'Debugger.paused' runs while the paused code waits. open() starts the socket server a
// remote debugger attaches to.

const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { state: permission } = require('internal/process/permission');
const { isMainThread } = require('internal/worker/state');

const native = binding.inspector;

function invalidType(name, type, value) {
  return new codes.ERR_INVALID_ARG_TYPE(name, type, value);
}

class Session extends EventEmitter {
  #connection = null;
  #nextId = 1;
  #callbacks = new Map();

  connect() {
    if (this.#connection !== null) {
      throw new codes.ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    // The permission model has no grant for the inspector: a session is always denied.
    if (permission.enabled) require('internal/process/permission').checkInspector(this.connect);
    native.wrapConsole();
    this.#connection = native.connect((message) => this.#onMessage(message));
  }

  // In a worker: a session on the main thread's inspector. Its answers arrive later, through
  // this thread's loop; while it holds the main thread paused, the main thread serves it.
  connectToMainThread() {
    if (isMainThread) throw new codes.ERR_INSPECTOR_NOT_WORKER();
    if (permission.enabled) require('internal/process/permission').checkInspector(this.connectToMainThread);
    if (this.#connection !== null) {
      throw new codes.ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    const id = native.connectMain((message) => this.#onMessage(message));
    if (id === undefined) throw new codes.ERR_INSPECTOR_NOT_AVAILABLE();
    this.#connection = { main: id };
  }

  #onMessage(text) {
    const message = JSON.parse(text);
    try {
      if (message.id) {
        const callback = this.#callbacks.get(message.id);
        this.#callbacks.delete(message.id);
        if (callback) {
          if (message.error) {
            callback(new codes.ERR_INSPECTOR_COMMAND(message.error.code, message.error.message));
          } else {
            callback(null, message.result);
          }
        }
      } else {
        this.emit(message.method, message);
        this.emit('inspectorNotification', message);
      }
    } catch (error) {
      process.emitWarning(error);
    }
  }

  post(method, params, callback) {
    if (typeof method !== 'string') throw invalidType('method', 'string', method);
    if (!callback && typeof params === 'function') {
      callback = params;
      params = null;
    }
    if (params && (typeof params !== 'object' || Array.isArray(params))) {
      throw invalidType('params', 'object', params);
    }
    if (callback && typeof callback !== 'function') {
      throw invalidType('callback', 'function', callback);
    }
    if (this.#connection === null) throw new codes.ERR_INSPECTOR_NOT_CONNECTED();
    const id = this.#nextId++;
    const message = { id, method };
    if (params) message.params = params;
    if (callback) this.#callbacks.set(id, callback);
    if (typeof this.#connection === 'object') {
      native.dispatchMain(this.#connection.main, JSON.stringify(message));
    } else {
      native.dispatch(this.#connection, JSON.stringify(message));
    }
  }

  disconnect() {
    if (this.#connection === null) return;
    if (typeof this.#connection === 'object') native.disconnectMain(this.#connection.main);
    else native.disconnect(this.#connection);
    this.#connection = null;
    // Commands still waiting for an answer fail with ERR_INSPECTOR_CLOSED.
    for (const callback of this.#callbacks.values()) {
      process.nextTick(callback, new codes.ERR_INSPECTOR_CLOSED());
    }
    this.#callbacks.clear();
    this.#nextId = 1;
  }
}

// The socket server (runtime/src/inspector/server.rs): a debugger attaches to it over a
// WebSocket and speaks to this same inspector. Like Node, open() checks only that a
// whole-number port fits in 16 bits; a port in use is reported on stderr, not thrown.
function open(port, host, wait) {
  if (native.url() !== undefined) throw new codes.ERR_INSPECTOR_ALREADY_ACTIVATED();
  if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 0xffffffff &&
      port > 65535) {
    throw new codes.ERR_OUT_OF_RANGE('port', '>= 0 && <= 65535', port);
  }
  const server = require('internal/inspector/server');
  server.open(port === undefined || port === null ? process.debugPort : port,
              typeof host === 'string' ? host : undefined);
  if (wait) waitForDebugger();
  return { __proto__: null, [Symbol.dispose || Symbol.for('nodejs.dispose')]() { close(); } };
}

function close() {
  native.close();
}

function url() {
  return native.url();
}

// Blocks until a debugger sends Runtime.runIfWaitingForDebugger.
function waitForDebugger() {
  if (!native.waitForDebugger()) throw new codes.ERR_INSPECTOR_NOT_ACTIVE();
}

function networkEvent(name) {
  const fn = {
    [name](params) {
      if (params === null || typeof params !== 'object' || Array.isArray(params)) {
        throw invalidType('params', 'object', params);
      }
      // Network events go to frontends that enabled the Network domain; in-process sessions
      // are V8's and have none.
    },
  }[name];
  return fn;
}

const Network = {
  requestWillBeSent: networkEvent('requestWillBeSent'),
  responseReceived: networkEvent('responseReceived'),
  loadingFinished: networkEvent('loadingFinished'),
  loadingFailed: networkEvent('loadingFailed'),
};

module.exports = {
  open,
  close,
  url,
  waitForDebugger,
  console: native.consoleFromVM,
  Session,
  Network,
};
