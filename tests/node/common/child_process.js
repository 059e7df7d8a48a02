'use strict';
// test/common/child_process: helpers for tests that time a child process out.

const common = require('./');

// Long enough that the parent's 1 ms timeout always fires first.
const kExpiringChildRunTime = common.platformTimeout(20 * 1000);
const kExpiringParentTimer = 1;

/** In the child: write to both streams only after `time` ms (the parent kills it before). */
function logAfterTime(time) {
  setTimeout(() => {
    console.log('child stdout');
    console.error('child stderr');
  }, time);
}

// Windows leaves killed children's grandchildren behind; elsewhere there is nothing to do.
function cleanupStaleProcess(filename) {
  if (!common.isWindows) return;
  process.once('beforeExit', () => {
    const { execSync } = require('child_process');
    const name = require('path').basename(filename).replace(/'/g, "''");
    try {
      execSync(`wmic process where "commandline like '%${name}%child'" delete`);
    } catch {
      // Nothing left to clean up.
    }
  });
}

module.exports = {
  cleanupStaleProcess,
  kExpiringChildRunTime,
  kExpiringParentTimer,
  logAfterTime,
};
