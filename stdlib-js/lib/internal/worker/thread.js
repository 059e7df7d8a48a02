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
  const stdin = new Readable({ read() {} });
  stdin.fd = 0;
  if (!hasStdin) stdin.push(null);
  return { stdin, stdout: writer(1), stderr: writer(2) };
}

function onInternalMessage(message, stdin) {
  if (message === null || typeof message !== 'object') return;
  if (message.type === 'stdin') {
    stdin.push(message.chunk, message.encoding);
  } else if (message.type === 'stdinEnd') {
    stdin.push(null);
  }
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
  if (load.env !== null) {
    Object.defineProperty(process, 'env', {
      __proto__: null, value: hooks.makeEnv(load.env), writable: true, enumerable: true, configurable: true,
    });
  }
  process.chdir = function chdir() {
    throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('process.chdir()');
  };

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
  workerState.environmentData = load.environmentData instanceof Map ? load.environmentData : new Map();
  const limits = init.resourceLimits;
  workerState.resourceLimits = {
    maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb || 48,
    maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb || 4096,
    codeRangeSizeMb: limits.codeRangeSizeMb || 0,
    stackSizeMb: limits.stackSizeMb || 4,
  };

  internal.postMessage({ type: 'online' });

  switch (load.kind) {
    case 'eval':
      hooks.loader.evalScript(load.source, '[worker eval]');
      break;
    case 'url':
      hooks.esm.importModuleDynamically(load.source, hooks.esm.pathToFileURLString(`${process.cwd()}/`))
        .catch((err) => binding.runtime.triggerUncaughtException(err, true));
      break;
    default: {
      const found = hooks.loader.resolveMainPath(load.source);
      if (found !== undefined && hooks.esm.isESMEntry(found)) hooks.esm.runMain(found);
      else hooks.loader.runMain(load.source);
    }
  }
}

module.exports = { run, reportUncaught };
