'use strict';
// test/common/v8: shape checks for v8.GCProfiler data.

const assert = require('assert');
const { GCProfiler } = require('v8');

function checkGCRecord(record) {
  assert.strictEqual(typeof record.gcType, 'string');
  assert.strictEqual(typeof record.cost, 'number');
  for (const phase of [record.beforeGC, record.afterGC]) {
    assert.strictEqual(typeof phase, 'object');
    assert.strictEqual(typeof phase.heapStatistics, 'object');
    assert(Array.isArray(phase.heapSpaceStatistics));
    for (const space of phase.heapSpaceStatistics) {
      assert.strictEqual(typeof space.spaceName, 'string');
    }
  }
}

function checkGCProfile(data) {
  assert.strictEqual(typeof data, 'object');
  assert.strictEqual(typeof data.version, 'number');
  assert.strictEqual(typeof data.startTime, 'number');
  assert.strictEqual(typeof data.endTime, 'number');
  assert(data.startTime <= data.endTime);
  assert(Array.isArray(data.statistics));
  assert(data.statistics.length > 0, 'expected at least one GC record');
  data.statistics.forEach(checkGCRecord);
}

// Starts a profiler now; the test then allocates and collects, and the data is checked at exit.
function testGCProfiler() {
  const profiler = new GCProfiler();
  profiler.start();
  process.on('exit', () => checkGCProfile(profiler.stop()));
}

module.exports = { checkGCProfile, testGCProfiler };
