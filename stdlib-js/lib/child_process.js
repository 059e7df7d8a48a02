'use strict';
// node:child_process - spawn, exec, execFile, fork and their synchronous forms, over
// binding.child_process (internal/child_process holds ChildProcess; internal/child_process/ipc
// the channel of fork()).

const { Buffer } = require('buffer');
const { promisify, getSystemErrorName } = require('util');
const {
  ChildProcess, bindingOptions, getValidStdio, normalizeSpawnArguments, sanitizeKillSignal,
  signalName,
  validateArgumentNullCheck, validateArgumentsNullCheck, validatedPath,
} = require('internal/child_process');
const { errnoException } = require('internal/net');
const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED, ERR_CHILD_PROCESS_STDIO_MAXBUFFER, ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
  },
  validateAbortSignal, validateArray, validateFunction, validateString, validateObject, AbortError,
} = require('internal/errors');

const native = binding.child_process;
const { signals } = require('os').constants;
const { state: permission } = require('internal/process/permission');
const MAX_BUFFER = 1024 * 1024;

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function spawn(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  validateTimeout(opts.timeout);
  validateAbortSignal(opts.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(opts.killSignal);

  const child = new ChildProcess();
  child.spawn(opts);

  if (opts.timeout > 0) {
    let timer = setTimeout(() => {
      if (timer) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timer = null;
      }
    }, opts.timeout);
    child.once('exit', () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
    });
  }
  if (opts.signal) {
    const signal = opts.signal;
    const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function abortChildProcess(child, killSignal, reason) {
  try {
    if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: reason }));
  } catch (err) {
    child.emit('error', err);
  }
}

// 'pipe' -> ['pipe', 'pipe', 'pipe', 'ipc'], as fork() takes a string stdio.
function stdioStringToArray(stdio, channel) {
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      return [stdio, stdio, stdio, channel];
    case 'inherit':
      return [0, 1, 2, channel];
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
}

/** Run `modulePath` in a new Eddy process (process.execPath) with an IPC channel. */
function fork(modulePath, args, options) {
  modulePath = validatedPath(modulePath, 'modulePath');
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateArgumentNullCheck(options.execPath, 'options.execPath');
  let execArgv = options.execArgv || process.execArgv;
  validateArgumentsNullCheck(execArgv, 'options.execArgv');
  // This process's -e/-p code is not the child's program (only the code still in
  // process.execArgv is left out, as in Node).
  if (execArgv === process.execArgv && process._eval != null) {
    const index = execArgv.lastIndexOf(process._eval);
    if (index > 0) {
      execArgv = execArgv.slice();
      execArgv.splice(index - 1, 2);
    }
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (options == null || typeof options === 'function') options = { __proto__: null };
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    __proto__: null,
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    argv0: options.argv0,
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  const encoding = options.encoding && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const out = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;
  if (args.length !== 0) cmd += ` ${args.join(' ')}`;

  function joined(which) {
    const chunks = out[which];
    // The user may have set an encoding on the stream itself: strings arrive then.
    if (encoding || (chunks.length && typeof chunks[0] === 'string')) return chunks.join('');
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) return;
    const stdout = joined('stdout');
    const stderr = joined('stderr');
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args.length !== 0) cmd = `${file} ${args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(() => {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  for (const which of ['stdout', 'stderr']) {
    const stream = child[which];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      const length = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding || 'utf8') : chunk.length;
      lengths[which] += length;
      if (lengths[which] > options.maxBuffer) {
        const keep = options.maxBuffer - (lengths[which] - length);
        out[which].push(typeof chunk === 'string' ? chunk.slice(0, keep) : chunk.subarray(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which);
        kill();
      } else {
        out[which].push(chunk);
      }
    });
  }

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  validateArgumentNullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

// Bad arguments throw at the call, as the callback form's do; the promise carries the outcome.
function customPromisify(orig) {
  return (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

Object.defineProperty(exec, promisify.custom, { enumerable: false, value: customPromisify(exec) });
Object.defineProperty(execFile, promisify.custom, { enumerable: false, value: customPromisify(execFile) });

// ===== synchronous forms =====

function spawnSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  validateTimeout(opts.timeout);
  validateMaxBuffer(opts.maxBuffer);
  if (permission.enabled) require('internal/process/permission').checkChildProcess(spawnSync);
  const maxBuffer = opts.maxBuffer == null ? MAX_BUFFER : opts.maxBuffer;
  const killSignal = sanitizeKillSignal(opts.killSignal);
  const { stdio, inputs } = getValidStdio(opts.stdio || 'pipe', true);
  if (opts.input) inputs[0] = opts.input;

  // Only stdin can be fed here; input given for another slot is validated and left unused.
  const inputEncoding = opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8';
  let input = null;
  for (let i = 0; i < stdio.length; i++) {
    const value = inputs[i];
    if (value == null) continue;
    let bytes;
    if (ArrayBuffer.isView(value)) {
      bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    } else if (typeof value === 'string') {
      bytes = Buffer.from(value, inputEncoding);
    } else {
      throw new ERR_INVALID_ARG_TYPE(`options.stdio[${i}]`,
        ['Buffer', 'TypedArray', 'DataView', 'string'], value);
    }
    stdio[i] = 'pipe';
    if (i === 0) input = bytes;
  }

  const r = native.spawnSync(bindingOptions(opts, stdio, opts.envPairs), input, opts.timeout || 0,
    maxBuffer, killSignal === undefined ? signals.SIGTERM : killSignal);
  // Node's key order: error (when there is one), status, signal, output, pid, stdout, stderr.
  const fail = (errno) => {
    const err = errnoException(errno, `spawnSync ${opts.file}`);
    err.path = opts.file;
    err.spawnargs = opts.args.slice(1);
    return err;
  };
  let error;
  if (r.errno !== undefined) error = fail(r.errno);
  else if (r.timedOut) error = fail(-110); // ETIMEDOUT
  else if (r.overflow) error = fail(-105); // ENOBUFS
  const result = error === undefined ? {} : { error };
  result.status = null;
  result.signal = null;
  result.output = null;
  result.pid = r.pid || 0;
  result.stdout = null;
  result.stderr = null;
  if (r.errno !== undefined) return result;
  const encoding = opts.encoding && opts.encoding !== 'buffer' && Buffer.isEncoding(opts.encoding) ? opts.encoding : null;
  const wrap = (bytes) => {
    if (bytes === undefined) return null;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding ? buf.toString(encoding) : buf;
  };
  if (r.signal) result.signal = signalName(r.signal);
  else result.status = r.status;
  // One entry per slot: what the child wrote to each pipe it had (null for the rest).
  result.output = stdio.map((slot, i) => (i === 0 ? null : wrap(r.output[i])));
  result.stdout = result.output[1];
  result.stderr = result.output[2];
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [options.argv0 || file, ...args], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};

// --trace-sync-io reports the synchronous calls made after the main script has run.
require('internal/process/warning').traceSyncCalls(module.exports,
  ['execFileSync', 'execSync', 'spawnSync']);
