'use strict';
// node:child_process — spawn, exec, execFile, fork and their synchronous forms, over
// binding.child_process (internal/child_process holds ChildProcess; internal/child_process/ipc
// the channel of fork()).

const { Buffer } = require('buffer');
const { promisify, getSystemErrorName } = require('util');
const {
  ChildProcess, normalizeSpawnArguments, normalizeStdio, convertToValidSignal, signalName,
} = require('internal/child_process');
const { errnoException } = require('internal/net');
const {
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED, ERR_CHILD_PROCESS_STDIO_MAXBUFFER, ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE, ERR_IPC_SYNC_FORK, ERR_OUT_OF_RANGE,
  },
  validateAbortSignal, validateFunction, validateString, validateObject, AbortError,
} = require('internal/errors');

const native = binding.child_process;
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
  if (opts.signal !== undefined) validateAbortSignal(opts.signal, 'options.signal');
  const killSignal = opts.killSignal === undefined ? 'SIGTERM' : opts.killSignal;
  convertToValidSignal(killSignal);

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
    const onAbort = () => {
      if (child.kill(killSignal)) {
        child.emit('error', new AbortError(undefined, { cause: signal.reason }));
      }
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

// 'pipe' → ['pipe', 'pipe', 'pipe', 'ipc'], as fork() takes a string stdio.
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
  if (modulePath instanceof URL) modulePath = require('url').fileURLToPath(modulePath);
  validateString(modulePath, 'modulePath');
  if (modulePath.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('modulePath', modulePath, 'must be a string without null bytes');
  }
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  }
  if (options != null) validateObject(options, 'options');
  options = { ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  const execArgv = options.execArgv || process.execArgv;
  if (!Array.isArray(execArgv)) throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array', execArgv);
  for (const a of execArgv) {
    if (typeof a === 'string' && a.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE('options.execArgv', execArgv, 'must be an array without null bytes');
    }
  }
  // -e/-p of this process are not the child's program.
  const inherited = execArgv === process.execArgv ? stripEvalFlags(execArgv) : execArgv;
  args = [...inherited, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

function stripEvalFlags(execArgv) {
  const out = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++;
      continue;
    }
    if (a === '-pe' || a.startsWith('--eval=') || a.startsWith('--print=')) continue;
    out.push(a);
  }
  return out;
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
  if (options == null || typeof options === 'function') options = {};
  if (callback != null) validateFunction(callback, 'callback');
  return { file, args, options, callback };
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
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
  options.killSignal = convertToValidSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
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
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return execFile(opts.file, opts.options, opts.callback);
}

function customPromisify(orig) {
  return (...args) => {
    let child;
    const promise = new Promise((resolve, reject) => {
      child = orig(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
    });
    promise.child = child;
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
  const maxBuffer = opts.maxBuffer === undefined ? MAX_BUFFER : opts.maxBuffer;
  const killSignal = convertToValidSignal(opts.killSignal === undefined ? 'SIGTERM' : opts.killSignal);
  const stdio = normalizeStdio(opts.stdio || 'pipe');
  if (stdio.includes('ipc')) throw new ERR_IPC_SYNC_FORK();

  let input = null;
  if (opts.input != null) {
    const value = opts.input;
    if (typeof value === 'string') input = Buffer.from(value, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8');
    else if (ArrayBuffer.isView(value)) input = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    else throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], value);
    stdio[0] = 'pipe';
  }

  const r = native.spawnSync({ ...opts, stdio }, input, opts.timeout || 0, maxBuffer, killSignal);
  const result = {
    pid: r.pid || 0,
    output: null,
    stdout: null,
    stderr: null,
    status: null,
    signal: null,
  };
  if (r.errno !== undefined) {
    const err = errnoException(r.errno, `spawnSync ${opts.file}`);
    err.path = opts.file;
    err.spawnargs = opts.args.slice(1);
    result.error = err;
    return result;
  }
  const encoding = opts.encoding && opts.encoding !== 'buffer' && Buffer.isEncoding(opts.encoding) ? opts.encoding : null;
  const wrap = (bytes) => {
    if (bytes === undefined) return null;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding ? buf.toString(encoding) : buf;
  };
  result.output = [null, wrap(r.stdout), wrap(r.stderr)];
  result.stdout = result.output[1];
  result.stderr = result.output[2];
  if (r.signal) result.signal = signalName(r.signal);
  else result.status = r.status;
  if (r.timedOut) {
    result.error = errnoException(-110, `spawnSync ${opts.file}`);
    result.error.path = opts.file;
    result.error.spawnargs = opts.args.slice(1);
  } else if (r.overflow) {
    result.error = errnoException(-105, `spawnSync ${opts.file}`);
    result.error.path = opts.file;
    result.error.spawnargs = opts.args.slice(1);
  }
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
  if (err) delete err.error;
  return err;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...args], undefined);
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
