'use strict';
// `eddy --test [files or directories...]`: runs each test file in a child process (run()) and
// reports the results with the reporters --test-reporter chose. Options (Node 20's):
// --test-concurrency, --test-timeout, --test-shard=index/total, --test-force-exit, --test-only
// and --test-name-pattern (the last three handed to the files too). The exit code is 1 when a test or file failed.

const fs = require('fs');
const path = require('path');
const { codes } = require('internal/errors');
const { run, discoverFiles } = require('internal/test_runner/runner');
const { sinkFromOptions, optionValues, own } = require('internal/test_runner/reporters');

function lastOption(name) {
  const values = optionValues(name);
  return values.length === 0 ? undefined : values[values.length - 1];
}

/**
 * The files to run, sorted by path as Node runs them: the arguments (a directory is searched
 * as the current one is).
 */
function testFiles(args) {
  if (args.length === 0) return discoverFiles(process.cwd(), false, []).sort();
  const files = [];
  for (const arg of args) {
    const absolute = path.resolve(arg);
    let stat;
    try {
      stat = fs.statSync(absolute);
    } catch {
      process.stderr.write(`Could not find '${absolute}'\n`);
      process.exit(1);
    }
    if (stat.isDirectory()) discoverFiles(absolute, path.basename(absolute) === 'test', files);
    else files.push(absolute);
  }
  return files.sort();
}

function parseShard(text) {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null) {
    throw new codes.ERR_INVALID_ARG_VALUE('--test-shard', text,
      'must be in the form of <index>/<total>');
  }
  return { index: Number(m[1]), total: Number(m[2]) };
}

function main() {
  const concurrencyOption = lastOption('--test-concurrency');
  const timeoutOption = lastOption('--test-timeout');
  const options = {
    concurrency: concurrencyOption === undefined ? true : Number(concurrencyOption),
    inspectPort: undefined,
    watch: false,
    setup: undefined,
    timeout: timeoutOption === undefined ? Infinity : Number(timeoutOption),
    shard: parseShard(lastOption('--test-shard')),
  };
  const files = testFiles(process.argv.slice(1));
  const sink = sinkFromOptions();
  options.setup = function setup(stream) {
    stream.on('data', (event) => sink.event(event));
    stream.on('end', () => sink.end());
  };
  require('util').debuglog('test_runner')('test runner configuration:', options);
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let failed = false;
  // Its options are checked first (a bad --test-shard prints nothing on stdout).
  const stream = run({ ...options, files,
    signal: controller.signal, only: process.execArgv.includes('--test-only') });
  // As the reporters start: the TAP header goes out before any file has run (they start on
  // the next tick).
  sink.start();
  stream.on('test:fail', (data) => {
    if (own(data, 'todo') === undefined) failed = true;
  });
  stream.on('end', () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (failed || interrupted) process.exitCode = 1;
    // --test-force-exit: done once the files are, whatever else is pending.
    if (process.execArgv.includes('--test-force-exit')) process.exit();
  });
}

module.exports = { main };
