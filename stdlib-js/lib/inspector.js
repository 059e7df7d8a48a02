'use strict';
// node:inspector — in-process sessions on V8's own inspector (binding.inspector). A session's
// post() hands the message to V8 synchronously; its response and any notification reach
// onMessage before V8 goes on, so a callback runs inside post() and a breakpoint's
// 'Debugger.paused' runs while the paused code waits. No remote frontend exists: open()
// and url() report that no inspector server is listening.

const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { isMainThread } = require('internal/worker/state');

const native = binding.inspector;

function invalidType(name, type, value) {
  return new codes.ERR_INVALID_ARG_TYPE(name, type, value);
}

// Console calls reach the inspector (Runtime.consoleAPICalled) while a session is connected:
// each global console method is wrapped, once, by a native function that calls V8's console
// method first. Being native, the wrapper is no stack frame, so the notification's top frame
// is the caller's line.
let consoleWrapped = false;
function wrapConsole() {
  if (consoleWrapped) return;
  consoleWrapped = true;
  const vmConsole = native.consoleFromVM;
  const target = globalThis.console;
  if (!vmConsole || !target) return;
  for (const key of Object.keys(vmConsole)) {
    const nodeMethod = target[key];
    if (typeof nodeMethod !== 'function' || typeof vmConsole[key] !== 'function') continue;
    target[key] = native.wrapConsoleCall(vmConsole[key], nodeMethod, key);
  }
}

class Session extends EventEmitter {
  #connection = null;
  #nextId = 1;
  #callbacks = new Map();

  connect() {
    if (this.#connection !== null) {
      throw new codes.ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    wrapConsole();
    this.#connection = native.connect((message) => this.#onMessage(message));
  }

  // In a worker: a session on the main thread's inspector. Its answers arrive later, through
  // this thread's loop; while it holds the main thread paused, the main thread serves it.
  connectToMainThread() {
    if (isMainThread) throw new codes.ERR_INSPECTOR_NOT_WORKER();
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

// Eddy has no inspector server (no WebSocket frontend), so open() cannot listen. Like Node it
// checks only that a whole-number port fits in 16 bits.
function open(port, host, wait) {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 0xffffffff &&
      port > 65535) {
    throw new codes.ERR_OUT_OF_RANGE('port', '>= 0 && <= 65535', port);
  }
  void host;
  void wait;
  throw new codes.ERR_INSPECTOR_NOT_AVAILABLE();
}

function close() {}

function url() {
  return undefined;
}

function waitForDebugger() {
  throw new codes.ERR_INSPECTOR_NOT_ACTIVE();
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
