'use strict';
// test/common/fixtures: paths into Node's test/fixtures folder beside this one.

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

const fixturesPath = (...args) => path.join(fixturesDir, ...args);

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL: (...args) => pathToFileURL(fixturesPath(...args)),
  readSync: (args, enc) => fs.readFileSync(fixturesPath(...[].concat(args)), enc),
  readKey: (name, enc) => fs.readFileSync(fixturesPath('keys', name), enc),
};
