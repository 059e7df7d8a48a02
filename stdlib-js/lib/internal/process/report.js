'use strict';
// process.report: Node's diagnostic report, a JSON document about the process at one moment
// (header with versions, OS and CPUs; JavaScript stack and heap; native stack; resource usage;
// handles; environment; limits; shared objects), returned by getReport() or written by
// writeReport(), and written on an uncaught exception or a signal when asked
// (--report-uncaught-exception, --report-on-signal, ... or the object's properties).

const { codes } = require('internal/errors');
const { getOptionValue } = require('internal/options');

const native = binding.process;

// Settings: from the command line, then changed through process.report's setters.
const settings = {
  directory: getOptionValue('--report-dir') || getOptionValue('--report-directory') || '',
  filename: getOptionValue('--report-filename') || '',
  compact: getOptionValue('--report-compact') === true,
  excludeNetwork: getOptionValue('--report-exclude-network') === true,
  signal: getOptionValue('--report-signal') || 'SIGUSR2',
  reportOnFatalError: getOptionValue('--report-on-fatalerror') === true,
  reportOnSignal: getOptionValue('--report-on-signal') === true,
  reportOnUncaughtException: getOptionValue('--report-uncaught-exception') === true,
};

function readText(path) {
  try {
    return require('fs').readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

function glibcVersion() {
  // The C library's own name for its version, in the path the loader mapped.
  const maps = readText('/proc/self/maps');
  const m = /libc(?:-(\d+\.\d+))?\.so/.exec(maps);
  if (m && m[1]) return m[1];
  try {
    const out = require('child_process').execFileSync('getconf', ['GNU_LIBC_VERSION'],
      { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] });
    const v = /glibc (\S+)/.exec(out);
    if (v) return v[1];
  } catch {
    // not glibc, or no getconf
  }
  return undefined;
}

function header(event, trigger, filename, now) {
  const os = require('os');
  const offsetless = new Date(now.getTime() - now.getTimezoneOffset() * 60000)
    .toISOString().replace(/\.\d+Z$/, 'Z');
  const out = {
    reportVersion: 3,
    event,
    trigger,
    filename,
    dumpEventTime: offsetless,
    dumpEventTimeStamp: `${now.getTime()}`,
    processId: process.pid,
    threadId: require('internal/worker/state').threadId,
    cwd: process.cwd(),
    commandLine: [process.argv0, ...process.execArgv, ...process.argv.slice(1)],
    nodejsVersion: process.version,
  };
  const glibc = glibcVersion();
  if (glibc !== undefined) {
    out.glibcVersionRuntime = glibc;
    out.glibcVersionCompiler = glibc;
  }
  Object.assign(out, {
    wordSize: 64,
    arch: process.arch,
    platform: process.platform,
    componentVersions: { ...process.versions },
    release: { ...process.release },
    osName: os.type(),
    osRelease: os.release(),
    osVersion: os.version(),
    osMachine: os.machine(),
    cpus: os.cpus().map((cpu) => ({ model: cpu.model, speed: cpu.speed, ...cpu.times })),
  });
  if (!settings.excludeNetwork) {
    out.networkInterfaces = [];
    for (const [name, list] of Object.entries(os.networkInterfaces())) {
      for (const i of list) {
        out.networkInterfaces.push({ name, internal: i.internal, mac: i.mac, address: i.address,
          netmask: i.netmask, family: i.family, ...(i.scopeid !== undefined ? { scopeid: i.scopeid } : {}) });
      }
    }
  }
  out.host = os.hostname();
  return out;
}

function javascriptStack(error) {
  if (error === undefined) {
    error = new Error('JavaScript Callstack');
    error.name = 'Error [ERR_SYNTHETIC]';
  }
  const stack = typeof error.stack === 'string' ? error.stack.split('\n') : [];
  const message = stack.length > 0 ? stack[0] : `${error}`;
  const errorProperties = {};
  for (const key of Object.keys(error)) {
    if (key === 'stack' || key === 'message') continue;
    try {
      errorProperties[key] = `${error[key]}`;
    } catch {
      // a throwing getter is left out
    }
  }
  return {
    message,
    stack: stack.slice(1).map((line) => line.trim()).filter((line) => line.startsWith('at ')),
    errorProperties,
  };
}

function javascriptHeap() {
  const v8 = require('v8');
  const h = v8.getHeapStatistics();
  const heapSpaces = {};
  for (const s of v8.getHeapSpaceStatistics()) {
    heapSpaces[s.space_name] = {
      memorySize: s.space_size,
      committedMemory: s.physical_space_size,
      capacity: s.space_used_size + s.space_available_size,
      used: s.space_used_size,
      available: s.space_available_size,
    };
  }
  return {
    totalMemory: h.total_heap_size,
    executableMemory: h.total_heap_size_executable,
    totalCommittedMemory: h.total_physical_size,
    availableMemory: h.total_available_size,
    totalGlobalHandlesMemory: h.total_global_handles_size,
    usedGlobalHandlesMemory: h.used_global_handles_size,
    usedMemory: h.used_heap_size,
    memoryLimit: h.heap_size_limit,
    mallocedMemory: h.malloced_memory,
    externalMemory: h.external_memory,
    peakMallocedMemory: h.peak_malloced_memory,
    nativeContextCount: h.number_of_native_contexts,
    detachedContextCount: h.number_of_detached_contexts,
    doesZapGarbage: h.does_zap_garbage,
    heapSpaces,
  };
}

function nativeStack() {
  const flat = native.nativeStack();
  const out = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ pc: flat[i], symbol: flat[i + 1] });
  return out;
}

function cpuFigures(userMicros, systemMicros, uptimeSeconds) {
  const user = userMicros / 1e6;
  const kernel = systemMicros / 1e6;
  const percent = (x) => (uptimeSeconds > 0 ? (x / uptimeSeconds) * 100 : 0);
  return {
    userCpuSeconds: user,
    kernelCpuSeconds: kernel,
    cpuConsumptionPercent: percent(user + kernel),
    userCpuConsumptionPercent: percent(user),
    kernelCpuConsumptionPercent: percent(kernel),
  };
}

function resourceUsage() {
  const os = require('os');
  const r = process.resourceUsage();
  const mem = process.memoryUsage();
  const constrained = process.constrainedMemory ? process.constrainedMemory() : 0;
  return {
    free_memory: os.freemem(),
    total_memory: os.totalmem(),
    rss: mem.rss,
    constrained_memory: constrained,
    available_memory: process.availableMemory ? process.availableMemory() : os.freemem(),
    ...cpuFigures(r.userCPUTime, r.systemCPUTime, process.uptime()),
    maxRss: r.maxRSS * 1024,
    pageFaults: { IORequired: r.majorPageFault, IONotRequired: r.minorPageFault },
    fsActivity: { reads: r.fsRead, writes: r.fsWrite },
  };
}

function threadResourceUsage() {
  const v = native.resourceUsage(true);
  return {
    ...cpuFigures(v[0], v[1], process.uptime()),
    fsActivity: { reads: v[9], writes: v[10] },
  };
}

// Node's names for the handle types process._getActiveHandles() lists, as libuv's.
const handleTypes = {
  __proto__: null,
  TCPSocketWrap: 'tcp', TCPServerWrap: 'tcp', TCPWRAP: 'tcp', PipeWrap: 'pipe',
  PipeServerWrap: 'pipe', TTYWrap: 'tty', UDPWrap: 'udp', ProcessWrap: 'process',
  FSEventWrap: 'fs_event', StatWatcher: 'fs_poll', Timeout: 'timer', Immediate: 'check',
  SignalWrap: 'signal',
};

function libuvHandles() {
  const out = [];
  let info;
  try {
    info = process.getActiveResourcesInfo();
  } catch {
    return out;
  }
  for (const name of info) {
    const type = handleTypes[name];
    if (type === undefined) continue;
    out.push({ type, is_active: true, is_referenced: true });
  }
  return out;
}

function userLimits() {
  const names = ['core_file_size_blocks', 'data_seg_size_kbytes', 'file_size_blocks',
    'max_locked_memory_bytes', 'max_memory_size_kbytes', 'open_files', 'stack_size_bytes',
    'cpu_time_seconds', 'max_user_processes', 'virtual_memory_kbytes'];
  const flat = native.rlimits();
  const out = {};
  const shown = (v) => (v < 0 ? 'unlimited' : v);
  names.forEach((name, i) => {
    out[name] = { soft: shown(flat[2 * i]), hard: shown(flat[2 * i + 1]) };
  });
  return out;
}

function sharedObjects() {
  const seen = new Set();
  for (const line of readText('/proc/self/maps').split('\n')) {
    const path = line.split(/\s+/)[5];
    if (path && (/\.so(\.|$)/.test(path) || path === process.execPath)) seen.add(path);
  }
  return [...seen];
}

function build(event, trigger, filename, error) {
  const now = new Date();
  return {
    header: header(event, trigger, filename, now),
    javascriptStack: javascriptStack(error),
    javascriptHeap: javascriptHeap(),
    nativeStack: nativeStack(),
    resourceUsage: resourceUsage(),
    uvthreadResourceUsage: threadResourceUsage(),
    libuv: libuvHandles(),
    workers: [],
    environmentVariables: { ...process.env },
    userLimits: userLimits(),
    sharedObjects: sharedObjects(),
  };
}

function stringify(report) {
  return settings.compact ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes a report to `file` (a name, 'stdout' or 'stderr'); returns the name written to. */
function write(event, trigger, file, error) {
  const name = file || settings.filename ||
    require('internal/util/diagnostic_filename').next('report', 'json');
  const toStream = name === 'stdout' || name === 'stderr';
  const report = build(event, trigger, toStream ? null : name, error);
  const fs = require('fs');
  native.writeSync(2, toStream ? '\n' : `\nWriting Node.js report to file: ${name}\n`);
  try {
    if (toStream) {
      native.writeSync(name === 'stdout' ? 1 : 2, stringify(report));
    } else {
      const path = require('path');
      const dir = settings.directory || process.cwd();
      fs.writeFileSync(path.resolve(dir, name), stringify(report));
    }
  } catch (err) {
    native.writeSync(2, `\nFailed to open Node.js report file: ${name} (errno: ${-(err.errno || 0)})\n`);
    return name;
  }
  native.writeSync(2, 'Node.js report completed\n');
  return name;
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}

let signalHandler = null;

function updateSignal() {
  if (signalHandler !== null) {
    process.removeListener(signalHandler.signal, signalHandler.fn);
    signalHandler = null;
  }
  if (!settings.reportOnSignal) return;
  const fn = () => write('Signal', settings.signal, undefined, undefined);
  signalHandler = { signal: settings.signal, fn };
  process.on(settings.signal, fn);
}

const report = {
  writeReport(file, err) {
    if (typeof file === 'object' && file !== null) {
      err = file;
      file = undefined;
    } else if (file !== undefined) {
      validateString(file, 'file');
    }
    if (err === undefined) {
      err = new Error('JavaScript Callstack');
      err.name = 'Error [ERR_SYNTHETIC]';
      Error.captureStackTrace(err, report.writeReport);
    } else if (err === null || typeof err !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('err', 'Object', err);
    }
    return write('JavaScript API', 'API', file, err);
  },
  getReport(err) {
    if (err === undefined) {
      err = new Error('JavaScript Callstack');
      err.name = 'Error [ERR_SYNTHETIC]';
      Error.captureStackTrace(err, report.getReport);
    } else if (err === null || typeof err !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('err', 'Object', err);
    }
    return JSON.parse(JSON.stringify(build('JavaScript API', 'GetReport', null, err)));
  },
  get directory() { return settings.directory; },
  set directory(dir) { validateString(dir, 'directory'); settings.directory = dir; },
  get filename() { return settings.filename; },
  set filename(name) { validateString(name, 'filename'); settings.filename = name; },
  get compact() { return settings.compact; },
  set compact(b) { validateBoolean(b, 'compact'); settings.compact = b; },
  get excludeNetwork() { return settings.excludeNetwork; },
  set excludeNetwork(b) { validateBoolean(b, 'excludeNetwork'); settings.excludeNetwork = b; },
  get signal() { return settings.signal; },
  set signal(sig) {
    validateString(sig, 'signal');
    const { signals } = require('os').constants;
    if (!Object.hasOwn(signals, sig)) throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    settings.signal = sig;
    updateSignal();
  },
  get reportOnFatalError() { return settings.reportOnFatalError; },
  set reportOnFatalError(b) { validateBoolean(b, 'trigger'); settings.reportOnFatalError = b; },
  get reportOnSignal() { return settings.reportOnSignal; },
  set reportOnSignal(b) { validateBoolean(b, 'trigger'); settings.reportOnSignal = b; updateSignal(); },
  get reportOnUncaughtException() { return settings.reportOnUncaughtException; },
  set reportOnUncaughtException(b) {
    validateBoolean(b, 'trigger');
    settings.reportOnUncaughtException = b;
  },
};

/** For the uncaught-exception path: writes a report when that was asked for. */
function onUncaughtException(error) {
  if (!settings.reportOnUncaughtException) return;
  write('Exception', 'Exception', undefined,
    error !== null && typeof error === 'object' ? error : new Error(`${error}`));
}

/** Whether anything at startup asks for the report machinery (signal handler). */
function setupFromOptions() {
  if (settings.reportOnSignal) updateSignal();
}

module.exports = { onUncaughtException, report, setupFromOptions, settings };
