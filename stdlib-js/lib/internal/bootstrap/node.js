'use strict';
// Bootstraps the JS side of Eddy. The runtime compiles this builtin first, with `require`
// undefined and `binding` holding every native module, and keeps `module.exports` as its
// hooks object: the functions Rust calls (see runtime/src/lib.rs, "The contract with the JS
// side"). Keep the hook names in step with runtime/src/{lib,tasks,event_loop}.rs.

// V8's non-standard Intl.v8BreakIterator is not offered, as in Node (Intl.Segmenter is).
delete Intl.v8BreakIterator;

// ===== builtin loader =====

const builtinCache = new Map();
const builtinIds = binding.runtime.builtinIds();

// The array iteration protocol as V8 made it. Builtins initialise with it even when user code
// has deleted or replaced it (Node's builtins are immune through primordials).
const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const arrayIteration = [
  [Array.prototype, Symbol.iterator, Array.prototype[Symbol.iterator]],
  [ArrayIteratorPrototype, 'next', ArrayIteratorPrototype.next],
];

/** Runs `fn` with the original array iteration in place, then puts back the user's. */
function withArrayIteration(fn) {
  const saved = [];
  for (let i = 0; i < arrayIteration.length; i++) {
    // Indexed, not destructured: destructuring is what may be broken.
    const entry = arrayIteration[i];
    const target = entry[0];
    const key = entry[1];
    const original = entry[2];
    const desc = Object.getOwnPropertyDescriptor(target, key);
    // A property that cannot be redefined stays (--frozen-intrinsics made it an accessor of
    // the original).
    if (desc !== undefined && (desc.value === original || !desc.configurable)) continue;
    saved.push([target, key, desc]);
    Object.defineProperty(target, key, {
      value: original, writable: true, enumerable: false, configurable: true,
    });
  }
  try {
    return fn();
  } finally {
    for (let i = 0; i < saved.length; i++) {
      const entry = saved[i];
      if (entry[2] === undefined) delete entry[0][entry[1]];
      else Object.defineProperty(entry[0], entry[1], entry[2]);
    }
  }
}

// Builtins read the globals Node's builtins hold references of their own to (process,
// Buffer, the timers, URL, ...) from parameters that hold the values made here, not from the
// global scope, where a script's top-level `let process = 1` (typed at the REPL, say) would
// shadow them, and where user code may have replaced them. A name joins once its value
// exists; builtins loaded before that read it from the global scope.
// `process` exists from the start; its prototype is set once events has loaded.
const process = {};
const shielded = new Map([['process', process]]);
// Those whose value is a builtin's export, taken once that builtin has loaded.
const shieldedExports = [
  ['Buffer', 'buffer'], ['URL', 'internal/url'], ['URLSearchParams', 'internal/url'],
  ['AbortController', 'internal/abort_controller'],
  ['AbortSignal', 'internal/abort_controller'], ['EventTarget', 'internal/event_target'],
  ['Event', 'internal/event_target'], ['performance', 'internal/perf/performance'],
  ['ReadableStream', 'stream/web'], ['WritableStream', 'stream/web'],
];

// The order builtins get the shielded names in: one group a line, in the order the bootstrap
// makes them available, so that the lists builtins get are the same from run to run, and
// stdlib-js/build.rs can make V8's code cache for them: for each list a `cached` line ends
// (the runtime uses an entry only for the exact list it was made for). The runtime leaves out
// of each list the names the builtin's source never mentions (build.rs finds them), so the
// globals a script happens to touch first do not change unrelated builtins' lists. Keep one
// quoted name each, and mark only groups that are in place by the end of the bootstrap.
const kShieldOrder = [
  /* cached */ 'process',
  /* cached */ 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'TextEncoder', 'TextDecoder', 'DOMException',
  /* cached */ 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
  /* cached */ 'URL', 'URLSearchParams',
  /* cached */ 'Buffer',
  'AbortController', 'AbortSignal',
  'EventTarget', 'Event',
  'performance',
  'ReadableStream', 'WritableStream',
];

/** The parameters a builtin compiled now gets: [names, values]. */
function shieldsNow() {
  for (let i = 0; i < shieldedExports.length; i++) {
    const name = shieldedExports[i][0];
    if (shielded.has(name)) continue;
    const mod = builtinCache.get(shieldedExports[i][1]);
    if (mod !== undefined && mod.loaded && mod.exports[name] !== undefined) {
      shielded.set(name, mod.exports[name]);
    }
  }
  const names = [];
  const values = [];
  for (let i = 0; i < kShieldOrder.length; i++) {
    if (shielded.has(kShieldOrder[i])) {
      names.push(kShieldOrder[i]);
      values.push(shielded.get(kShieldOrder[i]));
    }
  }
  // A name missing from kShieldOrder still works, only without a code cache.
  if (names.length < shielded.size) {
    for (const [name, value] of shielded) {
      if (!kShieldOrder.includes(name)) {
        names.push(name);
        values.push(value);
      }
    }
  }
  return [names, values];
}

function requireBuiltin(id) {
  const cached = builtinCache.get(id);
  if (cached !== undefined) return cached.exports;
  const [names, values] = shieldsNow();
  const fn = binding.runtime.compileBuiltin(id, names, values);
  const mod = { id, exports: {}, loaded: false };
  builtinCache.set(id, mod);
  try {
    withArrayIteration(() => fn.call(undefined, mod.exports, requireBuiltin, mod, binding));
  } catch (err) {
    builtinCache.delete(id);
    throw err;
  }
  mod.loaded = true;
  return mod.exports;
}

// For loaders that run builtin code on behalf of user code later (import()).
requireBuiltin.withArrayIteration = withArrayIteration;

/** Public builtins: every id not under internal/. */
requireBuiltin.ids = builtinIds.filter((id) => !id.startsWith('internal/'));

const NODE_VERSION = 'v20.20.2';
const EDDY_VERSION = '0.1.0';

const EventEmitter = requireBuiltin('events');
const taskQueues = requireBuiltin('internal/process/task_queues');
const { codes } = requireBuiltin('internal/errors');

// ===== process =====

const native = binding.process;

// `process` is an EventEmitter whose constructor is named "process", as in Node.
const processProto = Object.create(EventEmitter.prototype, {
  constructor: {
    value: function process() {},
    writable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'process', configurable: true },
});
processProto.constructor.prototype = processProto;
Object.setPrototypeOf(process, processProto);
EventEmitter.call(process);

const config = binding.config;
const uname = binding.os.uname();

function defineValue(name, value) {
  Object.defineProperty(process, name, {
    value, writable: true, enumerable: true, configurable: true,
  });
}

defineValue('version', NODE_VERSION);
defineValue('versions', Object.freeze({
  node: NODE_VERSION.slice(1),
  eddy: EDDY_VERSION,
  v8: native.versions().v8,
  modules: '115',
  // OpenSSL 3's behaviour is what node:crypto follows (errors, defaults), so code that
  // branches on the version takes the OpenSSL 3 paths. Node 20's bundled version.
  openssl: '3.0.19',
}));
defineValue('arch', archName(uname.machine));
defineValue('platform', 'linux');
defineValue('release', Object.freeze({ name: 'node', lts: 'Iron' }));
defineValue('argv', config.argv.slice());
defineValue('execArgv', config.execArgv.slice());
const options = requireBuiltin('internal/options');
options.setSources(config.execArgv, native.getEnv('NODE_OPTIONS'));
applyDeprecationOptions();
options.prepareRealm(globalThis);
if (options.getOptionValue('--trace-uncaught')) binding.runtime.setTraceUncaught();
defineValue('execPath', config.execPath);
defineValue('argv0', config.argv0 !== undefined ? config.argv0 : 'eddy');
// `--title=x` names the process from the start, as in Node.
const titleFlag = options.getOptionValue('--title');
let title = titleFlag === undefined ? 'eddy' : titleFlag;
if (titleFlag !== undefined && config.threadId === 0) native.setTitle(title);
// Setting it renames the process for `ps` and `top`, as in Node.
Object.defineProperty(process, 'title', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return title; },
  set(value) {
    title = `${value}`;
    native.setTitle(title);
  },
});
defineValue('pid', native.pid());
defineValue('ppid', native.ppid());
defineValue('config', Object.freeze({
  target_defaults: {},
  variables: {
    host_arch: archName(uname.machine), node_module_version: 115, node_shared: false,
    // V8 is built with ICU (full data): Intl is complete.
    v8_enable_i18n_support: 1,
  },
}));
// Node 20.20's keys (require_module: require() loads ES modules), plus Node 22's typescript.
defineValue('features', Object.freeze({
  inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false,
  tls_ocsp: false, tls: false, cached_builtins: true, require_module: true,
  typescript: 'transform',
}));
defineValue('env', makeEnv());
defineValue('exitCode', undefined);
// The active domain (node:domain sets it); null when there is none, as in Node.
defineValue('domain', null);
defineValue('_exiting', false);

function archName(machine) {
  switch (machine) {
    case 'x86_64': return 'x64';
    case 'aarch64': return 'arm64';
    case 'i686': case 'i386': return 'ia32';
    default: return machine;
  }
}

// `process.exitCode` only takes integers (or integer strings), undefined and null.
let exitCode;
Object.defineProperty(process, 'exitCode', {
  enumerable: true,
  configurable: false,
  get() { return exitCode; },
  set(code) {
    if (code !== undefined && code !== null) {
      validateExitCode(code);
    }
    exitCode = code;
  },
});

function validateExitCode(code) {
  if (typeof code === 'string' && code.trim() !== '' && Number.isInteger(Number(code))) return;
  if (typeof code !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('code', 'integer', code);
  }
  if (!Number.isInteger(code)) {
    throw new codes.ERR_OUT_OF_RANGE('code', 'an integer', code);
  }
}

function finalExitCode() {
  return exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0;
}

process.cwd = function cwd() { return native.cwd(); };
process.chdir = function chdir(directory) {
  if (typeof directory !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('directory', 'string', directory);
  }
  native.chdir(directory);
  const counter = requireBuiltin('internal/worker/state').cwdCounter;
  if (counter !== null) Atomics.add(counter, 0, 1);
};
process.uptime = function uptime() { return native.uptime(); };

process.hrtime = function hrtime(previous) {
  const now = native.hrtimeNs();
  let sec = Number(now / 1000000000n);
  let nsec = Number(now % 1000000000n);
  if (previous !== undefined) {
    if (!Array.isArray(previous)) {
      throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', previous);
    }
    if (previous.length !== 2) {
      throw new codes.ERR_OUT_OF_RANGE('time', 2, previous.length);
    }
    sec -= previous[0];
    nsec -= previous[1];
    if (nsec < 0) {
      sec -= 1;
      nsec += 1e9;
    }
  }
  return [sec, nsec];
};
process.hrtime.bigint = function bigint() { return native.hrtimeNs(); };

process.memoryUsage = function memoryUsage() {
  const [rss, heapTotal, heapUsed, external, arrayBuffers] = native.memoryUsage();
  return { rss, heapTotal, heapUsed, external, arrayBuffers };
};
process.memoryUsage.rss = function rss() { return native.rss(); };

process.cpuUsage = function cpuUsage(previous) {
  const [user, system] = native.cpuUsage();
  if (previous !== undefined) {
    if (previous === null || typeof previous !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('prevValue', 'object', previous);
    }
    return { user: user - previous.user, system: system - previous.system };
  }
  return { user, system };
};

process.nextTick = taskQueues.nextTick;
requireBuiltin('internal/process/signals').install(process);

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', finalExitCode());
  }
  if (process.execArgv.includes('--trace-exit')) traceExit(finalExitCode(), exit);
  // Through process.reallyExit, which code may replace (as in Node).
  process.reallyExit(finalExitCode());
  // V8 acts on the termination at its next stack check, which a function call makes: without
  // one, the statement after process.exit() would still run (in a worker, where exiting
  // terminates this isolate instead of the process).
  stackCheck();
};
function stackCheck() {}
/** --trace-exit: where process.exit() was called from, on stderr (the thread too in a worker). */
function traceExit(code, exitFn) {
  const holder = {};
  Error.captureStackTrace(holder, exitFn);
  const frames = `${holder.stack}`.split('\n').slice(1).join('\n');
  const who = config.threadId === 0 ? `${process.pid}` : `${process.pid}, thread:${config.threadId}`;
  native.writeSync(2, `(${process.release.name}:${who}) WARNING: Exited the environment with code ${code}\n${frames}\n`);
}
process.reallyExit = function reallyExit(code) {
  napiCleanup();
  flushStdio();
  binding.inspector.waitForDisconnect();
  binding.runtime.exit(code | 0);
};
// Stops the inspector's socket server (inspector.close()).
process._debugEnd = function _debugEnd() {
  binding.inspector.close();
};
// Starts the inspector of process `pid` (this one too): SIGUSR1 does that, as in Node.
process._debugProcess = function _debugProcess(pid) {
  process.kill(pid, 'SIGUSR1');
};
// Straight to fd 2, formatted, past every stream and tick (for debugging the runtime itself).
process._rawDebug = function _rawDebug(...args) {
  native.writeSync(2, `${inspectModule.format(...args)}\n`);
};
// Method syntax: like Node's, process.abort has no prototype and `new` throws.
process.abort = ({ abort() { binding.runtime.exit(134); } }).abort;

let warnedAssert = false;
process.assert = function assert(value, message) {
  if (!warnedAssert) {
    warnedAssert = true;
    process.emitWarning('process.assert() is deprecated. Please use the `assert` module instead.',
                        'DeprecationWarning', 'DEP0100');
  }
  if (!value) {
    const err = new Error(message || 'assertion error');
    err.code = 'ERR_ASSERTION';
    throw err;
  }
};

// process.umask(): the mask (read without changing it); umask(mask) sets it and returns the
// old one. The mask is an octal string or a uint32, as Node validates it.
process.umask = function umask(mask) {
  if (mask === undefined) return native.umask(-1);
  if (typeof mask === 'string') {
    if (!/^[0-7]+$/.test(mask)) {
      throw new (requireBuiltin('internal/errors').codes.ERR_INVALID_ARG_VALUE)(
        'mask', mask, 'must be a 32-bit unsigned integer or an octal string');
    }
    mask = parseInt(mask, 8);
  } else {
    requireBuiltin('internal/errors').validateUint32(mask, 'mask');
  }
  return native.umask(mask);
};
process.getuid = function getuid() { return native.ids()[0]; };
process.geteuid = function geteuid() { return native.ids()[1]; };
process.getgid = function getgid() { return native.ids()[2]; };
process.getegid = function getegid() { return native.ids()[3]; };
// As Node: the effective group id is always in the list (getgroups(2) may leave it out).
process.getgroups = function getgroups() {
  const groups = native.groups();
  const egid = native.ids()[3];
  if (!groups.includes(egid)) groups.push(egid);
  return groups;
};

requireBuiltin('internal/process/credentials').install(process);

/** Whether signal `signo` sent to this process ends it: no listener, a default that ends. */
function signalEndsProcess(signo) {
  const signals = requireBuiltin('os').constants.signals;
  const name = Object.keys(signals).find((k) => signals[k] === signo);
  if (name === undefined || process.listenerCount(name) > 0) return false;
  return !['SIGCHLD', 'SIGCONT', 'SIGURG', 'SIGWINCH', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN',
    'SIGTTOU'].includes(name);
}

process.kill = function kill(pid, sig = 'SIGTERM') {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let signal;
  if (typeof sig === 'number') {
    signal = sig;
  } else if (typeof sig === 'string' && requireBuiltin('os').constants.signals[sig] !== undefined) {
    signal = requireBuiltin('os').constants.signals[sig];
  } else {
    throw new codes.ERR_UNKNOWN_SIGNAL(sig);
  }
  // A signal to itself may end the process before any exit code runs: write the coverage
  // collected so far first (NODE_V8_COVERAGE), as Node does.
  if (pid === process.pid) {
    const coverage = builtinCache.get('internal/inspector/coverage');
    if (coverage !== undefined && coverage.loaded) coverage.exports.take();
    // So do --cpu-prof/--heap-prof's profiles, when nothing here handles the signal and its
    // default action ends the process.
    const profiles = builtinCache.get('internal/inspector/profiles');
    if (profiles !== undefined && profiles.loaded && signalEndsProcess(signal)) {
      profiles.exports.atExit();
    }
  }
  const errno = native.kill(pid | 0, signal);
  if (errno !== 0) {
    const name = requireBuiltin('util').getSystemErrorName(-errno);
    const err = new Error(`kill ${name}`);
    err.errno = -errno;
    err.code = name;
    err.syscall = 'kill';
    throw err;
  }
  return true;
};

const rusageNames = ['userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize',
  'unsharedDataSize', 'unsharedStackSize', 'minorPageFault', 'majorPageFault', 'swappedOut',
  'fsRead', 'fsWrite', 'ipcSent', 'ipcReceived', 'signalsCount', 'voluntaryContextSwitches',
  'involuntaryContextSwitches'];
// The diagnostic report (internal/process/report), loaded when first used.
Object.defineProperty(process, 'report', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return requireBuiltin('internal/process/report').report; },
});

process.resourceUsage = function resourceUsage() {
  const values = native.resourceUsage();
  const out = {};
  rusageNames.forEach((name, i) => { out[name] = values[i]; });
  return out;
};
process.availableMemory = function availableMemory() { return requireBuiltin('os').freemem(); };
process.constrainedMemory = function constrainedMemory() { return cgroupMemoryLimit(); };

/**
 * The memory limit the process's cgroup sets, as libuv reads it: the smaller of the hard and
 * soft limits (cgroup v2 memory.max/memory.high; v1 limit_in_bytes/soft_limit_in_bytes, else
 * the root controller's), 2 ** 64 for "no limit", and 0 when no cgroup says anything.
 */
function cgroupMemoryLimit() {
  const fs = requireBuiltin('fs');
  const slurp = (file) => {
    try {
      return fs.readFileSync(file, 'latin1');
    } catch {
      return undefined;
    }
  };
  const kUnlimited = 2n ** 64n - 1n;
  const read = (file) => {
    const text = slurp(file);
    if (text === undefined) return 0n;
    const digits = /^\s*(\d+)/.exec(text);
    if (digits !== null) return BigInt(digits[1]);
    return text === 'max\n' ? kUnlimited : 0n;
  };
  const cgroups = slurp('/proc/self/cgroup');
  if (cgroups === undefined) return 0;
  let high;
  let max;
  if (cgroups.startsWith('0::/')) {
    const dir = `/sys/fs/cgroup/${cgroups.slice(4).split('\n')[0]}`;
    max = read(`${dir}/memory.max`);
    high = read(`${dir}/memory.high`);
  } else {
    const line = cgroups.split('\n').find((l) => /^\d+:memory:\//.test(l));
    if (line !== undefined) {
      const dir = `/sys/fs/cgroup/memory/${line.slice(line.indexOf(':memory:/') + 9)}`;
      high = read(`${dir}/memory.soft_limit_in_bytes`);
      max = read(`${dir}/memory.limit_in_bytes`);
    }
    if (line === undefined || high === 0n || max === 0n) {
      high = read('/sys/fs/cgroup/memory/memory.soft_limit_in_bytes');
      max = read('/sys/fs/cgroup/memory/memory.limit_in_bytes');
    }
    // cgroup v1 says "no limit" with LONG_MAX rounded down to a page.
    const noLimit = (v) => v > 0n && (2n ** 63n - 1n) - v < 65536n;
    if (noLimit(high)) high = kUnlimited;
    if (noLimit(max)) max = kUnlimited;
  }
  if (high === 0n || max === 0n) return 0;
  return Number(high < max ? high : max);
}

/** The exports of builtin `id` (`fs` or `node:fs`), or undefined when there is none. */
process.getBuiltinModule = function getBuiltinModule(id) {
  if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  if (!requireBuiltin('module').isBuiltin(id)) return undefined;
  return requireBuiltin(id.startsWith('node:') ? id.slice(5) : id);
};

let sourceMapsEnabled = options.getOptionValue('--enable-source-maps');
process.setSourceMapsEnabled = function setSourceMapsEnabled(enabled) {
  if (typeof enabled !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE('val', 'boolean', enabled);
  sourceMapsEnabled = enabled;
};
Object.defineProperty(process, 'sourceMapsEnabled', {
  get() { return sourceMapsEnabled; }, enumerable: true, configurable: true,
});
// The inspector's port: --inspect-port (--debug-port), else 9229; 0 or 1024-65535 may be set.
let debugPort = Number(options.getOptionValue('--inspect-port') ?? 9229) | 0;
Object.defineProperty(process, 'debugPort', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return debugPort; },
  set(value) {
    const port = Number(value) | 0;
    if ((port !== 0 && port < 1024) || port > 65535) {
      throw new RangeError('process.debugPort must be 0 or in range 1024 to 65535');
    }
    debugPort = port;
  },
});
Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  enumerable: true,
  configurable: true,
  get() {
    const value = makeAllowedFlags();
    Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
      value, enumerable: true, configurable: true, writable: true,
    });
    return value;
  },
  set(value) {
    Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
      value, enumerable: true, configurable: true, writable: true,
    });
  },
});
// Node-API addons (bindings/src/napi): the first load hands the native side what it needs
// from JS; their cleanup hooks run when the process exits (napiCleanup below).
let napiLoaded = false;
process.dlopen = function dlopen(module, filename, flags = 1 /* RTLD_LAZY */) {
  const { codes } = requireBuiltin('internal/errors');
  if (arguments.length < 2) {
    const err = new TypeError('process.dlopen needs at least 2 arguments');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  if (!Number.isInteger(flags) || flags > 0x7fffffff || flags < -0x80000000) {
    throw new codes.ERR_INVALID_ARG_TYPE('flags', 'integer', flags);
  }
  if (module === null || typeof module !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('module', 'object', module);
  }
  // Node takes ToObject(module.exports) first.
  if (module.exports === undefined || module.exports === null) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  if (!options.getOptionValue('--addons')) {
    const err = new Error('Cannot load native addon because loading addons is disabled.');
    err.code = 'ERR_DLOPEN_DISABLED';
    throw err;
  }
  if (!napiLoaded) {
    binding.napi.setup(requireBuiltin('buffer').Buffer.prototype, (err) => { throw err; }, () => {},
                       process.versions.node, napiLegacyUncaught);
    napiLoaded = true;
  }
  binding.napi.dlopen(module, `${filename}`, flags);
};
function napiCleanup() {
  if (napiLoaded) binding.napi.runCleanup();
}
// An exception a thread-safe function's call left: Node warns once (DEP0168) unless the policy
// is enforced, when it is an uncaught exception.
let napiWarned = false;
function napiLegacyUncaught(err) {
  if (options.getOptionValue('--force-node-api-uncaught-exceptions-policy')) throw err;
  if (napiWarned) return;
  napiWarned = true;
  process.emitWarning('Uncaught N-API callback exception detected, please run node with option ' +
    '--force-node-api-uncaught-exceptions-policy=true to handle those exceptions properly.',
  'DeprecationWarning', 'DEP0168');
}

/** Loads KEY=value lines of a .env file into process.env (variables already set win). */
process.loadEnvFile = function loadEnvFile(path = '.env') {
  const text = binding.fs.readFileUtf8(requireBuiltin('path').resolve(`${path}`));
  for (const [key, value] of Object.entries(requireBuiltin('util').parseEnv(text))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
};
process.binding = function (name) {
  throw new Error(`No such module: ${name}`);
};
// Node's bindings linked in by an embedder; Eddy's embedders add globals instead.
process._linkedBinding = function _linkedBinding(name) {
  throw new Error(`No such binding was linked: ${name}`);
};

// The options NODE_OPTIONS may carry (Node's documented list, V8 options included).
const allowedFlags = `--abort-on-uncaught-exception --conditions -C --diagnostic-dir
  --disable-proto --disable-warning --dns-result-order --enable-fips --enable-source-maps
  --experimental-abortcontroller --experimental-default-type --experimental-detect-module
  --experimental-import-meta-resolve --experimental-json-modules --experimental-loader --loader
  --experimental-modules --experimental-network-imports --experimental-permission
  --experimental-policy --experimental-shadow-realm --experimental-specifier-resolution
  --experimental-top-level-await --experimental-vm-modules --experimental-wasi-unstable-preview1
  --experimental-wasm-modules --force-context-aware --force-fips --frozen-intrinsics
  --heapsnapshot-near-heap-limit --heapsnapshot-signal --http-parser --icu-data-dir --import
  --input-type --insecure-http-parser --inspect --inspect-brk --inspect-port --debug-port
  --inspect-publish-uid --max-http-header-size --napi-modules --no-addons
  --no-deprecation --no-experimental-fetch --no-experimental-global-customevent
  --no-experimental-global-webcrypto --no-experimental-repl-await --no-extra-info-on-fatal-exception
  --no-force-async-hooks-checks --no-global-search-paths --no-network-family-autoselection
  --no-warnings --node-memory-debug --openssl-config --openssl-legacy-provider
  --openssl-shared-config --pending-deprecation --policy-integrity --preserve-symlinks
  --preserve-symlinks-main --redirect-warnings --report-compact --report-dir
  --report-directory --report-filename --report-on-fatalerror --report-on-signal
  --report-signal --report-uncaught-exception --require -r --secure-heap --secure-heap-min
  --snapshot-blob --test-only --test-reporter --test-reporter-destination --test-shard
  --throw-deprecation --title --tls-cipher-list --tls-keylog --tls-max-v1.2 --tls-max-v1.3
  --tls-min-v1.0 --tls-min-v1.1 --tls-min-v1.2 --tls-min-v1.3 --trace-atomics-wait
  --trace-deprecation --trace-event-categories --trace-event-file-pattern --trace-events-enabled
  --trace-exit --trace-sigint --trace-sync-io --trace-tls --trace-uncaught --trace-warnings
  --track-heap-objects --unhandled-rejections --use-bundled-ca --use-largepages --use-openssl-ca
  --v8-pool-size --watch --watch-path --watch-preserve-output --zero-fill-buffers
  --abort-on-uncaught-exception --disallow-code-generation-from-strings --enable-etw-stack-walking
  --huge-max-old-generation-size --interpreted-frames-native-stack --jitless --max-old-space-size
  --max-semi-space-size --perf-basic-prof --perf-basic-prof-only-functions --perf-prof
  --perf-prof-unwinding-info --stack-trace-limit`.split(/\s+/).filter(Boolean);

/**
 * A frozen Set that ignores add/delete/clear (also through Set.prototype) and answers has()
 * for the spellings Node accepts: `_` for `-`, no leading dashes, a trailing `=value`.
 */
function makeAllowedFlags() {
  const flags = new Set(allowedFlags);
  class NodeEnvironmentFlagsSet extends Set {
    add() { return this; }
    delete() { return false; }
    clear() {}
    has(key) {
      if (typeof key !== 'string') return false;
      let name = key.replace(/=.*$/s, '');
      const dashes = /^-*/.exec(name)[0].length;
      name = name.slice(0, dashes) + name.slice(dashes).replace(/_/g, '-');
      if (dashes > 0) return flags.has(name);
      return flags.has(`--${name}`) || flags.has(`-${name}`);
    }
    get size() { return flags.size; }
    entries() { return flags.entries(); }
    forEach(callback, thisArg = undefined) {
      flags.forEach((flag) => Reflect.apply(callback, thisArg, [flag, flag, this]));
    }
    keys() { return flags.keys(); }
    values() { return flags.values(); }
    [Symbol.iterator]() { return flags.values(); }
  }
  return Object.freeze(new NodeEnvironmentFlagsSet());
}

let uncaughtCaptureCallback = null;
process.setUncaughtExceptionCaptureCallback = function (fn) {
  if (fn === null) {
    uncaughtCaptureCallback = null;
    binding.runtime.setAbortOnUncaught(true);
    return;
  }
  if (typeof fn !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (uncaughtCaptureCallback !== null) {
    const err = new Error(
      '`process.setupUncaughtExceptionCapture()` was called while a capture callback was ' +
      'already active');
    err.code = 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET';
    throw err;
  }
  uncaughtCaptureCallback = fn;
  // The callback gets uncaught exceptions even under --abort-on-uncaught-exception.
  binding.runtime.setAbortOnUncaught(false);
};
process.hasUncaughtExceptionCaptureCallback = function () {
  return uncaughtCaptureCallback !== null;
};

/**
 * What keeps the loop alive, by type name: requests in flight, handles and timers (of the
 * handles, those internal/process/handles knows).
 */
process.getActiveResourcesInfo = function getActiveResourcesInfo() {
  return [...requireBuiltin('internal/process/handles').activeResourceTypes(),
    ...requireBuiltin('internal/timers').activeResourcesInfo()];
};

/** The objects of the ref'd handles and the requests in flight (see internal/process/handles). */
process._getActiveHandles = function _getActiveHandles() {
  return requireBuiltin('internal/process/handles').activeHandles();
};
process._getActiveRequests = function _getActiveRequests() {
  return requireBuiltin('internal/process/handles').activeRequests();
};

// ----- environment: a Proxy whose target mirrors the OS environment -----

function pendingDeprecation() {
  return options.getOptionValue('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1';
}

/** Node's deprecation switches become the process properties its warning code reads. */
function applyDeprecationOptions() {
  if (!options.getOptionValue('--deprecation')) process.noDeprecation = true;
  if (options.getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
  if (options.getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
}

// `copy`: a worker's own environment (a copy the parent made); without it, the process's.
function makeEnv(copy) {
  const own = copy !== undefined;
  const target = {};
  if (own) {
    Object.assign(target, copy);
  } else {
    for (const key of native.envKeys()) {
      const value = native.getEnv(key);
      if (value !== undefined) target[key] = value;
    }
  }
  let warnedNonString = false;
  // With a worker sharing the environment (SHARE_ENV), reads go to the OS environment, which
  // the other thread may have changed.
  let workerState;
  const live = () => !own && (workerState ??= requireBuiltin('internal/worker/state')).shareEnv;
  const refresh = (obj, key) => {
    const value = native.getEnv(key);
    if (value === undefined) delete obj[key];
    else obj[key] = value;
  };
  return new Proxy(target, {
    get(obj, key) {
      if (typeof key === 'string' && live()) refresh(obj, key);
      return obj[key];
    },
    has(obj, key) {
      if (typeof key === 'string' && live()) refresh(obj, key);
      return key in obj;
    },
    set(obj, key, value) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      // DEP0104 is documentation-only: Node warns only under --pending-deprecation.
      if (!warnedNonString && typeof value !== 'string' && typeof value !== 'number' &&
          typeof value !== 'boolean' && pendingDeprecation()) {
        warnedNonString = true;
        process.emitWarning('Assigning any value other than a string, number, or boolean to a ' +
          'process.env property is deprecated. Please make sure to convert the value to a ' +
          'string before setting process.env with it.', 'DeprecationWarning', 'DEP0104');
      }
      const str = `${value}`;
      if (!own) native.setEnv(key, str);
      obj[key] = str;
      return true;
    },
    defineProperty(obj, key, desc) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      if ('get' in desc || 'set' in desc) {
        const err = new TypeError(
          "'process.env' does not accept an accessor(getter/setter) descriptor");
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        const err = new TypeError("'process.env' only accepts a configurable, writable, and " +
          'enumerable data descriptor');
        err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
        throw err;
      }
      const str = `${desc.value}`;
      if (!own) native.setEnv(key, str);
      obj[key] = str;
      return true;
    },
    deleteProperty(obj, key) {
      if (typeof key === 'string' && !own) native.unsetEnv(key);
      delete obj[key];
      return true;
    },
  });
}

// ----- standard streams -----

// internal/process/stdio makes each stream on first access, by what its descriptor is.
let stdio = null;
function loadStdio() {
  if (stdio === null) stdio = requireBuiltin('internal/process/stdio');
  return stdio;
}
// Every way out calls this after 'exit' listeners: queued pipe output is written, raw mode undone.
function flushStdio() {
  // --cpu-prof / --heap-prof: the profiles, with what the 'exit' listeners ran.
  const profiles = builtinCache.get('internal/inspector/profiles');
  if (profiles !== undefined && profiles.loaded) profiles.exports.atExit();
  // NODE_V8_COVERAGE: the last coverage file, with what the 'exit' listeners ran.
  const coverage = builtinCache.get('internal/inspector/coverage');
  if (coverage !== undefined && coverage.loaded) coverage.exports.atExit();
  // The trace event file, when tracing was on, with what the 'exit' listeners did too.
  const trace = builtinCache.get('internal/trace_events');
  if (trace !== undefined && trace.loaded) trace.exports.writeAtExit();
  if (stdio !== null) stdio.flushAtExit();
}
Object.defineProperty(process, 'stdin', {
  configurable: true,
  enumerable: true,
  get() { return loadStdio().getStdin(); },
});
process.openStdin = function openStdin() {
  process.stdin.resume();
  return process.stdin;
};
Object.defineProperty(process, 'stdout', {
  configurable: true,
  enumerable: false,
  get() { return loadStdio().getStdout(); },
});
Object.defineProperty(process, 'stderr', {
  configurable: true,
  enumerable: false,
  get() { return loadStdio().getStderr(); },
});

// ----- warnings -----

const warnings = requireBuiltin('internal/process/warning');
process.emitWarning = warnings.emitWarning;
// Node's printer is an ordinary 'warning' listener (listenerCount('warning') is 1).
process.on('warning', warnings.onWarning);

// ===== globals =====

const inspectModule = requireBuiltin('internal/util/inspect');
const encoding = requireBuiltin('internal/encoding');

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable, configurable: true,
  });
}

// As in Node: Object.keys(globalThis) lists global, the timers, queueMicrotask,
// structuredClone, atob/btoa, performance and crypto; the other globals are not enumerable.
Object.defineProperty(globalThis, Symbol.toStringTag, {
  value: 'global', writable: false, enumerable: false, configurable: true,
});
/** A global builtins also get as a parameter (see shieldsNow). */
function defineShieldedGlobal(name, value, enumerable) {
  defineGlobal(name, value, enumerable);
  shielded.set(name, value);
}

defineGlobal('global', globalThis, true);
defineShieldedGlobal('queueMicrotask', taskQueues.queueMicrotask, true);
defineShieldedGlobal('structuredClone', encoding.structuredClone, true);
defineShieldedGlobal('atob', encoding.atob, true);
defineShieldedGlobal('btoa', encoding.btoa, true);
defineShieldedGlobal('TextEncoder', encoding.TextEncoder);
defineShieldedGlobal('TextDecoder', encoding.TextDecoder);
defineShieldedGlobal('DOMException', encoding.DOMException);
// The clock and startup milestones start now; the rest of perf_hooks loads on first use.
const perfUtils = requireBuiltin('internal/perf/utils');

/**
 * `process` and `Buffer` are accessors in Node: assigning the global replaces what it reads
 * (`process = x`), but the property stays a getter/setter pair.
 */
function defineAccessorGlobal(name, load) {
  let value;
  let loaded = false;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(v) {
      value = v;
      loaded = true;
    },
  });
}
defineAccessorGlobal('process', () => process);

// EventTarget and AbortController load on first use: most scripts never touch them.
function defineLazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get() {
      const value = load();
      defineGlobal(name, value, enumerable);
      return value;
    },
    set(value) {
      defineGlobal(name, value, enumerable);
    },
  });
}
// URL, URLSearchParams, EventTarget and Event are data properties in Node (the others are
// accessors): V8's lazy data properties load them on first use all the same.
const lazyDataGlobals = [];
function defineLazyDataGlobal(name, load) {
  binding.runtime.defineLazyDataProperty(globalThis, name, load, false);
  lazyDataGlobals.push(name);
}
// --no-experimental-global-* switch a few web globals off, as Node's flags do.
const globalOff = (name) => !options.getOptionValue(`--experimental-global-${name}`);
for (const name of ['EventTarget', 'Event', 'CustomEvent']) {
  if (name === 'CustomEvent' && globalOff('customevent')) continue;
  const load = () => requireBuiltin('internal/event_target')[name];
  if (name === 'CustomEvent') defineLazyGlobal(name, load);
  else defineLazyDataGlobal(name, load);
}
for (const name of ['AbortController', 'AbortSignal']) {
  defineLazyGlobal(name, () => requireBuiltin('internal/abort_controller')[name]);
}

defineAccessorGlobal('Buffer', () => requireBuiltin('buffer').Buffer);
defineLazyGlobal('Blob', () => requireBuiltin('buffer').Blob);
defineLazyGlobal('File', () => requireBuiltin('buffer').File);
if (!globalOff('webcrypto')) {
  defineLazyGlobal('crypto', () => requireBuiltin('internal/crypto/webcrypto').webcrypto, true);
  for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
    defineLazyGlobal(name, () => requireBuiltin('internal/crypto/webcrypto')[name]);
  }
}
defineLazyDataGlobal('URL', () => requireBuiltin('internal/url').URL);
defineLazyGlobal('performance', () => requireBuiltin('internal/perf/performance').performance, true);
for (const name of ['Performance', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceResourceTiming']) {
  defineLazyGlobal(name, () => requireBuiltin('internal/perf/performance')[name]);
}
for (const name of ['PerformanceEntry', 'PerformanceObserver', 'PerformanceObserverEntryList']) {
  defineLazyGlobal(name, () => requireBuiltin('internal/perf/observe')[name]);
}
for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel']) {
  defineLazyGlobal(name, () => requireBuiltin('internal/worker/io')[name]);
}
perfUtils.mark('environment');
defineLazyDataGlobal('URLSearchParams', () => requireBuiltin('internal/url').URLSearchParams);
// The WHATWG streams (CompressionStream and DecompressionStream load zlib when first used).
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
  'DecompressionStream']) {
  defineLazyGlobal(name, () => requireBuiltin('stream/web')[name]);
}

// fetch and its classes (internal/fetch/*) load on first use; --no-experimental-fetch leaves
// them out. As in Node, `fetch` is an enumerable plain function that loads the rest.
if (options.getOptionValue('--experimental-fetch')) {
  let fetchImpl;
  defineGlobal('fetch', function fetch(input, init = undefined) {
    fetchImpl ??= requireBuiltin('internal/fetch/fetch').fetch;
    return fetchImpl(input, init);
  }, true);
  for (const [name, id] of [['FormData', 'internal/fetch/formdata'], ['Headers', 'internal/fetch/headers'],
    ['Request', 'internal/fetch/request'], ['Response', 'internal/fetch/response']]) {
    defineLazyGlobal(name, () => requireBuiltin(id)[name]);
  }
}
// The WebSocket client, a global as in Node 22 (Node 20 asks for --experimental-websocket).
defineLazyGlobal('WebSocket', () => requireBuiltin('internal/websocket/websocket').WebSocket);

const timers = requireBuiltin('internal/timers');
for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate']) {
  defineShieldedGlobal(name, timers[name], true);
}

// NODE_V8_COVERAGE=dir: V8 collects coverage from here on, for files written at exit.
// --heapsnapshot-signal=SIG: a heap snapshot (Heap.<date>.<time>.<pid>.<tid>.<seq>.heapsnapshot,
// in --diagnostic-dir or the cwd) each time the signal comes, as in Node.
if (options.getOptionValue('--heapsnapshot-signal')) {
  const signal = options.getOptionValue('--heapsnapshot-signal');
  process.on(signal, () => {
    const name = requireBuiltin('internal/util/diagnostic_filename').next('Heap', 'heapsnapshot');
    const dir = options.getOptionValue('--diagnostic-dir') || process.cwd();
    requireBuiltin('v8').writeHeapSnapshot(requireBuiltin('path').join(dir, name));
  });
}

// --report-on-signal: the report's signal handler is there from the start.
if (options.getOptionValue('--report-on-signal') === true) {
  requireBuiltin('internal/process/report').setupFromOptions();
}

if (native.getEnv('NODE_V8_COVERAGE')) {
  requireBuiltin('internal/inspector/coverage').start(native.getEnv('NODE_V8_COVERAGE'));
}

if (options.getOptionValue('--cpu-prof') === true || options.getOptionValue('--heap-prof') === true) {
  requireBuiltin('internal/inspector/profiles').start();
}

// V8's own console (it only talks to the inspector): node:inspector's `console`, and what the
// global console's methods also call while an inspector session is connected.
binding.inspector.consoleFromVM = globalThis.console;
let globalConsole;
Object.defineProperty(globalThis, 'console', {
  configurable: true,
  enumerable: false,
  get() {
    if (globalConsole === undefined) {
      globalConsole = requireBuiltin('internal/console')
        .createGlobalConsole();
    }
    return globalConsole;
  },
  set(value) {
    globalConsole = value;
  },
});

// ===== fatal exceptions =====

const traceHint = '(Use `eddy --trace-uncaught ...` to show where the exception was thrown)\n';

function stackReadable(error) {
  try {
    void error.stack;
    return true;
  } catch {
    return false;
  }
}

function readStack(error) {
  try {
    const stack = error.stack;
    return typeof stack === 'string' ? stack : undefined;
  } catch {
    return undefined;
  }
}

function safeString(value) {
  try {
    return String(value);
  } catch {
    return '[object]';
  }
}

// ===== error.stack =====

const { kIsNodeError, kEnhanceStackBeforeInspector } = requireBuiltin('internal/errors');
const OriginalError = Error;
const errorToString = Error.prototype.toString;

/**
 * Hook: format `error.stack` on first read (runtime/src/lib.rs, prepare_stack_trace). A user's
 * Error.prepareStackTrace wins, as in V8; Node errors get the `Name [CODE]: message` header.
 */
function prepareStackTrace(error, trace) {
  const userHook = OriginalError.prepareStackTrace;
  if (typeof userHook === 'function') {
    try {
      return userHook(error, trace);
    } catch {
      // A throwing hook cannot make reading `stack` throw from here; use the default format.
    }
  }
  let header;
  try {
    if (error !== null && typeof error === 'object' && error[kIsNodeError] === true) {
      const message = `${error.message}`;
      header = `${error.name} [${error.code}]${message === '' ? '' : `: ${message}`}`;
    } else {
      header = Reflect.apply(errorToString, error, []);
    }
  } catch {
    header = '<error>';
  }
  // --enable-source-maps: call sites in mapped code are shown where they are in the original.
  if (sourceMapsEnabled) return requireBuiltin('internal/source_map').mapTrace(header, trace);
  let text = header;
  for (let i = 0; i < trace.length; i++) text += `\n    at ${trace[i]}`;
  return text;
}

/** Whether a diagnostic report may be due on an uncaught exception (option or setting). */
function reportOnUncaught() {
  return options.getOptionValue('--report-uncaught-exception') === true ||
    builtinCache.has('internal/process/report');
}

/** The report Node prints for an exception nobody handled, and its trailer. */
/**
 * `thrownAt`: with --trace-uncaught, the frames where it was thrown (printed instead of the
 * hint to use that option).
 */
function printFatal(error, arrow, thrownAt) {
  const hint = typeof thrownAt === 'string' ? '' : traceHint;
  // With source maps on, a script that names a map shows no generated line: the stack starts
  // with the original one instead (internal/source_map), as in Node.
  if (arrow && sourceMapsEnabled) {
    const where = /^(.*):\d+\n/.exec(arrow);
    if (where !== null && requireBuiltin('internal/source_map').hasSourceMapURL(where[1])) {
      arrow = '';
    }
  }
  let text;
  if (error !== null && typeof error === 'object' &&
      typeof error[kEnhanceStackBeforeInspector] === 'function') {
    try {
      const stack = error[kEnhanceStackBeforeInspector]();
      Object.defineProperty(error, 'stack', {
        __proto__: null, value: stack, writable: true, configurable: true,
      });
    } catch {
      // report the error as it is
    }
  }
  const isError = error !== null && typeof error === 'object' &&
    (binding.types.isNativeError(error) || error instanceof Error);
  // Node inspects the error unless reading its stack throws (then String(error) and a hint).
  if (isError && stackReadable(error)) {
    let shown;
    try {
      // Like Node: custom inspection is skipped and nesting is shown at least 5 levels deep.
      shown = inspectModule.inspect(error, {
        customInspect: false,
        depth: Math.max(inspectModule.inspect.defaultOptions.depth, 5),
      });
    } catch {
      shown = readStack(error) ?? safeString(error);
    }
    text = `${arrow ? `${arrow}\n` : ''}${shown}\n`;
  } else if (isError) {
    // Without a readable stack Node falls back to String(error) and the trace hint.
    text = `${arrow ? `${arrow}\n` : ''}${safeString(error)}\n${hint}`;
  } else if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
    let shown;
    try {
      shown = inspectModule.inspect(error);
    } catch {
      shown = safeString(error);
    }
    text = `\n${arrow}${shown}\n`;
  } else {
    const shown = typeof error === 'string' ? error : inspectModule.inspect(error);
    text = `\n${arrow}${shown}\n${hint}`;
  }
  if (typeof thrownAt === 'string') text += `Thrown at:\n${thrownAt}\n\n`;
  // A diagnostic report asked for on uncaught exceptions comes after the error, before the
  // version line, as in Node.
  const report = reportOnUncaught() ? requireBuiltin('internal/process/report') : undefined;
  if (report !== undefined && report.settings.reportOnUncaughtException) {
    flushStdio();
    try {
      native.writeSync(2, text);
      report.onUncaughtException(error);
    } catch {
      // stderr is gone; nothing else can be done
    }
    text = '';
  }
  text += `\nNode.js ${NODE_VERSION}\n`;
  // Written to fd 2 directly, as Node prints fatal errors: a broken stream or process.nextTick
  // must not swallow the report. What the stdio streams still queue goes first, for order.
  flushStdio();
  try {
    native.writeSync(2, text);
  } catch {
    // stderr is gone; nothing else can be done
  }
}

/** Offers an uncaught error to the capture callback or the 'uncaughtException' listeners. */
function dispatchUncaught(error, origin) {
  // The monitor sees every uncaught error, also one a capture callback then takes.
  process.emit('uncaughtExceptionMonitor', error, origin);
  if (uncaughtCaptureCallback !== null) {
    uncaughtCaptureCallback(error);
    return true;
  }
  return process.emit('uncaughtException', error, origin);
}

// Node's hook for an exception nobody caught: true when a listener (or the capture callback)
// took it; otherwise the caller reports it.
process._fatalException = function _fatalException(error, fromPromise) {
  const handled = dispatchUncaught(error, fromPromise ? 'unhandledRejection' : 'uncaughtException');
  if (handled) requireBuiltin('internal/async_hooks').unwindAfterUncaught();
  return handled;
};

function handleUncaught(error, origin, arrow, thrownAt) {
  if (dispatchUncaught(error, origin)) {
    requireBuiltin('internal/async_hooks').unwindAfterUncaught();
    return;
  }
  // In a worker the parent's 'error' event reports it (nothing is printed here).
  if (config.threadId === 0 || !requireBuiltin('internal/worker/thread').reportUncaught(error)) {
    printFatal(error, arrow, thrownAt);
  }
  process.exitCode = 1;
  if (!process._exiting) {
    process._exiting = true;
    try {
      process.emit('exit', 1);
    } catch {
      // An 'exit' listener that throws cannot stop a fatal exit.
    }
  }
  flushStdio();
  binding.inspector.waitForDisconnect();
  binding.runtime.exit(process.exitCode === 1 || process.exitCode === undefined ? 1 : finalExitCode());
}

// ===== entry points =====

const loader = requireBuiltin('internal/modules/cjs/loader');
loader.setBuiltinLoader(requireBuiltin);
const esm = requireBuiltin('internal/modules/esm/loader');
const hooks = requireBuiltin('internal/modules/esm/hooks');
esm.setup(requireBuiltin, loader);
loader.setESMLoader(esm);

// TypeScript for require(): probed after the JS extensions. `.cts` is CommonJS and `.mts` an
// ES module; `.ts` follows the package "type", else its syntax (esm.tsFormat). ES modules load
// synchronously, as Node 22 does for ES modules without top-level await.
function loadTypeScript(module, filename) {
  const format = filename.endsWith('.mts') ? 'module'
    : filename.endsWith('.cts') ? 'commonjs' : esm.tsFormat(filename);
  if (format === 'module') {
    if (module.id === '.') esm.runMain(filename);
    else module.exports = esm.requireESM(filename, module.parent && module.parent.filename);
    return;
  }
  let source = binding.fs.readFileUtf8(filename);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  module._compile(binding.runtime.stripTypeScript(source, filename, false), filename, 'commonjs');
}
loader.Module._extensions['.ts'] = loadTypeScript;
loader.Module._extensions['.cts'] = loadTypeScript;
loader.Module._extensions['.mts'] = loadTypeScript;

function inputTypeIsModule() {
  return options.getOptionValue('--input-type') === 'module';
}

/**
 * Runs `main` after the modules named by `--import` (in order, relative to the cwd) have been
 * imported, or at once when there are none.
 */
function afterImports(main) {
  registerLoaders();
  const specifiers = options.getOptionValue('--import');
  if (specifiers.length === 0) {
    main();
    return;
  }
  // Resolved against the cwd, as a directory URL (so errors say "imported from <cwd>/").
  const referrer = esm.pathToFileURLString(`${process.cwd()}/`);
  specifiers.reduce((done, specifier) => done.then(() => esm.importModuleDynamically(specifier, referrer)), Promise.resolve())
    .then(main)
    .catch((err) => binding.runtime.triggerUncaughtException(err, true));
}

// --experimental-loader (--loader): each is module.register(specifier, <cwd>/), in order,
// with Node's warning that register() is the way now.
function registerLoaders() {
  const loaders = options.getOptionValue('--experimental-loader');
  if (loaders.length === 0) return;
  const example = loaders[0];
  process.emitWarning('`--experimental-loader` may be removed in the future; instead use `register()`:\n' +
    `--import 'data:text/javascript,import { register } from "node:module"; import { pathToFileURL } from "node:url"; register(${JSON.stringify(example)}, pathToFileURL("./"));'`,
  'ExperimentalWarning');
  const parentURL = esm.pathToFileURLString(`${process.cwd()}/`);
  for (const specifier of loaders) esm.registerHooks(specifier, parentURL, undefined);
}

// -e/-p code (and the REPL) sees the builtin modules as globals (`fs`, `vm`, ...), loaded on
// first use; a script piped on stdin does not, as in Node. `crypto` is the module there, as in
// Node (it has webcrypto's members too).
function addBuiltinGlobals() {
  for (const id of loader.Module.builtinModules) {
    if (id.startsWith('_') || id.includes('/') || (id in globalThis && id !== 'crypto')) continue;
    Object.defineProperty(globalThis, id, {
      configurable: true,
      enumerable: false,
      get() {
        const value = requireBuiltin(id);
        // User code may have made the accessor non-configurable; it then stays one.
        if (Object.getOwnPropertyDescriptor(globalThis, id)?.configurable) {
          Object.defineProperty(globalThis, id, { value, writable: true, configurable: true, enumerable: false });
        }
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, id, { value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
}

/**
 * `-c`/`--check`: compile without running (as a module when that is what would run); a syntax
 * error is thrown, and reported as an uncaught exception.
 */
function checkSyntax(source, filename, isModule) {
  if (isModule) {
    const url = filename.startsWith('/') ? esm.pathToFileURLString(filename) : filename;
    binding.runtime.compileModule(source, url);
    return;
  }
  const body = source.startsWith('#!') ? source.replace(/^#!.*/, '') : source;
  binding.runtime.compileFunction(body, filename,
    ['exports', 'require', 'module', '__filename', '__dirname']);
}

function evalMain(source, print, name) {
  if (name === '[stdin]' && options.getOptionValue('--check')) {
    checkSyntax(source, name, inputTypeIsModule());
    return;
  }
  // The code being run, as Node keeps it (child_process.fork leaves it out of the child's
  // execArgv).
  if (name === '[eval]' || name === '[stdin]') {
    Object.defineProperty(process, '_eval', {
      __proto__: null, value: source, writable: false, enumerable: true, configurable: true,
    });
    if (print) process._print_eval = true;
  }
  perfUtils.mark('bootstrapComplete');
  if (name !== '[stdin]') addBuiltinGlobals();
  if (name === '[eval]' || name === '[stdin]' || name === '[repl]') startInspector();
  preload();
  try {
    afterImports(() => evalMainNow(source, print, name));
  } finally {
    perfUtils.mark('loopStart');
    requireBuiltin('internal/process/warning').startSyncTrace();
  }
}

function evalMainNow(source, print, name) {
  if (name === '[repl]') {
    startRepl(source, print);
    return;
  }
  if (name === '[test]') {
    requireBuiltin('internal/test_runner/cli').main();
    return;
  }
  if (name === '[watch]') {
    requireBuiltin('internal/main/watch_mode').run();
    return;
  }
  if (name === '[inspect]') {
    requireBuiltin('internal/debugger/inspect').start();
    return;
  }
  if (name === '[prof-process]') {
    requireBuiltin('internal/main/prof_process').run();
    return;
  }
  if (name === '[sea-config]') {
    requireBuiltin('internal/main/sea_config').run();
    return;
  }
  if ((name === '[eval]' || name === '[stdin]') && inputTypeIsModule()) {
    if (print) throw new codes.ERR_EVAL_ESM_CANNOT_PRINT();
    esm.evalModule(source, print);
    return;
  }
  const result = loader.evalScript(source, name);
  if (print) {
    globalThis.console.log(result);
  }
}

/**
 * `eddy` on a terminal, or with -i: Node's standalone REPL. Code given with -e/-p runs once
 * it has started, as `[eval]` (its `module` is the REPL's again afterwards, as in Node).
 */
function startRepl(source, print) {
  const { REPLServer, kStandaloneREPL } = requireBuiltin('internal/repl/server');
  requireBuiltin('internal/repl/history').startStandalone(
    (opts) => new REPLServer(opts), kStandaloneREPL);
  if (source === '') return;
  const replModule = globalThis.module;
  const result = loader.evalScript(source, '[eval]');
  if (print) globalThis.console.log(result);
  globalThis.module = replModule;
}

// --inspect and friends: the debugger's server starts (and --inspect-brk waits) before any
// user code, preloads included.
function startInspector() {
  if (process.execArgv.some((a) => a.startsWith('--inspect')) ||
      (process.env.NODE_OPTIONS || '').includes('--inspect')) {
    requireBuiltin('internal/inspector/server').startFromCommandLine();
  }
}

// `-r module`: required (relative to the cwd) before the main script or -e code.
function preload() {
  // The permission model's grants mean nothing without the model, as in Node.
  if (!options.getOptionValue('--experimental-permission')) {
    for (const grant of ['--allow-fs-read', '--allow-fs-write']) {
      if (options.getOptionValue(grant).length > 0) {
        throw new codes.ERR_MISSING_OPTION('--experimental-permission');
      }
    }
    for (const grant of ['--allow-addons', '--allow-child-process', '--allow-wasi', '--allow-worker']) {
      if (options.getOptionValue(grant)) throw new codes.ERR_MISSING_OPTION('--experimental-permission');
    }
  } else {
    requireBuiltin('internal/process/permission').setup(options.getOptionValue);
  }
  // Started by fork() (or with 'ipc' in its stdio): the channel to the parent comes first.
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    requireBuiltin('internal/child_process/ipc').setupChildChannel();
  }
  // Started by cluster.fork() to run a program: the worker side of node:cluster comes next
  // (not for -e code). The id is not passed on to this process's own children.
  if (Object.prototype.hasOwnProperty.call(process.env, 'NODE_UNIQUE_ID') && process.argv[1]) {
    requireBuiltin('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
  loadEnvFiles();
  if (options.getOptionValue('--trace-atomics-wait')) {
    requireBuiltin('internal/process/atomics_wait').install(0);
  }
  // --experimental-policy: the manifest is read and checked before any user code loads.
  if (options.getOptionValue('--experimental-policy')) {
    const policy = requireBuiltin('internal/policy/manifest');
    policy.setup();
    loader.setPolicy(policy);
    esm.setPolicy(policy);
  }
  // Tracing from the command line starts before any user code.
  if (process.execArgv.some((a) => a.startsWith('--trace-event'))) {
    requireBuiltin('internal/trace_events');
  }
  preloadRequires();
}

// --env-file=FILE (repeatable): a later file overrides an earlier one, the environment the
// process started with overrides both. A file that cannot be read ends the process before
// any user code runs, with Node's message and exit code 9.
function loadEnvFiles() {
  const fromFiles = { __proto__: null };
  for (const file of options.getOptionValue('--env-file')) {
    let text;
    try {
      text = binding.fs.readFileUtf8(requireBuiltin('path').resolve(file));
    } catch {
      native.writeSync(2, `eddy: ${file}: not found\n`);
      binding.runtime.exit(9);
      return;
    }
    Object.assign(fromFiles, requireBuiltin('util').parseEnv(text));
  }
  for (const key of Object.keys(fromFiles)) {
    if (process.env[key] === undefined) process.env[key] = fromFiles[key];
  }
}

// `-r`/`--require` modules from execArgv (a worker's own execArgv in a worker).
function preloadRequires() {
  const requests = options.getOptionValue('--require');
  if (requests.length > 0) loader.Module._preloadModules(requests);
  // --frozen-intrinsics: after the preloads (which may still change the intrinsics), before
  // the main code, as in Node.
  if (options.getOptionValue('--frozen-intrinsics')) {
    process.emitWarning('Frozen intristics is an experimental feature and might change at any time',
      'ExperimentalWarning');
    requireBuiltin('internal/freeze_intrinsics').freezeIntrinsics();
  }
}

// ===== startup snapshots (internal/v8/startup_snapshot; runtime/src/snapshot.rs) =====

function startupSnapshot() {
  return requireBuiltin('internal/v8/startup_snapshot');
}

/**
 * Started from a snapshot: what the bootstrap read from the process that built it (arguments,
 * options, environment, ids, clocks) is read again from this one.
 */
function refreshProcess() {
  const fresh = binding.config;
  defineValue('argv', fresh.argv.slice());
  defineValue('execArgv', fresh.execArgv.slice());
  options.setSources(fresh.execArgv, native.getEnv('NODE_OPTIONS'));
  delete process.noDeprecation;
  delete process.throwDeprecation;
  delete process.traceDeprecation;
  applyDeprecationOptions();
  if (options.getOptionValue('--trace-uncaught')) binding.runtime.setTraceUncaught();
  defineValue('execPath', fresh.execPath);
  defineValue('argv0', fresh.argv0 !== undefined ? fresh.argv0 : 'eddy');
  const flag = options.getOptionValue('--title');
  title = flag === undefined ? 'eddy' : flag;
  if (flag !== undefined) native.setTitle(title);
  defineValue('pid', native.pid());
  defineValue('ppid', native.ppid());
  defineValue('env', makeEnv());
  sourceMapsEnabled = options.getOptionValue('--enable-source-maps');
  debugPort = Number(options.getOptionValue('--inspect-port') ?? 9229) | 0;
  perfUtils.refresh();
  warnings.refresh();
}

/** Whether `id` (with or without `node:`) is a builtin user code may require. */
function isRequirableBuiltin(id) {
  return loader.Module.isBuiltin(id);
}

// ES module records cannot be carried into a startup snapshot: import() fails while one is
// built, as in Node.
function importWhileBuilding() {
  return Promise.reject(new TypeError('Not supported'));
}

const snapshotHooks = {
  // `--build-snapshot entry.js`: the entry runs once the bootstrap is done.
  buildSnapshot(entry) {
    perfUtils.mark('bootstrapComplete');
    try {
      startupSnapshot().runEntry(entry, requireBuiltin, isRequirableBuiltin);
    } finally {
      perfUtils.mark('loopStart');
    }
  },
  // The entry's loop is empty: serialize callbacks, then nothing may hold a native handle
  // (the standard streams are made again after deserialization).
  prepareSnapshot() {
    startupSnapshot().serialize();
    // V8 keeps a lazy property's loader in the isolate's part of the snapshot, which cannot
    // refer to the context's objects: loaded now, they are plain data properties.
    for (const name of lazyDataGlobals) void globalThis[name];
    if (stdio !== null) stdio.resetForSnapshot();
  },
  // First thing in the process started from the snapshot; whether a main function was set.
  deserialize() {
    module.exports.importModuleDynamically = esm.importModuleDynamically;
    refreshProcess();
    return startupSnapshot().deserialize();
  },
  runSnapshotMain(args) {
    defineValue('argv', [process.execPath, ...args]);
    perfUtils.mark('bootstrapComplete');
    preload();
    try {
      startupSnapshot().runMain();
    } finally {
      perfUtils.mark('loopStart');
    }
  },
};

module.exports = {
  ...snapshotHooks,
  runMain(path) {
    if (options.getOptionValue('--check')) {
      const file = loader.resolveMainPath(path) || requireBuiltin('path').resolve(path);
      let source = binding.fs.readFileUtf8(file);
      if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
      checkSyntax(source, file, esm.isESMEntry(file));
      return;
    }
    perfUtils.mark('bootstrapComplete');
    startInspector();
    preload();
    try {
      afterImports(() => {
        const run = () => {
          const found = loader.resolveMainPath(path);
          // With customization hooks, the entry is resolved and loaded through them.
          if (hooks.isActive()) esm.runMainWithHooks(found || path, () => loader.runMain(path));
          else if (found !== undefined && esm.isESMEntry(found)) esm.runMain(found);
          else loader.runMain(path);
        };
        if (!options.getOptionValue('--abort-on-uncaught-exception')) {
          run();
          return;
        }
        // V8 aborts on a throw that nothing catches; an exception of the main module must
        // still reach a capture callback (setUncaughtExceptionCaptureCallback), as in Node.
        // Without one it is rethrown, and V8 aborts as before.
        try {
          run();
        } catch (err) {
          if (uncaughtCaptureCallback === null) throw err;
          handleUncaught(err, 'uncaughtException', '');
        }
      });
    } finally {
      perfUtils.mark('loopStart');
      requireBuiltin('internal/process/warning').startSyncTrace();
    }
  },
  runWorker() {
    perfUtils.mark('bootstrapComplete');
    let failed = false;
    let error;
    try {
      requireBuiltin('internal/worker/thread').run({ loader, esm, makeEnv, preload: preloadRequires });
    } catch (err) {
      failed = true;
      error = err;
    }
    // Nothing runs after an uncaught error: it ends the worker (with its termination pending,
    // more JS would be an uncaught TerminationException under --abort-on-uncaught-exception).
    if (failed) handleUncaught(error, 'uncaughtException', '');
    else perfUtils.mark('loopStart');
  },
  importModuleDynamically: config.buildingSnapshot === true ? importWhileBuilding
    : esm.importModuleDynamically,
  initializeImportMeta: esm.initializeImportMeta,
  shadowRealmImportKey: esm.shadowRealmImportKey,
  evalMain,
  evaluate(source, name) {
    return loader.evalScript(source, name);
  },
  prepareStackTrace,
  processTicksAndRejections: taskQueues.processTicksAndRejections,
  promiseRejectHandler: taskQueues.promiseRejectHandler,
  handleUncaught,
  printFatal,
  onTimer: timers.onTimer,
  onImmediate: timers.onImmediate,
  emitBeforeExit() {
    process.emit('beforeExit', finalExitCode());
  },
  emitExit() {
    if (perfUtils.milestones.loopExit === -1) perfUtils.mark('loopExit');
    if (!process._exiting) {
      process._exiting = true;
      const code = finalExitCode();
      // The loop ran dry while the ES main module still awaited: Node sets exit code 13
      // before 'exit' is emitted (with the code as it was), so listeners see it; signal-exit
      // (execa, ...) copies that code back into process.exitCode.
      if (esm.isMainPending() && (process.exitCode === undefined || process.exitCode === null)) {
        process.exitCode = 13;
      }
      process.emit('exit', code);
    }
    napiCleanup();
    flushStdio();
    // Debuggers still attached are told, and keep the process until they leave.
    binding.inspector.waitForDisconnect();
    // The loop ran dry while the ES main module still awaited: Node exits with 13 (after
    // emitting 'exit' with the ordinary code) unless an exit code was set.
    if (esm.isMainPending() && (process.exitCode === undefined || process.exitCode === null)) {
      return 13;
    }
    return finalExitCode();
  },
};
