'use strict';
// Trace events, as Node writes them: Chrome's trace-event JSON ({"traceEvents": [...]}) in
// node_trace.${rotation}.log (--trace-event-file-pattern, with ${pid} and ${rotation}), for
// the categories given with --trace-event-categories (--trace-events-enabled alone means
// 'v8,node,node.async_hooks') and those node:trace_events' createTracing() enables.
//
// Only what Eddy itself observes is recorded: node.async_hooks (its async_hooks resources),
// node.bootstrap (its startup milestones), node.console (console.count/time), node.fs.sync
// and node.fs.async (every fs operation that reaches the native side, by that operation's
// name: libuv's for the asynchronous ones, as Node's), node.fs_dir.async (fs.opendir), node.vm.script (vm.Script's compile
// and runs), node.net.native (each connect, to its status), node.http (each request, client
// and server, to its response),
// node.promises.rejections (V8's rejection callbacks), and of V8's own `v8` category its
// garbage collections (V8.GCScavenger, V8.GCCompactor, ... as complete events, timed by V8's
// GC callbacks), and node.threadpoolwork (zlib's and crypto's jobs on the worker pool, timed
// by the runtime); V8's other trace points are not reachable.
// Events are kept in memory and the file is written when the process exits (the bootstrap
// calls writeAtExit after the 'exit' listeners).

// The categories tracing on: what each switch checks before it records anything (kept in
// internal/trace_events_state, so that checking one does not load this module).
const { state } = require('internal/trace_events_state');

const execArgv = process.execArgv;
// A worker traces the command line's categories too (node:trace_events' createTracing is
// unavailable there, as in Node), under its own OS thread id; at its exit it hands its events
// to the main thread, which alone writes the file.
const isMainThread = binding.config.threadId === 0;

function lastOptionValue(name) {
  let value;
  for (let i = 0; i < execArgv.length; i++) {
    if (execArgv[i] === name && i + 1 < execArgv.length) value = execArgv[++i];
    else if (execArgv[i].startsWith(`${name}=`)) value = execArgv[i].slice(name.length + 1);
  }
  return value;
}

const cliText = lastOptionValue('--trace-event-categories') ??
  (execArgv.includes('--trace-events-enabled') ? 'v8,node,node.async_hooks' : undefined);
const cliCategories = cliText === undefined ? [] : cliText.split(',').filter((c) => c !== '');
// Tracing objects enabled by createTracing(), in the order they were enabled.
const enabledTracings = new Set();

// The file is decided once, from the directory the process started in.
const pattern = lastOptionValue('--trace-event-file-pattern') ?? 'node_trace.${rotation}.log';
// (A removed working directory leaves it to the one current when the file is written.)
let startDir;
try {
  startDir = process.cwd();
} catch {
  startDir = undefined;
}
let started = cliText !== undefined;
// The thread's id in the events: the process id for the main thread (as Node), the OS
// thread's for a worker.
const eventTid = isMainThread ? process.pid : osThreadId();

function osThreadId() {
  try {
    // "<pid>/task/<tid>"
    const link = require('fs').readlinkSync('/proc/thread-self');
    const tid = Number(link.slice(link.lastIndexOf('/') + 1));
    if (Number.isInteger(tid) && tid > 0) return tid;
  } catch {
    // No /proc: the worker's events carry the process id and its thread number.
  }
  return process.pid + binding.config.threadId;
}
const events = [];
// Titles the process had while tracing (each is a process_name record).
const titles = [];
// Worker threads seen: [tid, name].
const workerThreads = [];

function enabledList() {
  const list = [...cliCategories];
  for (const tracing of enabledTracings) {
    for (const c of tracing.categoryList) if (!list.includes(c)) list.push(c);
  }
  return list;
}

/** Whether an event of `category` ("node,node.fs,node.fs.sync") would be recorded. */
function isCategoryEnabled(category) {
  const list = enabledList();
  return category.split(',').some((c) => list.includes(c));
}

/** Every category on, sorted (a set, as Node keeps them), or undefined when none is. */
function getEnabledCategories() {
  const list = [...new Set(enabledList())].sort();
  return list.length === 0 ? undefined : list.join(',');
}

function microseconds() {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Records one event of `category` (its comma list, as Node's: "node,node.console"); `extra`
 * holds the phase's own fields (id, dur).
 */
function record(phase, category, name, args = {}, extra = undefined, ts = microseconds()) {
  const event = { pid: process.pid, tid: eventTid, ts, ph: phase, cat: category, name };
  if (extra !== undefined) Object.assign(event, extra);
  event.args = args;
  events.push(event);
}

// ----- the categories -----

let asyncHook;
const asyncTypes = new Map();

function traceAsyncHooks(on) {
  if (on === (asyncHook !== undefined && asyncHook.enabled)) return;
  if (asyncHook === undefined) {
    const { createHook, executionAsyncId } = require('async_hooks');
    const cat = 'node,node.async_hooks';
    const id = (asyncId) => ({ id: `0x${asyncId.toString(16)}` });
    const hook = createHook({
      init(asyncId, type, triggerAsyncId) {
        asyncTypes.set(asyncId, type);
        record('b', cat, type,
          { data: { triggerAsyncId, executionAsyncId: executionAsyncId() } }, id(asyncId));
      },
      before(asyncId) {
        const type = asyncTypes.get(asyncId);
        if (type !== undefined) record('b', cat, `${type}_CALLBACK`, {}, id(asyncId));
      },
      after(asyncId) {
        const type = asyncTypes.get(asyncId);
        if (type !== undefined) record('e', cat, `${type}_CALLBACK`, {}, id(asyncId));
      },
      destroy(asyncId) {
        const type = asyncTypes.get(asyncId);
        if (type === undefined) return;
        asyncTypes.delete(asyncId);
        record('e', cat, type, {}, id(asyncId));
      },
      promiseResolve() {},
    });
    asyncHook = { hook, enabled: false };
  }
  asyncHook.enabled = on;
  if (on) asyncHook.hook.enable();
  else asyncHook.hook.disable();
}

let fsWrapped = false;

/** Every synchronous fs operation that goes to the native side: B and E events named after it. */
function wrapFsOps() {
  if (fsWrapped) return;
  fsWrapped = true;
  const native = binding.fs;
  const op = native.op;
  const cat = 'node,node.fs,node.fs.sync';
  // node:fs reads and writes whole files one operation at a time while this is set.
  Object.defineProperty(native, 'traced', {
    get: () => state.fsSync || state.fsAsync, configurable: true,
  });
  const opAsync = native.opAsync;
  native.opAsync = function tracedOpAsync(name, ...args) {
    if (!state.fsAsync || typeof args[args.length - 1] !== 'function') {
      return Reflect.apply(opAsync, this, [name, ...args]);
    }
    const eventName = asyncOpNames[name] ?? `${name}`.toLowerCase();
    return Reflect.apply(opAsync, this, [name, ...traceAsyncCall(eventName, args)]);
  };
  // fs.stat's own native (the common call, without the generic operation's arguments).
  const stat = native.stat;
  native.stat = function tracedStatAsync(...args) {
    if (!state.fsAsync || typeof args[args.length - 1] !== 'function') {
      return Reflect.apply(stat, this, args);
    }
    return Reflect.apply(stat, this, traceAsyncCall('stat', args));
  };
  const statSync = native.statSync;
  native.statSync = function tracedStat(...args) {
    // fs.statSync's own call passes the array the fields go to; Eddy's internal stats (of
    // stdio, say) pass none and are not fs calls, as in Node.
    if (!state.fsSync || args.length < 2) return Reflect.apply(statSync, this, args);
    record('B', cat, 'fs.sync.stat');
    try {
      return Reflect.apply(statSync, this, args);
    } finally {
      record('E', cat, 'fs.sync.stat');
    }
  };
  native.op = function tracedOp(name, ...args) {
    if (!state.fsSync) return Reflect.apply(op, this, [name, ...args]);
    // writeString is a write of text (the binding encodes it).
    const eventName = `fs.sync.${name === 'writeString' ? 'write' : `${name}`.toLowerCase()}`;
    record('B', cat, eventName);
    let result;
    try {
      result = Reflect.apply(op, this, [name, ...args]);
      return result;
    } finally {
      const done = {};
      if (name === 'read' && typeof result === 'number') done.bytesRead = result;
      // As Node: a buffer's write reports its count, a string's does not.
      if (name === 'write' && typeof result === 'number') done.bytesWritten = result;
      record('E', cat, eventName, done);
    }
  };
}

const asyncCat = 'node,node.fs,node.fs.async';
// Node names asynchronous operations as libuv does.
const asyncOpNames = {
  __proto__: null,
  readdir: 'scandir',
  utimes: 'utime',
  futimes: 'futime',
  lutimes: 'lutime',
  writeString: 'write',
  copyFile: 'copyfile',
  readv: 'read',
  writev: 'write',
  statBigInt: 'stat',
  lstatBigInt: 'lstat',
  fstatBigInt: 'fstat',
};
let lastAsyncOpId = 0;

/** An asynchronous operation's arguments with its callback wrapped: a b event now, e when done. */
function traceAsyncCall(eventName, args) {
  const callback = args.pop();
  const id = { id: `0x${(++lastAsyncOpId).toString(16)}` };
  record('b', asyncCat, eventName, typeof args[0] === 'string' ? { path: args[0] } : {}, id);
  args.push(function traced(err, value, ...rest) {
    // libuv's result: a negative errno, a count, a descriptor, or 0.
    let result = 0;
    if (err) result = typeof err.errno === 'number' ? err.errno : -1;
    else if (typeof value === 'number') result = value;
    else if (Array.isArray(value)) result = value.length;
    record('e', asyncCat, eventName, { result }, id);
    return Reflect.apply(callback, this, [err, value, ...rest]);
  });
  return args;
}

/**
 * node.fs_dir.async: a directory operation (fs.opendir's opening) from its call to its
 * callback; returns the callback to pass on in place of `callback`.
 */
function traceFsDirAsync(name, path, callback) {
  const cat = 'node,node.fs_dir,node.fs_dir.async';
  const id = { id: `0x${(++lastAsyncOpId).toString(16)}` };
  record('b', cat, name, typeof path === 'string' ? { path } : {}, id);
  return function traced(err, ...rest) {
    const result = err ? (typeof err.errno === 'number' ? err.errno : -1) : 0;
    record('e', cat, name, { result }, id);
    return Reflect.apply(callback, this, [err, ...rest]);
  };
}

// node.http's requests, client and server, numbered together (as Node's).
let lastHttpId = 0;

/** A b event of node.http; returns its id, for traceEnd. */
function traceBegin(name) {
  const id = { id: `0x${(++lastHttpId).toString(16)}` };
  record('b', 'node,node.http', name, {}, id);
  return id;
}

function traceEnd(name, id, args) {
  record('e', 'node,node.http', name, args, id);
}

const rejections = { unhandled: 0, handledAfter: 0 };

/** From V8's promise rejection callback: Node's 'rejections' counter. */
function onRejection(unhandled) {
  if (unhandled) rejections.unhandled++;
  else rejections.handledAfter++;
  record('C', 'node,node.promises,node.promises.rejections', 'rejections', { ...rejections });
}

const consoleCat = 'node,node.console';
function consoleCount(label, count) {
  record('C', consoleCat, `count::${label}`, { data: count }, { id: '0x0' });
}
function consoleTime(phase, label) {
  record(phase, consoleCat, `time::${label}`, {}, { id: '0x0' });
}

/** After the set of enabled categories changed: each switch follows it. */
function update() {
  const list = isMainThread ? enabledList() : [...cliCategories];
  const on = (...names) => names.some((n) => list.includes(n));
  if (list.length > 0 && isMainThread) started = true;
  state.bootstrap = on('node', 'node.bootstrap');
  state.console = on('node', 'node.console');
  state.fsSync = on('node', 'node.fs', 'node.fs.sync');
  state.fsAsync = on('node', 'node.fs', 'node.fs.async');
  state.fsDirAsync = on('node', 'node.fs_dir', 'node.fs_dir.async');
  state.threadpoolSync = on('node', 'node.threadpoolwork', 'node.threadpoolwork.sync');
  state.threadpoolAsync = on('node', 'node.threadpoolwork', 'node.threadpoolwork.async');
  binding.runtime.poolTrace(state.threadpoolSync || state.threadpoolAsync);
  if (on('v8') !== state.v8) {
    state.v8 = on('v8');
    binding.runtime.gcTrace(state.v8);
  }
  state.rejections = on('node', 'node.promises', 'node.promises.rejections');
  state.vmScript = on('node', 'node.vm', 'node.vm.script');
  state.netNative = on('node', 'node.net', 'node.net.native');
  state.http = on('node', 'node.http');
  const asyncOn = on('node', 'node.async_hooks');
  state.asyncHooks = asyncOn;
  traceAsyncHooks(asyncOn);
  if (state.fsSync || state.fsAsync) wrapFsOps();
  if (started && titles.length === 0) watchTitle();
}

function watchTitle() {
  titles.push(process.title);
  const desc = Object.getOwnPropertyDescriptor(process, 'title');
  if (desc === undefined || !desc.configurable) return;
  // An accessor (as Node's process.title is), so a new title is seen when it is set.
  let value = desc.value;
  const get = desc.get ?? (() => value);
  const set = desc.set ?? ((v) => { value = `${v}`; });
  Object.defineProperty(process, 'title', {
    configurable: true,
    enumerable: desc.enumerable,
    get,
    set(v) {
      set.call(this, v);
      const now = get.call(this);
      if (titles[titles.length - 1] !== now) titles.push(now);
    },
  });
}

/** A worker's events, handed over as it exits. */
function addWorkerEvents(list, tid, threadId) {
  if (!started) return;
  if (Array.isArray(list)) events.push(...list);
  // The thread's name, if its OS thread was not found when it started.
  const label = unnamedWorkers.get(threadId);
  if (label !== undefined && Number.isInteger(tid)) {
    unnamedWorkers.delete(threadId);
    workerThreads.push([tid, label]);
  }
}

// Workers whose OS thread had not taken its name yet when they started: threadId -> label.
const unnamedWorkers = new Map();

/** A worker thread started while tracing: its OS thread, found by the name Eddy gives it. */
function noteWorker(threadId, name) {
  if (!started) return;
  const label = name ? `[worker ${threadId}] ${name}` : `[worker ${threadId}]`;
  const fs = require('fs');
  let tasks;
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    tasks = [];
  }
  for (const tid of tasks) {
    let comm;
    try {
      comm = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'latin1').trim();
    } catch {
      continue;
    }
    if (comm === `eddy-worker-${threadId}`) {
      workerThreads.push([Number(tid), label]);
      return;
    }
  }
  // The new thread names itself as it starts: its events bring its id when it exits.
  unnamedWorkers.set(threadId, label);
}

// ----- the file -----

function metadata(tid, name, args) {
  return { pid: process.pid, tid, ts: 0, ph: 'M', cat: '__metadata', name, args };
}

/** The __metadata records: the process and its threads (as the system names them now). */
function metadataEvents() {
  const out = [];
  for (const title of titles) out.push(metadata(process.pid, 'process_name', { name: title }));
  const version = process.version.slice(1);
  out.push(metadata(process.pid, 'version', { node: version }));
  out.push(metadata(process.pid, 'thread_name', { name: 'JavaScriptMainThread' }));
  const { versions, arch, platform, release } = process;
  out.push(metadata(process.pid, 'node', {
    process: { versions: { ...versions }, arch, platform, release: { ...release } },
  }));
  const fs = require('fs');
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const comm = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'latin1').trim();
      // V8's platform threads ("V8 DefaultWorker", cut to 15 bytes by the kernel).
      if (comm.startsWith('V8 DefaultWorke')) {
        out.push(metadata(Number(tid), 'thread_name', { name: 'PlatformWorkerThread' }));
      }
    }
  } catch {
    // No /proc: the threads go unnamed.
  }
  for (const [tid, name] of workerThreads) out.push(metadata(tid, 'thread_name', { name }));
  return out;
}

function milestoneEvents() {
  const { milestones, originNs } = require('internal/perf/utils');
  const out = [];
  const base = Number(originNs / 1000n);
  for (const name of ['environment', 'nodeStart', 'v8Start', 'bootstrapComplete', 'loopStart',
    'loopExit']) {
    const ms = milestones[name];
    if (typeof ms !== 'number' || ms < 0) continue;
    out.push({ pid: process.pid, tid: process.pid, ts: base + Math.round(ms * 1000), ph: 'I',
      cat: 'node,node.bootstrap', name, args: {} });
  }
  return out;
}

function fileName() {
  const name = pattern.replace(/\$\{pid\}/g, `${process.pid}`).replace(/\$\{rotation\}/g, '1');
  return startDir === undefined ? require('path').resolve(name) : require('path').resolve(startDir, name);
}

// V8's GC types (bits of v8::GCType) and the names V8 gives their trace events.
const kGcEventNames = [
  [1, 'V8.GCScavenger'],
  [2, 'V8.GCMinorMS'],
  [4, 'V8.GCCompactor'],
  [8, 'V8.GCIncrementalMarking'],
  [16, 'V8.GCPhantomHandleProcessingCallback'],
];

/**
 * The thread-pool jobs (zlib, crypto) the runtime noted while node.threadpoolwork was on: an
 * async b/e pair on this thread from submission to completion, and B/E on the pool thread
 * around the work, as Node's.
 */
function poolEvents() {
  const flat = binding.runtime.poolTraceTake();
  const out = [];
  for (let i = 0; i + 4 < flat.length; i += 5) {
    const [name, ph, ts, tid, id] = flat.slice(i, i + 5);
    const sync = ph === 'B' || ph === 'E';
    if (sync ? !state.threadpoolSync : !state.threadpoolAsync) continue;
    const cat = `node,node.threadpoolwork,node.threadpoolwork.${sync ? 'sync' : 'async'}`;
    const event = { pid: process.pid, tid: sync ? tid : eventTid, ts, ph, cat, name };
    if (!sync) event.id = `0x${id.toString(16)}`;
    event.args = {};
    out.push(event);
  }
  return out;
}

/** The collections the runtime timed while `v8` was on, as complete (X) events. */
function gcEvents() {
  const flat = binding.runtime.gcTraceTake();
  const out = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const entry = kGcEventNames.find(([bit]) => (flat[i] & bit) !== 0);
    if (entry === undefined) continue;
    out.push({ pid: process.pid, tid: eventTid, ts: flat[i + 1], ph: 'X', cat: 'v8',
      name: entry[1], dur: flat[i + 2] - flat[i + 1], args: {} });
  }
  return out;
}

let written = false;

/** Writes the trace file once, as the process exits (when tracing was ever on). */
function writeAtExit() {
  if (!started || written) return;
  written = true;
  events.push(...gcEvents(), ...poolEvents());
  if (!isMainThread) {
    require('internal/worker/thread').postToParent({
      type: 'traceEvents', events, tid: eventTid, threadId: binding.config.threadId,
    });
    return;
  }
  if (state.bootstrap) events.push(...milestoneEvents());
  const all = [...events, ...metadataEvents()];
  try {
    require('fs').writeFileSync(fileName(), JSON.stringify({ traceEvents: all }));
  } catch {
    // As Node: a trace file that cannot be written does not change how the process ends.
  }
}

// ----- node:trace_events -----

class Tracing {
  #categories;
  #enabled = false;

  constructor(categories) {
    this.#categories = categories;
  }

  get categoryList() { return this.#categories; }

  enable() {
    if (this.#enabled) return;
    this.#enabled = true;
    enabledTracings.add(this);
    update();
  }

  disable() {
    if (!this.#enabled) return;
    this.#enabled = false;
    enabledTracings.delete(this);
    update();
  }

  get enabled() { return this.#enabled; }

  get categories() { return this.#categories.join(','); }

  [require('internal/util/inspect').inspect.custom](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = { enabled: this.enabled, categories: this.categories };
    return `Tracing ${inspect(obj, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function createTracing(options) {
  const { codes } = require('internal/errors');
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { categories } = options;
  if (!Array.isArray(categories)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.categories', 'Array', categories);
  }
  if (categories.length <= 0) throw new codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  return new Tracing(categories.map((c) => `${c}`));
}

update();

module.exports = {
  state,
  record,
  isCategoryEnabled,
  getEnabledCategories,
  createTracing,
  onRejection,
  consoleCount,
  consoleTime,
  noteWorker,
  addWorkerEvents,
  traceBegin,
  traceEnd,
  traceFsDirAsync,
  writeAtExit,
};
