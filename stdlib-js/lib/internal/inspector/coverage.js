'use strict';
// NODE_V8_COVERAGE=dir: V8's precise coverage (call counts, block level) from start-up, written
// as dir/coverage-<pid>-<ms since epoch>-<threadId>.json ({ result, timestamp }: the
// Profiler.takePreciseCoverage answer, the file c8 and friends read) when the process exits
// and at each v8.takeCoverage(). A hidden inspector session collects it; taking coverage resets
// V8's counters, so each file covers the time since the previous one.

const fs = require('fs');
const path = require('path');

let session = null;
let directory = null;

/** Start collecting into `dir` (resolved against the current directory now, as in Node). */
function start(dir) {
  directory = path.resolve(dir);
  session = require('internal/inspector/hidden_session').open();
  session.post('Profiler.enable');
  session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

function write() {
  if (session === null) return;
  const { result, timestamp } = session.post('Profiler.takePreciseCoverage');
  const { threadId } = require('internal/worker/state');
  const name = `coverage-${process.pid}-${Date.now()}-${threadId}.json`;
  try {
    fs.mkdirSync(directory, { recursive: true });
    // With the source maps of the modules run, which coverage tools map the ranges back by.
    const maps = require('internal/source_map').sourceMapCacheToObject();
    const report = maps === undefined ? { result, timestamp } :
      { result, timestamp, 'source-map-cache': maps };
    fs.writeFileSync(path.join(directory, name), JSON.stringify(report));
  } catch (err) {
    process._rawDebug(`Failed to write coverage to ${directory}: ${err.message}`);
  }
}

/** v8.takeCoverage(): write what was collected since the last time (no-op when not collecting). */
function take() {
  write();
}

/** v8.stopCoverage(): stop collecting; nothing is written at exit. */
function stop() {
  if (session === null) return;
  session.post('Profiler.stopPreciseCoverage');
  session.close();
  session = null;
}

/** The process is exiting: write the last file, once. */
function atExit() {
  write();
  stop();
}

module.exports = { start, take, stop, atExit };
