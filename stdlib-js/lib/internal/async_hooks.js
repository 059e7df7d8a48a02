'use strict';
// Async ids and the hooks of async_hooks.createHook() for the resources Eddy creates in JS:
// timers (Timeout, Immediate), process.nextTick (TickObject), MessagePorts and AsyncResources.
// The execution id stack is kept at all times (executionAsyncId() works without hooks); the
// hook callbacks are only looked at while a hook is enabled. Promises are not tracked: that
// needs V8's promise hooks: they are installed when the runtime offers
// binding.runtime.setPromiseHooks(init, before, after, resolve) (V8's Context::SetPromiseHooks).

// The active hooks: records with the callbacks of each enabled AsyncHook.
const active = [];
const counts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };

let lastId = 1;  // 1 is the main script's execution
let currentId = 1;
let currentTrigger = 0;
let currentResource;
// Saved id, trigger and resource (flat triples) of the executions below the current one, in
// `stack[0 .. depth)`. Written by index and never shrunk: every callback enters and leaves an
// execution, and Array push/pop on this hot path cost a builtin call each.
const stack = [];
let depth = 0;

function newAsyncId() {
  return ++lastId;
}

function executionAsyncId() {
  return currentId;
}

function triggerAsyncId() {
  return currentTrigger;
}

// The resource of the current execution; for the main script, one object kept for its lifetime.
const topLevelResource = {};
function executionAsyncResource() {
  return currentResource === undefined ? topLevelResource : currentResource;
}

function hasHooks(name) {
  return counts[name] > 0;
}

function enable(record) {
  if (active.includes(record)) return;
  active.push(record);
  for (const name of Object.keys(counts)) if (typeof record[name] === 'function') counts[name]++;
  updatePromiseHooks();
}

function disable(record) {
  const index = active.indexOf(record);
  if (index === -1) return;
  active.splice(index, 1);
  for (const name of Object.keys(counts)) if (typeof record[name] === 'function') counts[name]--;
  updatePromiseHooks();
}

// ===== promises (PROMISE resources), through V8's promise hooks when the runtime has them =====

const kPromiseId = Symbol('asyncId');
const kPromiseTrigger = Symbol('triggerAsyncId');

function promiseIdOf(promise) {
  if (promise[kPromiseId] === undefined) {
    promise[kPromiseId] = newAsyncId();
    promise[kPromiseTrigger] = currentId;
  }
  return promise[kPromiseId];
}

// A PROMISE resource is destroyed when its promise is collected (as in Node, where a weak
// reference reports it), so only while some hook has `destroy` is each promise watched.
let promiseRegistry;

function promiseInit(promise, parent) {
  const trigger = parent !== undefined ? promiseIdOf(parent) : currentId;
  const id = newAsyncId();
  promise[kPromiseId] = id;
  promise[kPromiseTrigger] = trigger;
  if (counts.destroy > 0) {
    promiseRegistry ??= new FinalizationRegistry(emitDestroy);
    promiseRegistry.register(promise, id);
  }
  emitInit(id, 'PROMISE', trigger, promise);
}

function promiseBefore(promise) {
  // Not emitBefore: a promise reaction runs from the microtask queue, which does not report the
  // queued destroys first (in Node they wait for the native immediate).
  const id = promiseIdOf(promise);
  pushExecution(id, promise[kPromiseTrigger], promise);
  if (counts.before > 0) call('before', [id]);
}

function promiseAfter(promise) {
  const id = promiseIdOf(promise);
  // A hook enabled during the reaction saw no `before` for it, but still gets its `after` (as
  // in Node); only an execution that was entered is left.
  if (counts.after > 0) call('after', [id]);
  if (currentId === id && depth > 0) popExecution();
}

function promiseResolve(promise) {
  emitPromiseResolve(promiseIdOf(promise));
}

// V8 has one set of promise hooks per context; async_hooks and v8.promiseHooks share it. Each
// event keeps a list of callbacks (replaced, never mutated, so a callback that stops its hook
// does not disturb the loop running it), and V8 gets a dispatcher for each non-empty list.
const promiseHookLists = { init: [], before: [], after: [], settled: [] };
// Callbacks that catch their own errors (async_hooks'): one of these alone goes to V8 as is.
const selfGuarded = new Set([promiseInit, promiseBefore, promiseAfter, promiseResolve]);

function runPromiseHooks(list, promise, parent) {
  for (let i = 0; i < list.length; i++) {
    try {
      list[i](promise, parent);
    } catch (err) {
      // As a throw from a V8 promise hook in Node: reported as an uncaught exception, and the
      // promise operation goes on.
      binding.runtime.triggerUncaughtException(err, false);
    }
  }
}

function promiseHookDispatcher(list) {
  if (list.length === 0) return undefined;
  if (list.length === 1 && selfGuarded.has(list[0])) return list[0];
  return (promise, parent) => runPromiseHooks(list, promise, parent);
}

function installPromiseHooks() {
  const rt = binding.runtime;
  if (typeof rt.setPromiseHooks !== 'function') return;
  const l = promiseHookLists;
  rt.setPromiseHooks(promiseHookDispatcher(l.init), promiseHookDispatcher(l.before),
    promiseHookDispatcher(l.after), promiseHookDispatcher(l.settled));
}

/** Adds a callback for a promise event (init, before, after, settled); returns its remover. */
function addPromiseHook(event, fn) {
  promiseHookLists[event] = [...promiseHookLists[event], fn];
  installPromiseHooks();
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    const list = promiseHookLists[event];
    const index = list.indexOf(fn);
    if (index !== -1) promiseHookLists[event] = [...list.slice(0, index), ...list.slice(index + 1)];
    installPromiseHooks();
  };
}

let asyncHooksPromiseStops = [];
let asyncHooksPromiseKey = '';

function updatePromiseHooks() {
  const want = counts.init + counts.before + counts.after + counts.promiseResolve +
    counts.destroy > 0;
  const watchInit = counts.init + counts.destroy > 0;
  const key = want ? `${watchInit}:${counts.promiseResolve > 0}` : '';
  if (key === asyncHooksPromiseKey) return;
  asyncHooksPromiseKey = key;
  for (const stop of asyncHooksPromiseStops) stop();
  asyncHooksPromiseStops = [];
  if (!want) return;
  if (watchInit) asyncHooksPromiseStops.push(addPromiseHook('init', promiseInit));
  asyncHooksPromiseStops.push(addPromiseHook('before', promiseBefore));
  asyncHooksPromiseStops.push(addPromiseHook('after', promiseAfter));
  if (counts.promiseResolve > 0) {
    asyncHooksPromiseStops.push(addPromiseHook('settled', promiseResolve));
  }
}

// Callbacks run over a copy: a hook enabled from inside a callback sees the next event only.
// Loops here go by index: user code (at the REPL, say) may have taken the array iterator away.
function call(name, args) {
  if (counts[name] === 0) return;
  const records = active.slice();
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const fn = record[name];
    if (typeof fn !== 'function') continue;
    try {
      Reflect.apply(fn, record.hook, args);
    } catch (err) {
      fatalError(err);
    }
  }
}

// A hook callback that throws ends the process (as in Node): its error is printed, and the
// exit code is 1 (or the process aborts under --abort-on-uncaught-exception).
function fatalError(err) {
  let text;
  if (typeof err?.stack === 'string') {
    text = err.stack;
  } else {
    const holder = {};
    Error.captureStackTrace(holder, fatalError);
    text = `Error: ${String(err)}${holder.stack.slice(holder.stack.indexOf('\n'))}`;
  }
  process._rawDebug(text);
  if (process.execArgv.some((a) => a.replace(/_/g, '-') === '--abort-on-uncaught-exception')) {
    process.abort();
  }
  process.exit(1);
}

function emitInit(asyncId, type, trigger, resource) {
  if (counts.init > 0) call('init', [asyncId, type, trigger, resource]);
}

function pushExecution(asyncId, trigger, resource) {
  // Flat triples: no array made per callback.
  stack[depth] = currentId;
  stack[depth + 1] = currentTrigger;
  stack[depth + 2] = currentResource;
  depth += 3;
  currentId = asyncId;
  currentTrigger = trigger;
  currentResource = resource;
}

function popExecution() {
  depth -= 3;
  currentId = stack[depth];
  currentTrigger = stack[depth + 1];
  currentResource = stack[depth + 2];
  // The resource is let go (the ids are numbers).
  stack[depth + 2] = undefined;
}

function emitBefore(asyncId, trigger, resource) {
  // Destroys queued by the previous callback are reported before the next one starts (Node
  // runs them from a native immediate, ahead of the next round of callbacks).
  if (depth === 0 && destroyQueue.length > 0) flushDestroys();
  pushExecution(asyncId, trigger, resource);
  if (counts.before > 0) call('before', [asyncId]);
}

function emitAfter(asyncId) {
  if (counts.after > 0) call('after', [asyncId]);
  popExecution();
}

/**
 * Runs `fn` as the callback of resource `asyncId` (before/after around it). A throw leaves the
 * execution in place for the uncaught-exception handlers; unwindAfterUncaught() closes it.
 */
function runInResource(asyncId, resource, fn, trigger = currentId) {
  emitBefore(asyncId, trigger, resource);
  const result = fn();
  emitAfter(asyncId);
  return result;
}

/** After 'uncaughtException' was handled: `after` for every execution left open, innermost first. */
function unwindAfterUncaught() {
  while (depth > 0) emitAfter(currentId);
}

// destroy callbacks are batched and run after the current callback, as in Node.
let destroyQueue = [];
let destroyScheduled = false;

function flushDestroys() {
  destroyScheduled = false;
  while (destroyQueue.length > 0) {
    const ids = destroyQueue;
    destroyQueue = [];
    for (let i = 0; i < ids.length; i++) call('destroy', [ids[i]]);
  }
}

function emitDestroy(asyncId) {
  if (counts.destroy === 0) return;
  destroyQueue.push(asyncId);
  if (!destroyScheduled) {
    destroyScheduled = true;
    require('internal/timers').setInternalImmediate(flushDestroys);
  }
}

function emitPromiseResolve(asyncId) {
  if (counts.promiseResolve > 0) call('promiseResolve', [asyncId]);
}

module.exports = {
  addPromiseHook,
  disable,
  emitAfter,
  emitBefore,
  emitDestroy,
  emitInit,
  emitPromiseResolve,
  enable,
  executionAsyncId,
  executionAsyncResource,
  hasHooks,
  newAsyncId,
  popExecution,
  pushExecution,
  runInResource,
  triggerAsyncId,
  unwindAfterUncaught,
};
