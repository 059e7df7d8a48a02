'use strict';
// test/common/measure-memory: shape checks for vm.measureMemory() results.

const assert = require('assert');
const common = require('./');

function checkMeasurement(m) {
  assert.strictEqual(typeof m, 'object');
  assert.strictEqual(typeof m.jsMemoryEstimate, 'number');
  assert(Array.isArray(m.jsMemoryRange));
  assert.strictEqual(m.jsMemoryRange.length, 2);
  const [low, high] = m.jsMemoryRange;
  assert.strictEqual(typeof low, 'number');
  assert.strictEqual(typeof high, 'number');
  assert(low <= m.jsMemoryEstimate && m.jsMemoryEstimate <= high);
}

function assertSummaryShape(result) {
  assert.strictEqual(typeof result, 'object');
  checkMeasurement(result.total);
}

// `contexts` is the number of other (vm) contexts the measurement is expected to list.
function assertDetailedShape(result, contexts = 0) {
  assertSummaryShape(result);
  checkMeasurement(result.current);
  assert(Array.isArray(result.other));
  assert.strictEqual(result.other.length, contexts);
  for (const other of result.other) checkMeasurement(other);
}

function assertSingleDetailedShape(result) {
  assertDetailedShape(result, 0);
}

function expectExperimentalWarning() {
  common.expectWarning('ExperimentalWarning',
                       'vm.measureMemory is an experimental feature and might change at any time');
}

module.exports = {
  assertSummaryShape,
  assertDetailedShape,
  assertSingleDetailedShape,
  expectExperimentalWarning,
};
