'use strict';
// internal/child_process: the ChildProcess class and the option normalising that spawn and
// spawnSync share. binding.child_process.spawn starts the program; its pipes come back as
// binding.net tokens (wrapped here in net.Socket, as Node's are) and its exit through a pidfd
// handle of the poll phase, reported to `onexit(status, signal)`.

const EventEmitter = require('events');
const net = require('net');
const { NetHandle } = require('internal/net_handle');
const { signals } = require('os').constants;
const { errnoException } = require('internal/net');
const { addHandle, removeHandle } = require('internal/process/handles');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_SYNC_FORK_INPUT, ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK, ERR_UNKNOWN_SIGNAL,
  },
  isInt32, validateArray, validateString, validateObject, validateBoolean,
} = require('internal/errors');

const native = binding.child_process;
const { state: permission } = require('internal/process/permission');
// diagnostics_channel 'child_process': each ChildProcess, as it is made (before its spawn).
const childProcessChannel = require('diagnostics_channel').channel('child_process');
// A stream handed to a child as one of its stdio slots: its own end is the child's now, so
// ChildProcess never starts reading it (Node's kIsUsedAsStdio).
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');
const kEmptyObject = Object.freeze({ __proto__: null });
// How many running children were given a handle's descriptor as a stdio slot.
const kSharers = Symbol('kSharers');
// The handle source (internal/process/handles) that lists a running child.
const kHandleSource = Symbol('kHandleSource');

function signalName(num) {
  for (const [name, n] of Object.entries(signals)) {
    if (n === num && name !== 'SIGIOT' && name !== 'SIGPOLL') return name;
  }
  return null;
}

// A signal as a number: a name from os.constants.signals (any case), or a known number.
function convertToValidSignal(signal) {
  if (typeof signal === 'number' && signalName(signal) !== null) return signal;
  if (typeof signal === 'string') {
    const upper = signal.toUpperCase();
    if (Object.hasOwn(signals, upper)) return signals[upper];
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// options.killSignal: undefined stays undefined (the default applies where it is used).
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  }
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
  return undefined;
}

// Strings passed to exec(2) cannot hold NUL bytes.
function validateArgumentNullCheck(arg, name) {
  if (typeof arg === 'string' && arg.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, arg, 'must be a string without null bytes');
  }
}

function validateArgumentsNullCheck(args, name) {
  for (let i = 0; i < args.length; i++) validateArgumentNullCheck(args[i], `${name}[${i}]`);
}

// A path option: a string, a Buffer or a file: URL.
function validatedPath(value, name) {
  if (value instanceof URL || (value !== null && typeof value === 'object' &&
      typeof value.href === 'string' && typeof value.protocol === 'string')) {
    value = require('url').fileURLToPath(value);
  } else if (value instanceof Uint8Array) {
    value = new TextDecoder().decode(value);
  } else if (typeof value !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], value);
  }
  if (value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return value;
}

// A stream object that wraps a descriptor of ours (a net.Socket over a pipe, say).
function streamHandle(item) {
  const handle = item._handle;
  if (handle instanceof NetHandle && handle.fd >= 0) return handle;
  return null;
}

/**
 * Node's stdio option (string or array) as `{ stdio, streams, inputs }`: one slot per descriptor
 * for the binding ('pipe', 'ignore', 'inherit', 'ipc' or a descriptor number), the stream
 * objects given for slots (to stop reading them once the child has their descriptor), and for
 * spawnSync the Buffer/string inputs given in place of a slot.
 */
function getValidStdio(stdio, sync) {
  if (typeof stdio === 'string') {
    if (stdio !== 'inherit' && stdio !== 'pipe' && stdio !== 'overlapped' && stdio !== 'ignore') {
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
    stdio = [stdio, stdio, stdio];
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  const slots = [];
  const streams = [];
  const inputs = [];
  let ipc = false;
  for (let i = 0; i < Math.max(3, stdio.length); i++) {
    let item = stdio[i];
    if (item == null) item = i < 3 ? 'pipe' : 'ignore';
    if (item === 'ignore' || item === 'pipe' || item === 'overlapped' || item === 'inherit') {
      slots.push(item);
    } else if (typeof item === 'number' && item < 0) {
      slots.push('pipe');
    } else if (item === 'ipc') {
      if (sync) throw new ERR_IPC_SYNC_FORK();
      if (ipc) throw new ERR_IPC_ONE_PIPE();
      ipc = true;
      slots.push('ipc');
    } else if (typeof item === 'number') {
      slots.push(item);
    } else if (typeof item === 'object' && typeof item.fd === 'number') {
      // A NetHandle has `fd` too.
      slots.push(item.fd);
    } else if (typeof item === 'object' && streamHandle(item) !== null) {
      slots.push(streamHandle(item).fd);
      streams.push(item);
    } else if (ArrayBuffer.isView(item) || typeof item === 'string') {
      if (!sync) throw new ERR_INVALID_SYNC_FORK_INPUT(require('util').inspect(item));
      slots.push('pipe');
      inputs[i] = item;
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', item);
    }
  }
  return { stdio: slots, streams, inputs };
}

/** The slots of getValidStdio() alone (spawnSync's). */
function normalizeStdio(stdio) {
  return getValidStdio(stdio == null ? 'pipe' : stdio, false).stdio;
}

/**
 * spawn()'s (file, args, options) as the binding's options, validated as Node does. The result
 * (and everything read from `options`) has no prototype: a property added to Object.prototype
 * must not become a cwd or uid.
 */
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateArgumentNullCheck(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  validateArgumentsNullCheck(args, 'args');
  if (options === undefined) options = kEmptyObject;
  else validateObject(options, 'options');
  options = { __proto__: null, ...options };

  let cwd = options.cwd;
  if (cwd != null) cwd = validatedPath(cwd, 'options.cwd');
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !isInt32(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !isInt32(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  let env = options.env || process.env;
  // Children of a process collecting coverage collect it too unless their env says otherwise
  // (an empty NODE_V8_COVERAGE turns it off), as in Node.
  if (process.env.NODE_V8_COVERAGE &&
      !Object.prototype.hasOwnProperty.call(env, 'NODE_V8_COVERAGE')) {
    env = { __proto__: env, NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE };
  }
  const envPairs = [];
  // Inherited (prototype) keys count, as in Node.
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      validateArgumentNullCheck(key, `options.env['${key}']`);
      validateArgumentNullCheck(value, `options.env['${key}']`);
      envPairs.push(`${key}=${value}`);
    }
  }
  return {
    __proto__: null,
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  };
}

// What the binding reads, and nothing inherited: `cwd` '' means none, as in Node.
function bindingOptions(options, stdio, envPairs) {
  return {
    __proto__: null,
    file: options.file,
    // Each argument as a string, as Node's binding converts them.
    args: options.args.map((a) => `${a}`),
    envPairs,
    cwd: typeof options.cwd === 'string' && options.cwd.length > 0 ? options.cwd : undefined,
    stdio,
    detached: options.detached === true,
    uid: options.uid,
    gid: options.gid,
  };
}

function pipeSocket(token, readable) {
  const socket = new net.Socket({ handle: new NetHandle(true, token), readable, writable: !readable });
  if (readable) {
    socket.readable = true;
    socket.writable = false;
  } else {
    socket.readable = false;
    socket.writable = true;
  }
  return socket;
}

function duplexSocket(token) {
  const socket = new net.Socket({ handle: new NetHandle(true, token), readable: true, writable: true });
  socket.readable = true;
  socket.writable = true;
  return socket;
}

// A descriptor handed to a child as its stdin/stdout/stderr shares its open file description,
// whose O_NONBLOCK the child clears (programs expect blocking standard descriptors). Once the
// last child given it has exited, the flag is ours to set again, so that our reads of it
// cannot block the loop.
function releaseSharedHandles(handles) {
  for (const handle of handles) {
    if (--handle[kSharers] !== 0) continue;
    if (!handle.closed && handle.token !== null) binding.net.setBlocking(handle.token, false);
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this.spawnargs = [];
    this.pid = undefined;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [];
    this._watch = null;
    this._refed = true;
    if (childProcessChannel.hasSubscribers) childProcessChannel.publish({ process: this });
  }

  spawn(options) {
    if (permission.enabled) require('internal/process/permission').checkChildProcess(this.spawn);
    validateObject(options, 'options');
    const { stdio, streams } = getValidStdio(options.stdio || 'pipe', false);
    const serialization = options.serialization;
    if (serialization !== undefined && serialization !== 'json' && serialization !== 'advanced') {
      throw new ERR_INVALID_ARG_VALUE('options.serialization', serialization,
        "must be one of: undefined, 'json', 'advanced'");
    }
    const ipcIndex = stdio.indexOf('ipc');
    let envPairs = options.envPairs;
    if (ipcIndex !== -1) {
      if (envPairs === undefined) envPairs = [];
      else validateArray(envPairs, 'options.envPairs');
      envPairs = [...envPairs, `NODE_CHANNEL_FD=${ipcIndex}`,
        `NODE_CHANNEL_SERIALIZATION_MODE=${serialization || 'json'}`];
    }
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }
    const spawnOptions = bindingOptions({ __proto__: null, ...options, args: this.spawnargs }, stdio,
      envPairs);
    const result = native.spawn(spawnOptions, (status, signal) => this._onexit(status, signal),
      () => this._onHandleClose());
    if (result.errno !== undefined && result.pid === undefined) {
      const err = result.errno;
      // The pipes Node would have made exist, closed, so code that listens on them still runs.
      this.stdio = stdio.map((slot, i) => {
        if (slot !== 'pipe' && slot !== 'overlapped') return null;
        const s = new net.Socket();
        s.readable = i !== 0;
        s.writable = i === 0;
        if (s.readable) this._closesNeeded++;
        s.on('close', () => this._maybeClose());
        process.nextTick(() => s.destroy());
        return s;
      });
      [this.stdin, this.stdout, this.stderr] = this.stdio;
      if (err === -13 || err === -11 || err === -24 || err === -23 || err === -2) {
        process.nextTick(() => this._onexit(err, 0));
        return err;
      }
      throw errnoException(err, 'spawn');
    }
    this.pid = result.pid;
    this._watch = result.watch === undefined ? null : result.watch;
    // The child reads (or writes) these streams' descriptors now; we must not read them too.
    for (const stream of streams) {
      const handle = stream._handle;
      handle.reading = false;
      handle.readStop();
      if (typeof stream.pause === 'function') stream.pause();
      if (stream._readableState) {
        stream.readableFlowing = false;
        stream._readableState.reading = false;
      }
      stream[kIsUsedAsStdio] = true;
      handle[kSharers] = (handle[kSharers] || 0) + 1;
    }
    if (streams.length !== 0) this._sharedHandles = streams.map((stream) => stream._handle);
    this.stdio = stdio.map((slot, i) => {
      const token = result.stdio[i];
      if (token === null || token === undefined) return null;
      if (slot === 'ipc') {
        this._closesNeeded++;
        this._onChannelClose = () => this._maybeClose();
        require('internal/child_process/ipc').setupChannel(this, new NetHandle(true, token),
          serialization || 'json');
        return null;
      }
      // Slots past stderr are duplex sockets (a socket pair), as in Node.
      const socket = i > 2 ? duplexSocket(token) : pipeSocket(token, i !== 0);
      if (i !== 0) {
        this._closesNeeded++;
        socket.on('close', () => this._maybeClose());
      }
      return socket;
    });
    [this.stdin, this.stdout, this.stderr] = this.stdio;
    // Listed by process._getActiveHandles() while ref'd, after its pipes (Node makes those
    // first), until its handle closes in the close phase after the exit, as Node's ProcessWrap.
    const source = {
      activeOwner: () => (this._refed ? this : null),
      resourceType: () => 'ProcessWrap',
    };
    Object.defineProperty(this, kHandleSource, { value: source, configurable: true });
    addHandle(source);
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _onexit(status, signal) {
    this._watch = null;
    if (this._sharedHandles) {
      releaseSharedHandles(this._sharedHandles);
      this._sharedHandles = null;
    }
    if (signal) this.signalCode = signalName(signal);
    else this.exitCode = status;
    // Nobody reads the child's stdin any more: it is destroyed before 'exit', as in Node
    // (its 'close' is one that stream.finished() and packages such as execa wait for).
    if (this.stdin) this.stdin.destroy();
    if (status < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(status, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Whatever is still buffered on stdout/stderr flows once nobody reads it any more.
    process.nextTick(() => {
      for (const s of this.stdio) {
        if (!s || !s.readable || s[kIsUsedAsStdio]) continue;
        if (s.readableFlowing === null && !s._readableState.readableListening) s.resume();
      }
    });
    this._maybeClose();
  }

  _onHandleClose() {
    if (this[kHandleSource] !== undefined) removeHandle(this[kHandleSource]);
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) {
      this.emit('close', this.exitCode, this.signalCode);
    }
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this.pid === undefined || this.exitCode !== null || this.signalCode !== null) return false;
    const err = binding.process.kill(this.pid, signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err !== 3) { // ESRCH: already gone
      this.emit('error', errnoException(-err, 'kill'));
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() {
    this._refed = true;
    if (this._watch !== null) native.setRef(this._watch, true);
  }

  unref() {
    this._refed = false;
    if (this._watch !== null) native.setRef(this._watch, false);
  }
}

module.exports = {
  ChildProcess,
  bindingOptions,
  convertToValidSignal,
  getValidStdio,
  normalizeSpawnArguments,
  normalizeStdio,
  sanitizeKillSignal,
  signalName,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validatedPath,
};
