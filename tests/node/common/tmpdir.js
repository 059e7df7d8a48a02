'use strict';
// test/common/tmpdir: one scratch folder per test process.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

// `.tmp.<n>` as in Node's helper (test-common checks the shape). run.py gives every test its
// own TEST_THREAD_ID, which child processes inherit, so a test and the copies of itself that it
// spawns share the folder; without one, the pid keeps parallel runs apart.
const id = process.env.TEST_SERIAL_ID || process.env.TEST_THREAD_ID || process.pid;
const tmpPath = path.join(os.tmpdir(), `eddy-node-test.tmp.${id}`);

let cleanupRegistered = false;
function refresh() {
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => fs.rmSync(tmpPath, { recursive: true, force: true }));
  }
}

module.exports = {
  path: tmpPath,
  refresh,
  resolve: (...paths) => path.resolve(tmpPath, ...paths),
  hasEnoughSpace: () => true,
  fileURL: (...paths) => pathToFileURL(path.resolve(tmpPath, ...paths)),
};
