'use strict';
// node:test's run(): every test file runs in a child process of this runtime, and the returned
// stream (objects { type, data }, each also emitted as an event of that name) reports a test
// per file: 'test:start' and 'test:pass' or 'test:fail' when the child ends (a file whose
// child exits non-zero fails; one still running after `timeout` ms is killed and fails with
// failureType 'testTimeoutFailure'), and a 'test:plan' at the end. The children print TAP; as
// in Node, the tests a file reports stand for it (top-level, nesting 0): the file itself is
// reported only when it reported none, or failed for another reason than a failing test.
// Not supported: watch, shard, inspectPort, testNamePatterns, only.

const { Readable } = require('stream');
const path = require('path');
const fs = require('fs');
const { codes } = require('internal/errors');

// The names Node looks for when run() gets no files (anything under a test/ directory too).
const TEST_FILE = /^(?:.*[.\-_]test|test-.*|test)\.[cm]?js$/;
const JS_FILE = /\.[cm]?js$/;

function discoverFiles(dir, underTest, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      discoverFiles(full, underTest || entry.name === 'test', out);
    } else if (entry.isFile() && (TEST_FILE.test(entry.name) || (underTest && JS_FILE.test(entry.name)))) {
      out.push(full);
    }
  }
  return out;
}

function failure(message, failureType, cause) {
  const err = new Error(message, cause === undefined ? undefined : { cause });
  err.code = 'ERR_TEST_FAILURE';
  err.failureType = failureType;
  return err;
}

class TestsStream extends Readable {
  constructor() {
    super({ objectMode: true });
  }

  _read() {}

  report(type, data) {
    this.emit(type, data);
    this.push({ type, data });
  }
}

/** The top-level results of a child's TAP output: { name, ok, skip, todo, duration_ms }. */
function parseTap(text) {
  const results = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(not )?ok \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(lines[i]);
    if (m === null) continue;
    let duration = 0;
    for (let j = i + 1; j < lines.length && /^ {2}/.test(lines[j]); j++) {
      const d = /^ {2}duration_ms: ([\d.]+)$/.exec(lines[j]);
      if (d !== null) duration = Number(d[1]);
    }
    results.push({ name: m[2], ok: m[1] === undefined, skip: m[3] === 'SKIP',
      todo: m[3] === 'TODO', duration_ms: duration });
  }
  return results;
}

function runFile(stream, file, counter, options) {
  const { spawn } = require('child_process');
  const absolute = path.resolve(file);
  const where = { line: 1, column: 1, file: absolute };
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--test') && a !== '--watch');
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...execArgv, absolute], {
      env: { ...process.env, NODE_TEST_CONTEXT: 'child' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let timedOut = false;
    let timer;
    if (Number.isFinite(options.timeout)) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill();
      }, options.timeout);
    }
    const onAbort = () => child.kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      stderr += `${err.stack}\n`;
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      for (const line of stderr.split('\n')) {
        if (line !== '') stream.report('test:stderr', { file: absolute, message: `${line}\n` });
      }
      const results = parseTap(stdout);
      for (const r of results) {
        const details = { duration_ms: r.duration_ms };
        if (!r.ok) details.error = failure('test failed', 'testCodeFailure');
        stream.report('test:start', { name: r.name, nesting: 0, file: absolute });
        stream.report(r.ok ? 'test:pass' : 'test:fail', { name: r.name, nesting: 0,
          testNumber: ++counter.n, details, skip: r.skip || undefined, todo: r.todo || undefined,
          file: absolute });
      }
      const details = { duration_ms: Number(process.hrtime.bigint() - start) / 1e6 };
      let ok = exitCode === 0;
      if (timedOut) {
        ok = false;
        details.error = failure(`test timed out after ${options.timeout}ms`, 'testTimeoutFailure');
      } else if (options.signal?.aborted) {
        ok = false;
        details.error = failure('test was aborted', 'cancelledByParent', options.signal.reason);
      } else if (!ok) {
        if (results.some((r) => !r.ok)) {
          details.error = failure('subtests failed', 'subtestsFailed');
        } else {
          details.error = failure('test failed', 'testCodeFailure');
          details.error.exitCode = exitCode;
          details.error.signal = signal;
        }
      }
      const shown = results.length === 0 ||
        (details.error !== undefined && details.error.failureType !== 'subtestsFailed');
      if (shown) {
        stream.report('test:start', { name: file, nesting: 0, ...where });
        stream.report(ok ? 'test:pass' : 'test:fail', { name: file, nesting: 0,
          testNumber: ++counter.n, details, ...where });
      }
      resolve();
    });
  });
}

function run(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  let { files, concurrency = false, timeout = Infinity, signal, setup } = options;
  if (files !== undefined) {
    if (!Array.isArray(files)) throw new codes.ERR_INVALID_ARG_TYPE('options.files', 'Array', files);
    files.forEach((f, i) => {
      if (typeof f !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(`options.files[${i}]`, 'string', f);
    });
  }
  if (typeof concurrency === 'boolean') {
    concurrency = concurrency ? Math.max(require('os').availableParallelism() - 1, 1) : 1;
  } else if (typeof concurrency !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
  } else if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new codes.ERR_OUT_OF_RANGE('options.concurrency', '>= 1 && an integer', concurrency);
  }
  if (timeout !== Infinity && (typeof timeout !== 'number' || !(timeout >= 0))) {
    throw typeof timeout !== 'number'
      ? new codes.ERR_INVALID_ARG_TYPE('options.timeout', 'number', timeout)
      : new codes.ERR_OUT_OF_RANGE('options.timeout', '>= 0', timeout);
  }
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  if (setup !== undefined && typeof setup !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.setup', 'Function', setup);
  }
  const list = files !== undefined ? [...files] : discoverFiles(process.cwd(), false, []);
  const stream = new TestsStream();
  // Started on the next tick: the caller attaches its listeners first.
  process.nextTick(async () => {
    if (setup !== undefined) await setup(stream);
    let next = 0;
    const counter = { n: 0 };
    const worker = async () => {
      while (next < list.length) {
        await runFile(stream, list[next++], counter, { timeout, signal });
      }
    };
    const workers = [];
    for (let i = 0; i < Math.min(concurrency, list.length); i++) workers.push(worker());
    await Promise.all(workers);
    stream.report('test:plan', { nesting: 0, count: counter.n });
    stream.push(null);
  });
  return stream;
}

module.exports = { run };
