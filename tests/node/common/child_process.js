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

/**
 * Checks a child's result against `expectations` ({ status, signal, stdout, stderr, trim }):
 * each of stdout/stderr may be a string (compared exactly), a RegExp or a function. A failure
 * throws with the command line and the child's whole output.
 */
function checkChild(child, expectations, file, args) {
  const assert = require('assert');
  const failWith = (message) => {
    const lines = [
      message,
      `command: ${[file, ...args].join(' ')}`,
      `status: ${child.status}, signal: ${child.signal}`,
      `--- stdout ---\n${child.stdout}`,
      `--- stderr ---\n${child.stderr}`,
    ];
    if (child.error) lines.push(`error: ${child.error.stack}`);
    throw new assert.AssertionError({ message: lines.join('\n') });
  };
  if ('status' in expectations && child.status !== expectations.status) {
    failWith(`expected status ${expectations.status}`);
  }
  if ('signal' in expectations && child.signal !== expectations.signal) {
    failWith(`expected signal ${expectations.signal}`);
  }
  for (const stream of ['stdout', 'stderr']) {
    if (!(stream in expectations)) continue;
    const want = expectations[stream];
    let got = `${child[stream]}`;
    if (expectations.trim) got = got.trim();
    if (typeof want === 'function') {
      if (want(got) === false) failWith(`${stream} check returned false`);
    } else if (want instanceof RegExp) {
      if (!want.test(got)) failWith(`${stream} does not match ${want}`);
    } else if (got !== `${want}`) {
      failWith(`${stream} is not ${JSON.stringify(want)}`);
    }
  }
  return child;
}

/** spawnSync(file, args[, options]) and check it against the last argument's expectations. */
function spawnSyncAndExit(file, args, options, expectations) {
  if (expectations === undefined) {
    expectations = options;
    options = undefined;
  }
  const child = require('child_process').spawnSync(file, args, { encoding: 'utf8', ...options });
  return checkChild(child, expectations, file, args);
}

/**
 * spawnSync(file, args[, options]), which must exit 0 without a signal (and match
 * `expectations`' stdout/stderr, if given).
 */
function spawnSyncAndExitWithoutError(file, args, options, expectations = {}) {
  return spawnSyncAndExit(file, args, options, { ...expectations, status: 0, signal: null });
}

module.exports = {
  checkChild,
  spawnSyncAndExit,
  spawnSyncAndExitWithoutError,
  cleanupStaleProcess,
  kExpiringChildRunTime,
  kExpiringParentTimer,
  logAfterTime,
};
