'use strict';
// test/common/fixtures: paths into Node's test/fixtures folder beside this one.

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

// Prefer the fixtures beside the running test (this folder is often a symlink, so __dirname
// resolves into the Eddy tree rather than the test checkout).
const mainDir = require.main && require.main.filename ? path.dirname(require.main.filename) : null;
const fixturesDir = mainDir && fs.existsSync(path.join(mainDir, '..', 'fixtures')) ?
  path.join(mainDir, '..', 'fixtures') : path.join(__dirname, '..', 'fixtures');

const fixturesPath = (...args) => path.join(fixturesDir, ...args);

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL: (...args) => pathToFileURL(fixturesPath(...args)),
  readSync: (args, enc) => fs.readFileSync(fixturesPath(...[].concat(args)), enc),
  readKey: (name, enc) => fs.readFileSync(fixturesPath('keys', name), enc),
};
