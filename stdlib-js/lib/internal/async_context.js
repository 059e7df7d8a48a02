'use strict';
// The current async context: a frame (a Map from AsyncLocalStorage to its store, or
// undefined) held in V8's "continuation preserved embedder data", which V8 itself carries
// along promise reactions and await. Work queued outside promises (nextTick, timers,
// immediates, pool callbacks) captures the frame when it is scheduled and runs inside it.
// Until the first AsyncLocalStorage or AsyncResource exists nothing is captured, so programs
// that never use async context pay nothing on those queues.

const rt = binding.runtime;

const state = { active: false };

function activate() {
  state.active = true;
}

const current = () => rt.getAsyncContext();
const enter = (frame) => rt.setAsyncContext(frame);

/** The frame to store with work being scheduled now (undefined while inactive). */
function capture() {
  return state.active ? rt.getAsyncContext() : undefined;
}

/** `fn.apply(thisArg, args)` inside `frame`, restoring the previous frame afterwards. */
function runInFrame(frame, fn, thisArg, args) {
  const previous = rt.getAsyncContext();
  rt.setAsyncContext(frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    rt.setAsyncContext(previous);
  }
}

/**
 * `fn` bound to the current frame (or `fn` itself while inactive). With `type`, `fn` is also
 * the callback of a new async resource of that type (FSREQCALLBACK, ...) as async_hooks sees it.
 */
function bindToCurrent(fn, type) {
  if (type !== undefined) return bindResource(fn, type);
  if (!state.active) return fn;
  const frame = rt.getAsyncContext();
  return function bound(...args) {
    return runInFrame(frame, fn, this, args);
  };
}

function bindResource(fn, type) {
  const hooks = require('internal/async_hooks');
  const asyncId = hooks.newAsyncId();
  const trigger = hooks.executionAsyncId();
  const resource = {};
  hooks.emitInit(asyncId, type, trigger, resource);
  const frame = state.active ? rt.getAsyncContext() : undefined;
  const active = state.active;
  return function bound(...args) {
    hooks.emitBefore(asyncId, trigger, resource);
    let result;
    try {
      result = active ? runInFrame(frame, fn, this, args) : Reflect.apply(fn, this, args);
    } finally {
      hooks.emitDestroy(asyncId);
    }
    hooks.emitAfter(asyncId);
    return result;
  };
}

module.exports = { activate, bindToCurrent, capture, current, enter, runInFrame, state };
