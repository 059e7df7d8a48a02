'use strict';
// The clock behind `performance`: milliseconds since the process started (process.uptime()
// counts from the same monotonic clock), and Node's startup milestones. Loaded by the
// bootstrap, so it stays tiny; the rest of perf_hooks loads on first use of `performance`.

const native = binding.process;

// hrtime (ns) at process start, derived from uptime so performance.now() ~ process.uptime().
let originNs = native.hrtimeNs() - BigInt(Math.round(native.uptime() * 1e9));
// The process start on the wall clock, the same in workers (the native side reads it once).
let timeOrigin = native.timeOrigin();

function now() {
  return Number(native.hrtimeNs() - originNs) / 1e6;
}

// Eddy does not see the moments before its bootstrap: nodeStart is the process start (0) and
// v8Start the start of the bootstrap script, which runs right after the isolate is ready.
const milestones = {
  nodeStart: 0,
  v8Start: now(),
  environment: -1,
  bootstrapComplete: -1,
  loopStart: -1,
  loopExit: -1,
};

function mark(name) {
  milestones[name] = now();
}

// Entry type -> number of PerformanceObservers of it (kept by internal/perf/observe). Here, so
// the modules that report 'dns', 'net' and 'http' entries can ask without loading perf_hooks.
const observerCounts = new Map();

function hasObserver(type) {
  return (observerCounts.get(type) || 0) > 0;
}

/** The start of a timed operation, or undefined when nobody observes entries of `type`. */
function startPerf(type) {
  return hasObserver(type) ? now() : undefined;
}

/** Reports an operation begun at `start` (from startPerf) as a `type` entry named `name`. */
function stopPerf(type, name, start, detail) {
  if (start === undefined || !hasObserver(type)) return;
  const { createEntry, enqueue } = require('internal/perf/observe');
  enqueue(createEntry(name, type, start, now() - start, detail));
}

/** Started from a startup snapshot: the clocks count from this process's start. */
function refresh() {
  originNs = native.hrtimeNs() - BigInt(Math.round(native.uptime() * 1e9));
  timeOrigin = native.timeOrigin();
  module.exports.originNs = originNs;
  module.exports.timeOrigin = timeOrigin;
  for (const name of Object.keys(milestones)) milestones[name] = -1;
  milestones.nodeStart = 0;
  milestones.v8Start = now();
  milestones.environment = now();
}

module.exports = {
  hasObserver, mark, milestones, now, observerCounts, originNs, refresh, startPerf, stopPerf,
  timeOrigin,
};
