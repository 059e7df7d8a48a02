'use strict';
// test/common/tmpdir: one scratch folder per test process.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

// `.tmp.<n>` as in Node's helper (test-common checks the shape); one folder per process since
// the runner runs tests in parallel.
const tmpPath = path.join(os.tmpdir(), `eddy-node-test.tmp.${process.pid}`);

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
