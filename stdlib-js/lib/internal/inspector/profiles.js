'use strict';
// --cpu-prof and --heap-prof: V8's sampling CPU profiler and sampling heap profiler, started
// at start-up through a hidden inspector session and written when the thread exits, as Node
// writes them: CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile (a Profiler.stop answer's profile)
// and Heap.<...>.heapprofile (HeapProfiler.stopSampling's), in --cpu-prof-dir / --heap-prof-dir
// (else --diagnostic-dir, else the directory current at start-up), or named by
// --cpu-prof-name / --heap-prof-name.

const fs = require('fs');
const path = require('path');
const { getOptionValue } = require('internal/options');

let session = null;
let cpu = null;
let heap = null;

function target(kind) {
  const dir = getOptionValue(`--${kind}-prof-dir`) || getOptionValue('--diagnostic-dir') || '';
  return { dir: path.resolve(dir), name: getOptionValue(`--${kind}-prof-name`) || '' };
}

/** Starts what the command line asks for; called once at start-up. */
function start() {
  // A worker asks again once its own execArgv is known.
  if (session !== null) return;
  const wantCpu = getOptionValue('--cpu-prof') === true;
  const wantHeap = getOptionValue('--heap-prof') === true;
  if (!wantCpu && !wantHeap) return;
  session = require('internal/inspector/hidden_session').open();
  if (wantCpu) {
    cpu = target('cpu');
    session.post('Profiler.enable');
    const interval = Number(getOptionValue('--cpu-prof-interval') || 1000);
    session.post('Profiler.setSamplingInterval', { interval });
    session.post('Profiler.start');
  }
  if (wantHeap) {
    heap = target('heap');
    const interval = Number(getOptionValue('--heap-prof-interval') || 512 * 1024);
    session.post('HeapProfiler.startSampling', { samplingInterval: interval });
  }
}

function save(where, prefix, ext, data) {
  const name = where.name || require('internal/util/diagnostic_filename').next(prefix, ext);
  try {
    fs.mkdirSync(where.dir, { recursive: true });
    fs.writeFileSync(path.join(where.dir, name), JSON.stringify(data));
  } catch (err) {
    process._rawDebug(`Failed to write the ${prefix === 'CPU' ? 'CPU' : 'heap'} profile to ${where.dir}: ${err.message}`);
  }
}

/** The thread is exiting: stop the profilers and write their profiles, once. */
function atExit() {
  if (session === null) return;
  if (cpu !== null) save(cpu, 'CPU', 'cpuprofile', session.post('Profiler.stop').profile);
  if (heap !== null) {
    save(heap, 'Heap', 'heapprofile', session.post('HeapProfiler.stopSampling').profile);
  }
  session.close();
  session = null;
}

module.exports = { atExit, start };
