'use strict';
// test/common/prof: reading the .heapprofile files that --heap-prof writes.

const assert = require('assert');
const fs = require('fs');
const path = require('path');

// A small sampling interval, so a short workload still yields frames.
const kHeapProfInterval = 128;

// The workload fixtures allocate TEST_ALLOCATION times; the native log helps when no frame shows.
const env = {
  ...process.env,
  TEST_ALLOCATION: 50,
  NODE_DEBUG_NATIVE: 'INSPECTOR_PROFILER',
};

function getProfiles(dir, extension) {
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .map((name) => path.join(dir, name));
}

const getHeapProfiles = (dir) => getProfiles(dir, '.heapprofile');
const getCpuProfiles = (dir) => getProfiles(dir, '.cpuprofile');

/** The first sampled node (depth first) whose function is `func`, and the profile's roots. */
function findFirstFrame(file, func) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const roots = profile.head.children;
  const pending = roots.slice();
  while (pending.length > 0) {
    const node = pending.shift();
    if (node.callFrame.functionName === func) return { frame: node, roots };
    pending.unshift(...(node.children || []));
  }
  return { frame: undefined, roots };
}

function verifyFrames(output, file, func) {
  const { frame, roots } = findFirstFrame(file, func);
  if (!frame) {
    // Show the native log and the profile to debug a missing frame.
    console.log(output.stderr.toString());
    console.log(roots);
  }
  assert.notDeepStrictEqual(frame, undefined);
}

module.exports = {
  env,
  findFirstFrame,
  getCpuProfiles,
  getHeapProfiles,
  kHeapProfInterval,
  verifyFrames,
};
