'use strict';
// node:test's run(): every test file runs in a child process of this runtime, which hands its
// test events to this one (internal/test_runner/reporters' encoding on its stdout; any other
// output becomes test:stdout / test:stderr). The returned stream (objects { type, data }, each
// also emitted as an event of that name) has every file's events in file order, the top-level
// tests numbered across files, then a 'test:plan' and the summary diagnostics. As in Node, the
// tests a file reports stand for it: the file itself is reported only when it reported none,
// or failed for another reason than a failing test (its exit code, a timeout: `timeout` ms
// kills it, failureType 'testTimeoutFailure'). Not supported: watch, inspectPort.

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
  // What failed is the message itself unless something else caused it, as in Node.
  const err = new Error(message, { cause: cause === undefined ? message : cause });
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

// What a child's options become: the runner's own are dropped (with the value of those that
// take one), --test-only and --test-name-pattern stay so each file filters its tests.
const RUNNER_OPTIONS = ['--test', '--test-reporter', '--test-reporter-destination',
  '--test-concurrency', '--test-timeout', '--test-shard', '--watch'];
const RUNNER_OPTIONS_WITH_VALUE = RUNNER_OPTIONS.slice(1, 6);

function childExecArgv(argv, extra) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.split('=')[0];
    if (!RUNNER_OPTIONS.includes(name)) {
      out.push(arg);
    } else if (name === arg && RUNNER_OPTIONS_WITH_VALUE.includes(name)) {
      i++;
    }
  }
  for (const arg of extra) if (!out.includes(arg)) out.push(arg);
  return out;
}

/**
 * Reports events of several files in file order while the files run concurrently: a file's
 * events go out as they come while it is the first unfinished one, and are kept until then
 * otherwise.
 */
class FileOrder {
  constructor(stream, count) {
    this.stream = stream;
    this.head = 0;
    this.pending = Array.from({ length: count }, () => ({ events: [], done: false }));
    this.topNumber = 0;
    this.counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  }

  report(index, type, data) {
    if (index === this.head) this.#deliver(type, data);
    else this.pending[index].events.push({ type, data });
  }

  finish(index) {
    this.pending[index].done = true;
    while (this.head < this.pending.length && this.pending[this.head].done) {
      this.head++;
      if (this.head < this.pending.length) {
        for (const e of this.pending[this.head].events.splice(0)) this.#deliver(e.type, e.data);
      }
    }
  }

  #deliver(type, data) {
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0) {
      // Numbered across files: each file's top-level tests are the run's.
      data.testNumber = ++this.topNumber;
    }
    if (type === 'test:pass' || type === 'test:fail') this.#count(type === 'test:pass', data);
    this.stream.report(type, data);
  }

  #count(ok, data) {
    const c = this.counts;
    if (data.details?.type === 'suite') {
      c.suites++;
      return;
    }
    c.tests++;
    const failureType = data.details?.error?.failureType;
    const { own } = require('internal/test_runner/reporters');
    if (own(data, 'skip') !== undefined) c.skipped++;
    else if (own(data, 'todo') !== undefined) c.todo++;
    else if (ok) c.pass++;
    else if (failureType === 'testTimeoutFailure' || failureType === 'cancelledByParent' ||
             failureType === 'testAborted') c.cancelled++;
    else c.fail++;
  }
}

function runFile(order, index, file, options) {
  const { spawn } = require('child_process');
  const { decodeEvent, own } = require('internal/test_runner/reporters');
  const absolute = path.resolve(file);
  const where = { line: 1, column: 1, file: absolute };
  const start = process.hrtime.bigint();
  const report = (type, data) => order.report(index, type, data);
  if (options.signal?.aborted) {
    // Aborted before its turn (SIGINT to `--test`, say): not started, reported cancelled.
    const details = { duration_ms: 0,
      error: failure('test was aborted', 'cancelledByParent', options.signal.reason) };
    report('test:start', { name: file, nesting: 0, ...where });
    report('test:fail', { name: file, nesting: 0, testNumber: 0, details, ...where });
    order.finish(index);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...options.execArgv, absolute], {
      env: { ...process.env, NODE_TEST_CONTEXT: 'child-v8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ownTests = 0;
    let failedTests = 0;
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) onLine(line);
    });
    const onLine = (line) => {
      // Output the file printed without a newline comes before the event on the same line.
      const { MARKER } = require('internal/test_runner/reporters');
      const at = line.indexOf(MARKER);
      if (at > 0) {
        report('test:stdout', { file: absolute, message: `${line.slice(0, at)}\n` });
        line = line.slice(at);
      }
      const event = decodeEvent(line);
      if (event === undefined) {
        report('test:stdout', { file: absolute, message: `${line}\n` });
        return;
      }
      if (event.data !== null && typeof event.data === 'object' && event.data.file === undefined &&
          event.type !== 'test:plan') {
        event.data.file = absolute;
      }
      if (event.data.nesting === 0 && (event.type === 'test:pass' || event.type === 'test:fail')) {
        ownTests++;
        if (event.type === 'test:fail' && own(event.data, 'todo') === undefined) failedTests++;
      }
      report(event.type, event.data);
    };
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      const lines = (stderr + chunk).split('\n');
      stderr = lines.pop();
      for (const line of lines) report('test:stderr', { file: absolute, message: `${line}\n` });
    });
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
      report('test:stderr', { file: absolute, message: `${err.stack}\n` });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (partial !== '') onLine(partial);
      if (stderr !== '') report('test:stderr', { file: absolute, message: stderr });
      const details = { duration_ms: Number(process.hrtime.bigint() - start) / 1e6 };
      let ok = exitCode === 0;
      if (timedOut) {
        ok = false;
        details.error = failure(`test timed out after ${options.timeout}ms`, 'testTimeoutFailure');
      } else if (options.signal?.aborted) {
        ok = false;
        details.error = failure('test was aborted', 'cancelledByParent', options.signal.reason);
      } else if (!ok) {
        if (failedTests > 0) {
          details.error = failure('subtests failed', 'subtestsFailed');
        } else {
          details.error = failure('test failed', 'testCodeFailure');
          details.error.exitCode = exitCode;
          details.error.signal = signal;
        }
      }
      // As in Node, the tests a file reports stand for it; the file itself is reported when it
      // reported none, or failed for another reason than a failing test.
      const shown = ownTests === 0 ||
        (details.error !== undefined && details.error.failureType !== 'subtestsFailed');
      if (shown) {
        report('test:start', { name: file, nesting: 0, ...where });
        report(ok ? 'test:pass' : 'test:fail', { name: file, nesting: 0, testNumber: 0,
          details, ...where });
      }
      order.finish(index);
      resolve();
    });
  });
}

function run(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  let { files, concurrency = false, timeout = Infinity, signal, setup, only = false,
    shard, testNamePatterns } = options;
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
  if (typeof only !== 'boolean') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.only', 'boolean', only);
  }
  if (shard !== undefined) {
    if (shard === null || typeof shard !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.shard', 'object', shard);
    }
    const { index, total } = shard;
    if (typeof total !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('options.shard.total', 'number', total);
    if (!Number.isInteger(total) || total < 1) {
      throw new codes.ERR_OUT_OF_RANGE('options.shard.total', '>= 1 && an integer', total);
    }
    if (typeof index !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('options.shard.index', 'number', index);
    if (!Number.isInteger(index) || index < 1 || index > total) {
      throw new codes.ERR_OUT_OF_RANGE('options.shard.index', `>= 1 && <= ${total} ("options.shard.total")`, index);
    }
  }
  const patterns = testNamePatterns === undefined ? []
    : Array.isArray(testNamePatterns) ? testNamePatterns : [testNamePatterns];
  const extra = only ? ['--test-only'] : [];
  for (const p of patterns) {
    if (typeof p !== 'string' && !(p instanceof RegExp)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.testNamePatterns', ['string', 'RegExp'], p);
    }
    extra.push(`--test-name-pattern=${p instanceof RegExp ? p.toString() : p}`);
  }
  const execArgv = childExecArgv(process.execArgv, extra);
  let list = files !== undefined ? [...files] : discoverFiles(process.cwd(), false, []);
  if (shard !== undefined) {
    list = list.sort().filter((_, i) => i % shard.total === shard.index - 1);
  }
  const stream = new TestsStream();
  const started = process.hrtime.bigint();
  // Started on the next tick: the caller attaches its listeners first.
  process.nextTick(async () => {
    if (setup !== undefined) await setup(stream);
    let next = 0;
    const order = new FileOrder(stream, list.length);
    const worker = async () => {
      while (next < list.length) {
        const index = next++;
        await runFile(order, index, list[index], { timeout, signal, execArgv });
      }
    };
    const workers = [];
    for (let i = 0; i < Math.min(concurrency, list.length); i++) workers.push(worker());
    await Promise.all(workers);
    stream.report('test:plan', { nesting: 0, count: order.topNumber });
    for (const key of Object.keys(order.counts)) {
      stream.report('test:diagnostic', { nesting: 0, message: `${key} ${order.counts[key]}` });
    }
    const ms = (Number(process.hrtime.bigint() - started) / 1e6).toFixed(6);
    stream.report('test:diagnostic', { nesting: 0, message: `duration_ms ${ms}` });
    stream.push(null);
  });
  return stream;
}

module.exports = { run, discoverFiles };
