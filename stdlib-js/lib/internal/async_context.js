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

/** `fn` bound to the current frame (or `fn` itself while inactive). */
function bindToCurrent(fn) {
  if (!state.active) return fn;
  const frame = rt.getAsyncContext();
  return function bound(...args) {
    return runInFrame(frame, fn, this, args);
  };
}

module.exports = { activate, bindToCurrent, capture, current, enter, runInFrame, state };
