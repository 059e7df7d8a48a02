'use strict';
// A worker thread's start-up (the `runWorker` hook): take the ports the parent handed over, read
// the start-up data the parent queued on the internal port, make process.* what a worker sees
// (argv, execArgv, env, stdio over the internal port, no chdir), then run the script, the eval
// code or the data: URL. Uncaught exceptions go to the parent's 'error' event.

const { codes } = require('internal/errors');
const { receiveMessageOnPort } = require('internal/worker/io');
const workerState = require('internal/worker/state');
const { serializeError } = require('internal/worker/errors');

let internalPort = null;

/** Sends an exception nobody caught to the parent ('error' on the Worker object). */
function reportUncaught(error) {
  if (internalPort === null) return false;
  try {
    internalPort.postMessage(serializeError(error));
  } catch {
    internalPort.postMessage(serializeError(String(error)));
  }
  return true;
}

function stdioStreams(port, hasStdin) {
  const { Readable, Writable } = require('stream');
  function writer(fd) {
    const stream = new Writable({
      decodeStrings: false,
      write(chunk, encoding, callback) {
        port.postMessage({ type: 'stdio', fd, chunk, encoding: encoding === 'buffer' ? undefined : encoding });
        callback();
      },
      writev(chunks, callback) {
        for (const { chunk, encoding } of chunks) {
          port.postMessage({ type: 'stdio', fd, chunk, encoding: encoding === 'buffer' ? undefined : encoding });
        }
        callback();
      },
    });
    stream.fd = fd;
    stream.isTTY = false;
    stream._isStdio = true;
    stream.destroySoon = stream.destroy;
    stream._destroy = (err, cb) => cb(err);
    return stream;
  }
  // Once read, stdin keeps the worker alive until the parent ends it, as in Node (its data
  // comes over the internal port, which otherwise does not).
  let ended = !hasStdin;
  const stdin = new Readable({
    read() {
      if (!ended) port.ref();
    },
  });
  stdin.fd = 0;
  stdin.on('end', () => {
    ended = true;
    port.unref();
  });
  if (!hasStdin) stdin.push(null);
  return { stdin, stdout: writer(1), stderr: writer(2) };
}

function onInternalMessage(message, stdin) {
  if (message === null || typeof message !== 'object') return;
  if (message.type === 'stdin') {
    stdin.push(message.chunk, message.encoding);
  } else if (message.type === 'stdinEnd') {
    stdin.push(null);
  } else if (message.type === 'heapSnapshot') {
    internalPort.postMessage({ type: 'heapSnapshot', id: message.id, data: binding.runtime.heapSnapshot() });
  }
}

// What belongs to the whole process is the main thread's: a worker cannot change it, and the
// process-wide switches are not there at all, as in Node.
function disableProcessOnlyFeatures() {
  const unsupported = (name) => {
    const fn = function() {
      throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    };
    fn.disabled = true;
    return fn;
  };
  for (const name of ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'seteuid', 'setgid',
    'setegid', 'setgroups', 'initgroups']) {
    process[name] = unsupported(name);
  }
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask.call(process);
  };
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, {
      __proto__: null, configurable: true, enumerable: false,
      get() { throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`); },
    });
  }
  const title = process.title;
  Object.defineProperty(process, 'title', {
    __proto__: null, configurable: true, enumerable: true, get() { return title; }, set() {},
  });
  const debugPort = process.debugPort;
  Object.defineProperty(process, 'debugPort', {
    __proto__: null, configurable: true, enumerable: true, get() { return debugPort; }, set() {},
  });
  for (const name of ['_startProfilerIdleNotifier', '_stopProfilerIdleNotifier', '_debugProcess',
    '_debugPause', '_debugEnd']) {
    delete process[name];
  }
}

// fs.open/openSync hand out descriptors nothing else owns; the runtime closes those still
// open when the worker ends (with trackUnmanagedFds, the default), as Node does.
function trackUnmanagedFds() {
  const fs = require('fs');
  const track = (fd, open) => {
    if (binding.worker.trackFd(fd, open) !== false) return;
    process.emitWarning(open ? `File descriptor ${fd} opened in unmanaged mode twice`
      : `File descriptor ${fd} closed but not opened in unmanaged mode`);
  };
  const { open, openSync, close, closeSync } = fs;
  fs.openSync = function openSync_(...args) {
    const fd = Reflect.apply(openSync, this, args);
    track(fd, true);
    return fd;
  };
  fs.open = function open_(...args) {
    const last = args.length - 1;
    const cb = args[last];
    if (typeof cb === 'function') {
      args[last] = function(err, fd) {
        if (!err) track(fd, true);
        return Reflect.apply(cb, this, arguments);
      };
    }
    return Reflect.apply(open, this, args);
  };
  fs.closeSync = function closeSync_(fd) {
    track(fd, false);
    return Reflect.apply(closeSync, this, arguments);
  };
  fs.close = function close_(fd, ...rest) {
    track(fd, false);
    return Reflect.apply(close, this, [fd, ...rest]);
  };
  for (const [name, original] of [['openSync', openSync], ['open', open], ['closeSync', closeSync], ['close', close]]) {
    Object.defineProperty(fs[name], 'name', { __proto__: null, value: original.name });
    Object.defineProperty(fs[name], 'length', { __proto__: null, value: original.length });
  }
}

/**
 * A worker's process.cwd(): the directory is asked of the OS again only once the main thread
 * (the only one that may change it) has.
 */
function cachedCwd(counter) {
  const readCwd = process.cwd;
  let seen = -1;
  let cached = '';
  return function cwd() {
    const current = Atomics.load(counter, 0);
    if (current !== seen) {
      cached = readCwd();
      seen = current;
    }
    return cached;
  };
}

/**
 * Runs the worker. `hooks` gives what the bootstrap owns: the CJS/ESM loaders and the env
 * Proxy maker.
 */
function run(hooks) {
  const init = binding.worker.init();
  if (init === undefined) throw new codes.ERR_WORKER_INIT_FAILED('no worker start-up data');
  const [parentPort, internal] = init.ports;
  internalPort = internal;
  const got = receiveMessageOnPort(internal);
  if (got === undefined) throw new codes.ERR_WORKER_INIT_FAILED('no worker start-up data');
  const load = got.message;

  const scriptName = load.kind === 'file' ? load.source : '[worker eval]';
  process.argv = [process.execPath, scriptName, ...load.argv];
  process.execArgv = load.execArgv;
  // The worker's options: its execArgv, and the NODE_OPTIONS of the environment it was given.
  const options = require('internal/options');
  options.setSources(load.execArgv, (load.env !== null ? load.env : process.env).NODE_OPTIONS);
  if (!options.getOptionValue('--deprecation')) process.noDeprecation = true;
  if (options.getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
  if (options.getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
  const stackTraceLimit = Number(options.getOptionValue('--stack-trace-limit'));
  if (Number.isInteger(stackTraceLimit)) Error.stackTraceLimit = stackTraceLimit;
  if (options.getOptionValue('--trace-atomics-wait')) {
    require('internal/process/atomics_wait').install(binding.config.threadId);
  }
  // Tracing from the command line covers the worker's events too.
  if (process.execArgv.some((a) => a.startsWith('--trace-event'))) {
    require('internal/trace_events');
  }
  // --cpu-prof / --heap-prof in the worker's own execArgv: profiles of this thread.
  if (options.getOptionValue('--cpu-prof') === true ||
      options.getOptionValue('--heap-prof') === true) {
    require('internal/inspector/profiles').start();
  }
  if (load.env !== null) {
    Object.defineProperty(process, 'env', {
      __proto__: null, value: hooks.makeEnv(load.env), writable: true, enumerable: true, configurable: true,
    });
  } else {
    workerState.shareEnv = true;
  }

  const streams = stdioStreams(internal, load.stdin);
  for (const name of ['stdin', 'stdout', 'stderr']) {
    Object.defineProperty(process, name, {
      __proto__: null, configurable: true, enumerable: name === 'stdin', get() { return streams[name]; },
    });
  }
  internal.on('message', (message) => onInternalMessage(message, streams.stdin));
  internal.unref();

  workerState.isMainThread = false;
  workerState.threadId = init.threadId;
  workerState.parentPort = parentPort;
  workerState.workerData = load.workerData;
  workerState.cwdCounter = load.cwdCounter;
  process.cwd = cachedCwd(load.cwdCounter);
  workerState.environmentData = load.environmentData instanceof Map ? load.environmentData : new Map();
  const limits = init.resourceLimits;
  workerState.resourceLimits = {
    maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb || 48,
    maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb || 4096,
    codeRangeSizeMb: limits.codeRangeSizeMb || 0,
    stackSizeMb: limits.stackSizeMb || 4,
  };

  disableProcessOnlyFeatures();
  trackUnmanagedFds();
  internal.postMessage({ type: 'online' });
  hooks.preload();

  switch (load.kind) {
    case 'eval':
      hooks.loader.evalScript(load.source, '[worker eval]');
      break;
    case 'url':
      hooks.esm.runMainURL(load.source);
      break;
    default: {
      const found = hooks.loader.resolveMainPath(load.source);
      if (found !== undefined && hooks.esm.isESMEntry(found)) hooks.esm.runMain(found);
      else hooks.loader.runMain(load.source);
    }
  }
}

/** A message for the Worker object in the parent (false when there is no parent). */
function postToParent(message) {
  if (internalPort === null) return false;
  internalPort.postMessage(message);
  return true;
}

module.exports = { run, reportUncaught, postToParent };
