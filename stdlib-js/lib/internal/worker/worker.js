'use strict';
// The parent's side of a worker thread: `new Worker()` validates its options, makes two port
// pairs (the public one behind worker.postMessage/'message', an internal one for start-up data,
// stdio and errors), and has the runtime start the thread (binding.worker, runtime/src/worker.rs).
// The runtime reports the thread's end through `onExit`, after which what the worker posted is
// delivered and 'exit' is emitted.

const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { state: permission } = require('internal/process/permission');
const { MessageChannel, drainPort } = require('internal/worker/io');
const workerState = require('internal/worker/state');
const { deserializeError } = require('internal/worker/errors');

const native = binding.worker;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const kHandle = Symbol('kHandle');
const kPublic = Symbol('kPublic');
const kInternal = Symbol('kInternal');
const kExited = Symbol('kExited');
const kLimits = Symbol('kLimits');
const kStdio = Symbol('kStdio');
const kTerminate = Symbol('kTerminate');
const kThreadId = Symbol('kThreadId');
const kRefed = Symbol('kRefed');
const kAsyncId = Symbol('kAsyncId');
const kSnapshots = Symbol('kSnapshots');
let nextSnapshotId = 0;
const asyncHooks = require('internal/async_hooks');
// Node's 'worker_threads' diagnostics channel: every Worker, once started.
const workerChannel = require('diagnostics_channel').channel('worker_threads');

// execArgv entries a worker takes: options of a single isolate. Options of the whole process
// (--title, --redirect-warnings, ...) and unknown ones are refused, as in Node.
const workerFlag = new RegExp('^(?:-r|-C|--(?:require|import|loader|experimental-loader|' +
  'conditions|input-type|experimental-[\\w-]+|no-experimental-[\\w-]+|(?:no-)?warnings|' +
  'trace-warnings|(?:no-)?deprecation|throw-deprecation|trace-deprecation|pending-deprecation|' +
  'redirect-warnings=.|trace-sync-io|(?:no-)?extra-info-on-fatal-exception|track-heap-objects|' +
  'unhandled-rejections|enable-source-maps|abort-on-uncaught-exception|expose-gc|' +
  'expose-internals|harmony[\\w-]*|stack-trace-limit|max-old-space-size|' +
  'max-semi-space-size|disable-proto|frozen-intrinsics|preserve-symlinks(?:-main)?|' +
  'trace-uncaught|trace-exit|zero-fill-buffers|no-addons|no-global-search-paths|' +
  'allow-[\\w-]+|experimental|inspect[\\w-]*|env-file|watch|no-node-snapshot|' +
  'test[\\w-]*|verify-base-objects|no-force-async-hooks-checks|force-context-aware|' +
  '(?:cpu|heap)-prof(?:-dir|-name|-interval)?)' +
  ')(?:=.*)?$');
const takesValue = new Set(['-r', '-C', '--require', '--import', '--loader',
  '--experimental-loader', '--conditions', '--input-type', '--stack-trace-limit',
  '--cpu-prof-dir', '--cpu-prof-name', '--cpu-prof-interval', '--heap-prof-dir',
  '--heap-prof-name', '--heap-prof-interval']);
// V8's options: a worker's NODE_OPTIONS may name them (they stay the process's), its execArgv
// may not.
const v8Flag = new RegExp('^--(?:abort-on-uncaught-exception|disallow-code-generation-from-' +
  'strings|huge-max-old-generation-size|interpreted-frames-native-stack|jitless|' +
  'max-old-space-size|max-semi-space-size|perf-basic-prof(?:-only-functions)?|' +
  'perf-prof(?:-unwinding-info)?)(?:=.*)?$');

/** Refuse a worker's options that are not one isolate's (`fromEnv`: its NODE_OPTIONS). */
function validateExecArgv(list, fromEnv = false) {
  const bad = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i];
    if (arg === '--') break;  // the end of the options, as on a command line
    if (!arg.startsWith('-')) continue;
    // `_` reads as `-` within an option's name.
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ?
      `--${(eq === -1 ? arg.slice(2) : arg.slice(2, eq)).replace(/_/g, '-')}${eq === -1 ? '' : arg.slice(eq)}` : arg;
    if (fromEnv && v8Flag.test(name)) continue;
    if (!workerFlag.test(name)) bad.push(arg);
    else if (takesValue.has(name)) i++;
  }
  if (bad.length > 0) throw new codes.ERR_WORKER_INVALID_EXEC_ARGV(bad.join(', '));
}

function onExit(worker, code, outOfMemory, initError) {
  worker[kExited] = code;
  // What the worker posted before it ended comes first, as in Node.
  drainPort(worker[kInternal]);
  drainPort(worker[kPublic]);
  // The ports no longer count as active (async_hooks users such as why-is-node-running ask
  // hasRef()), though they close only in the next poll phase.
  worker[kPublic].unref();
  worker[kInternal].close();
  worker[kPublic].close();
  const [, stdout, stderr] = worker[kStdio];
  stdout.push(null);
  stderr.push(null);
  if (initError !== undefined) {
    worker.emit('error', new codes.ERR_WORKER_INIT_FAILED(initError));
  } else if (outOfMemory) {
    worker.emit('error', new codes.ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
  }
  for (const { reject } of worker[kSnapshots].values()) reject(new codes.ERR_WORKER_NOT_RUNNING());
  worker[kSnapshots].clear();
  worker[kThreadId] = -1;
  worker.emit('exit', code);
  // The handle lives until the 'exit' listeners ran (hasRef() answers during them).
  worker[kHandle] = undefined;
  asyncHooks.emitDestroy(worker[kAsyncId]);
  const waiting = worker[kTerminate];
  worker[kTerminate] = undefined;
  if (waiting !== undefined) for (const resolve of waiting) resolve(code);
}
native.setup(onExit);
// The runtime of a process started from a startup snapshot has not been told yet.
require('internal/v8/startup_snapshot').onDeserialize(() => native.setup(onExit));

function validateFilename(filename, options) {
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.eval', options.eval,
        'must be false when \'filename\' is not a string');
    }
    return { kind: 'eval', source: filename };
  }
  if (filename instanceof URL || (filename !== null && typeof filename === 'object' &&
      typeof filename.href === 'string' && typeof filename.protocol === 'string')) {
    if (filename.protocol === 'data:') return { kind: 'url', source: filename.href };
    if (filename.protocol !== 'file:') {
      throw new codes.ERR_INVALID_URL_SCHEME(['file', 'data']);
    }
    return { kind: 'file', source: require('url').fileURLToPath(filename) };
  }
  if (typeof filename !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  const path = require('path');
  const relative = filename.startsWith('./') || filename.startsWith('../') ||
    filename.startsWith('.' + path.sep) || filename.startsWith('..' + path.sep);
  if (!path.isAbsolute(filename) && !relative) {
    throw new codes.ERR_WORKER_PATH(filename);
  }
  return { kind: 'file', source: path.resolve(filename) };
}

function validateOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  for (const key of ['argv', 'execArgv', 'transferList']) {
    if (options[key] !== undefined && !Array.isArray(options[key])) {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.${key}`, 'Array', options[key]);
    }
  }
  if (options.execArgv !== undefined) {
    for (const arg of options.execArgv) {
      if (typeof arg !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', options.execArgv);
    }
  }
  const env = options.env;
  if (env !== undefined && env !== null && env !== SHARE_ENV && typeof env !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.env',
      ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], env);
  }
  if (options.execArgv !== undefined) validateExecArgv(options.execArgv);
  if (env !== null && typeof env === 'object' && typeof env.NODE_OPTIONS === 'string') {
    validateExecArgv(require('internal/options').tokenize(env.NODE_OPTIONS), true);
  }
  if (options.trackUnmanagedFds !== undefined && typeof options.trackUnmanagedFds !== 'boolean') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.trackUnmanagedFds', 'boolean', options.trackUnmanagedFds);
  }
  if (options.name !== undefined && typeof options.name !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.name', 'string', options.name);
  }
  if (options.resourceLimits !== undefined &&
      (options.resourceLimits === null || typeof options.resourceLimits !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.resourceLimits', 'object', options.resourceLimits);
  }
}

// The environment a worker starts with: a copy of process.env (or of options.env), strings only.
function envCopy(env) {
  const source = env === undefined || env === null ? process.env : env;
  const copy = {};
  for (const key of Object.keys(source)) {
    if (source[key] !== undefined) copy[key] = `${source[key]}`;
  }
  return copy;
}

// As Node reports them: a limit not given is -1 without a resourceLimits object and 0 with
// one; the stack is 4 MiB unless given.
function limitsOf(options) {
  const given = options.resourceLimits;
  const out = {};
  for (const key of ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb']) {
    const v = given?.[key];
    if (typeof v === 'number' && v > 0) out[key] = v;
    else if (key === 'stackSizeMb') out[key] = 4;
    else out[key] = given === undefined || given === null ? -1 : 0;
  }
  return out;
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    // A thread cannot be carried into a startup snapshot.
    require('internal/v8/startup_snapshot').throwIfBuilding('Creating workers');
    super();
    if (permission.enabled) require('internal/process/permission').checkWorker(new.target);
    validateOptions(options);
    const entry = validateFilename(filename, options);
    const { Readable, Writable } = require('stream');
    // The handle as async_hooks shows it ('WORKER'), made before its ports, as in Node.
    this[kAsyncId] = asyncHooks.newAsyncId();
    const worker = this;
    asyncHooks.emitInit(this[kAsyncId], 'WORKER', asyncHooks.executionAsyncId(), {
      hasRef() { return worker[kHandle] === undefined ? undefined : worker[kRefed]; },
    });
    const pub = new MessageChannel();
    const internal = new MessageChannel();
    this[kPublic] = pub.port1;
    this[kInternal] = internal.port1;
    this[kExited] = undefined;
    this[kTerminate] = undefined;
    this[kLimits] = limitsOf(options);
    this[kSnapshots] = new Map();

    const stdout = new Readable({ read() {} });
    const stderr = new Readable({ read() {} });
    let stdin = null;
    if (options.stdin) {
      const port = internal.port1;
      stdin = new Writable({
        write(chunk, encoding, callback) {
          port.postMessage({ type: 'stdin', chunk, encoding });
          callback();
        },
        final(callback) {
          port.postMessage({ type: 'stdinEnd' });
          callback();
        },
      });
    }
    this[kStdio] = [stdin, stdout, stderr];
    if (!options.stdout) stdout.pipe(process.stdout, { end: false });
    if (!options.stderr) stderr.pipe(process.stderr, { end: false });

    pub.port1.on('message', (message) => this.emit('message', message));
    pub.port1.on('messageerror', (error) => this.emit('messageerror', error));
    pub.port1.unref();
    internal.port1.on('message', (message) => this.#internalMessage(message));
    internal.port1.unref();

    const env = options.env === SHARE_ENV ? null : envCopy(options.env);
    // A shared environment: this thread's process.env reads the OS environment from now on.
    if (env === null) workerState.shareEnv = true;
    const load = {
      type: 'load',
      kind: entry.kind,
      source: entry.source,
      argv: (options.argv ?? []).map((a) => String(a)),
      // As on a command line, a `--` ending the options is not one of them.
      execArgv: options.execArgv === undefined ? process.execArgv :
        options.execArgv.filter((arg) => arg !== '--'),
      env,
      workerData: options.workerData,
      cwdCounter: workerState.cwdCounter ??= new Int32Array(new SharedArrayBuffer(4)),
      environmentData: workerState.environmentData,
      name: options.name ?? '',
      stdin: Boolean(options.stdin),
      cwd: process.cwd(),
    };
    // The start-up data waits in the internal port's queue for the worker to read it.
    internal.port1.postMessage(load, options.transferList);
    let spawned;
    try {
      spawned = native.spawn(this, pub.port2, internal.port2, options.resourceLimits ?? {},
        options.name ?? '', options.trackUnmanagedFds !== false);
    } catch (err) {
      asyncHooks.emitDestroy(this[kAsyncId]);
      throw err;
    }
    const [threadId, handle] = spawned;
    this[kHandle] = handle;
    this[kRefed] = true;
    this[kThreadId] = threadId;
    // While tracing, the trace file names the new thread.
    require('internal/trace_events').noteWorker(threadId, options.name);
    if (workerChannel.hasSubscribers) workerChannel.publish({ worker: this });
  }

  get threadId() {
    return this[kHandle] === undefined ? -1 : this[kThreadId];
  }

  #internalMessage(message) {
    if (message === null || typeof message !== 'object') return;
    switch (message.type) {
      case 'online':
        this.emit('online');
        break;
      case 'stdio': {
        const stream = this[kStdio][message.fd];
        if (stream) stream.push(message.chunk, message.encoding);
        break;
      }
      case 'error':
        this.emit('error', deserializeError(message));
        break;
      case 'traceEvents':
        // The trace events the thread recorded, for the file this thread writes.
        require('internal/trace_events')
          .addWorkerEvents(message.events, message.tid, message.threadId);
        break;
      case 'heapSnapshot': {
        const waiting = this[kSnapshots].get(message.id);
        this[kSnapshots].delete(message.id);
        if (this[kSnapshots].size === 0) this[kInternal].unref();
        if (waiting === undefined) break;
        const { Readable } = require('stream');
        const stream = new Readable({ read() {} });
        stream.push(message.data);
        stream.push(null);
        waiting.resolve(stream);
        break;
      }
      default:
    }
  }

  get stdin() { return this[kStdio][0]; }

  get stdout() { return this[kStdio][1]; }

  get stderr() { return this[kStdio][2]; }

  get resourceLimits() {
    return this[kExited] !== undefined ? {} : { ...this[kLimits] };
  }

  postMessage(...args) {
    if (this[kExited] !== undefined) return;
    this[kPublic].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === undefined || this[kExited] !== undefined) return Promise.resolve();
    // The answer must arrive even for an unref()'d worker.
    native.setRef(this[kHandle], true);
    native.terminate(this[kHandle]);
    return new Promise((resolve) => {
      (this[kTerminate] ??= []).push(resolve);
    });
  }

  // The public port follows the worker's ref state, as Node's does.
  ref() {
    if (this[kHandle] === undefined) return;
    this[kRefed] = true;
    native.setRef(this[kHandle], true);
    this[kPublic].ref();
  }

  unref() {
    if (this[kHandle] === undefined) return;
    this[kRefed] = false;
    native.setRef(this[kHandle], false);
    this[kPublic].unref();
  }

  getHeapSnapshot(options) {
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    if (this[kExited] !== undefined || this[kHandle] === undefined) {
      return Promise.reject(new codes.ERR_WORKER_NOT_RUNNING());
    }
    // The worker takes it on its own thread and sends the text back.
    const id = nextSnapshotId++;
    this[kInternal].postMessage({ type: 'heapSnapshot', id });
    this[kInternal].ref();
    return new Promise((resolve, reject) => {
      this[kSnapshots].set(id, { resolve, reject });
    });
  }

  get performance() {
    const worker = this;
    return {
      // The worker loop's own idle time, kept by its poll phase (no JS runs in the worker).
      eventLoopUtilization(util1, util2) {
        const times = worker[kHandle] === undefined ? undefined : native.loopTimes(worker[kHandle]);
        if (times === undefined) return { idle: 0, active: 0, utilization: 0 };
        const [idle, total] = times;
        const active = Math.max(total - idle, 0);
        if (util2 !== undefined && util1 !== undefined) {
          const di = util1.idle - util2.idle;
          const da = util1.active - util2.active;
          return { idle: di, active: da, utilization: da / (di + da) };
        }
        if (util1 !== undefined) {
          const di = idle - util1.idle;
          const da = active - util1.active;
          return { idle: di, active: da, utilization: da / (di + da) };
        }
        return { idle, active, utilization: total > 0 ? active / (idle + active) : 0 };
      },
    };
  }
}

module.exports = { Worker, SHARE_ENV };
