'use strict';
// test/common/snapshot: build a startup snapshot from an entry script into the test's tmpdir,
// then start the runtime from it, each as a child process that must exit 0.

const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('./tmpdir');

const blobPath = () => path.join(tmpdir.path, 'snapshot.blob');

function run(args, env, what) {
  const child = spawnSync(process.execPath, args, {
    cwd: tmpdir.path,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: Infinity,
  });
  const stdout = child.stdout;
  const stderr = child.stderr;
  if (child.status !== 0) {
    console.log(`[${what}] exited ${child.status} (signal ${child.signal})`);
    console.log(`[${what}] stdout:\n${stdout}`);
    console.log(`[${what}] stderr:\n${stderr}`);
  }
  assert.strictEqual(child.status, 0, `${what} of ${args.join(' ')} failed`);
  return { child, stdout, stderr };
}

/** Runs `--build-snapshot entry` (with `env` added), and checks a blob was written. */
function buildSnapshot(entry, env = {}) {
  const result = run(['--snapshot-blob', blobPath(), '--build-snapshot', entry], env,
                     'build');
  const stats = fs.statSync(blobPath());
  assert(stats.isFile() && stats.size > 0, 'the snapshot blob is empty');
  return result;
}

/** Starts from the blob buildSnapshot() wrote (with `env` added). */
function runWithSnapshot(entry, env = {}) {
  return run(['--snapshot-blob', blobPath()], env, 'run');
}

module.exports = { buildSnapshot, runWithSnapshot };
