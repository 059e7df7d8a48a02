'use strict';
// The switches of trace events (which categories are on), apart from the recorder
// (internal/trace_events): code on common paths (http, net, vm, console, fs.opendir, promise
// rejections) checks a switch without loading the recorder. The recorder loads only when
// tracing can be on (a --trace-event* option, node:trace_events, a worker that traces), and
// sets the switches; until then they are all off.

const state = {
  asyncHooks: false,
  bootstrap: false,
  console: false,
  fsSync: false,
  fsAsync: false,
  fsDirAsync: false,
  v8: false,
  threadpoolSync: false,
  threadpoolAsync: false,
  rejections: false,
  vmScript: false,
  netNative: false,
  http: false,
};

let recorder;
/** internal/trace_events, loaded on first use (call it once a switch is on). */
function traceEvents() {
  if (recorder === undefined) recorder = require('internal/trace_events');
  return recorder;
}

module.exports = { state, traceEvents };
