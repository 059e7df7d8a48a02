'use strict';
// node:test - a small runner: test()/it() and describe()/suite() with subtests, hooks,
// skip/todo/only and timeouts. A failing test sets exit code 1. Mocks (mock.fn(), mock.method(),
// mock.getter(), mock.setter(), restoreAll()) are internal/test_runner/mock's.
// Subtests run up to their parent's `concurrency` at once and still print in order.
// run() runs files in child processes (internal/test_runner/runner), as `--test` does
// (internal/test_runner/cli). Results are events, turned into text by the reporters chosen
// with --test-reporter (internal/test_runner/reporters). Not available: snapshots, coverage.

const { codes } = require('internal/errors');
const { MockTracker } = require('internal/test_runner/mock');
// Taken now: a test may replace the global timers with mock.timers.
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = require('timers');

// ===== tests =====

// Node's limit for a timeout (a timer's longest delay).
const kMaxTimeout = 2 ** 31 - 1;

function validateTimeout(timeout) {
  if (timeout === null || timeout === undefined || timeout === Infinity) return undefined;
  if (typeof timeout !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.timeout', 'number', timeout);
  }
  if (!(timeout >= 0 && timeout <= kMaxTimeout)) {
    throw new codes.ERR_OUT_OF_RANGE('options.timeout', `>= 0 && <= ${kMaxTimeout}`, timeout);
  }
  return timeout;
}

/** How many subtests may run at once: a count, true (no limit) or false (one). */
function validateConcurrency(concurrency) {
  if (concurrency === null || concurrency === undefined) return undefined;
  if (typeof concurrency === 'boolean') return concurrency ? Infinity : 1;
  if (typeof concurrency !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'],
                                         concurrency);
  }
  if (!Number.isInteger(concurrency)) {
    throw new codes.ERR_OUT_OF_RANGE('options.concurrency', 'an integer', concurrency);
  }
  if (concurrency < 1 || concurrency > 4294967295) {
    throw new codes.ERR_OUT_OF_RANGE('options.concurrency', '>= 1 && <= 4294967295', concurrency);
  }
  return concurrency;
}

function validateSignal(signal) {
  if (signal === undefined) return;
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
}

class Test {
  constructor(parent, name, options, fn, isSuite) {
    // Own properties only: a test's options do not come from a mutated Object.prototype.
    options = Object.assign({ __proto__: null }, options);
    const timeout = validateTimeout(options.timeout);
    const concurrency = validateConcurrency(options.concurrency);
    validateSignal(options.signal);
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.isSuite = isSuite;
    this.options = options;
    // An empty reason still marks the test (it reads as no reason).
    this.skip = options.skip === '' ? true : options.skip;
    this.todo = options.todo === '' ? true : options.todo;
    this.only = options.only;
    // Both are inherited from the parent unless given.
    this.timeout = timeout !== undefined ? timeout : parent ? parent.timeout : Infinity;
    this.concurrency = concurrency !== undefined ? concurrency : parent ? parent.concurrency : 1;
    this.signal = options.signal;
    this.controller = new AbortController();
    this.subtests = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.error = undefined;
    this.passed = true;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.diagnostics = [];
    this.mockTracker = undefined;
    // Scheduling of the subtests: those waiting to start, how many run, whether they may
    // start (a suite opens once its before hooks ran), and who waits for them all.
    this.pending = [];
    this.running = 0;
    this.gateOpen = !isSuite;
    this.idleWaiters = [];
    // Output: written through to the parent while this test is the first of its siblings not
    // yet reported (so concurrent tests still print in order), kept in `buffer` otherwise.
    this.streaming = false;
    this.buffer = [];
    this.reportHead = 0;
    this.finished = false;
  }
}

/** What a test function receives as `t`. */
class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get name() { return this.#test.name; }
  get signal() { return this.#test.controller.signal; }
  get mock() {
    if (this.#test.mockTracker === undefined) this.#test.mockTracker = new MockTracker();
    return this.#test.mockTracker;
  }

  diagnostic(message) { this.#test.diagnostics.push(`${message}`); }
  skip(message) { this.#test.skip = message === undefined ? true : message; }
  todo(message) { this.#test.todo = message === undefined ? true : message; }
  runOnly() {}
  plan() {}
  before(fn) { this.#test.hooks.before.push(fn); }
  after(fn) { this.#test.hooks.after.push(fn); }
  beforeEach(fn) { this.#test.hooks.beforeEach.push(fn); }
  afterEach(fn) { this.#test.hooks.afterEach.push(fn); }

  test(name, options, fn) {
    const sub = makeTest(this.#test, name, options, fn, false, this.test);
    return runTest(sub).then(() => undefined);
  }
}

function normalizeArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    options = {};
    name = fn.name || '<anonymous>';
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = undefined;
  }
  if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  if (name === undefined) name = (fn && fn.name) || '<anonymous>';
  if (fn === undefined) fn = () => {};
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  return { name: `${name}`, options, fn };
}

/** { file, line, column } of the code that called `api` (reported with the test). */
function callerLocation(api) {
  const holder = {};
  Error.captureStackTrace(holder, api);
  const frame = `${holder.stack}`.split('\n')[1] || '';
  const m = /\(([^()]*):(\d+):(\d+)\)$/.exec(frame) || /at (.*):(\d+):(\d+)$/.exec(frame);
  return m === null ? undefined : { file: m[1], line: Number(m[2]), column: Number(m[3]) };
}

function makeTest(parent, name, options, fn, isSuite, api) {
  const args = normalizeArgs(name, options, fn);
  const test = new Test(parent, args.name, args.options, args.fn, isSuite);
  test.location = callerLocation(api);
  return test;
}

/** `promise`, or a rejection once the test's timeout passes or its signal aborts. */
function withTimeout(test, promise) {
  const ms = test.timeout;
  const signal = test.signal;
  if (!Number.isFinite(ms) && signal === undefined) return promise;
  let timer;
  let onAbort;
  const cancel = new Promise((_, reject) => {
    if (Number.isFinite(ms)) {
      timer = realSetTimeout(() => {
        const err = new Error(`test timed out after ${ms}ms`);
        err.failureType = 'testTimeoutFailure';
        test.controller.abort(err);
        reject(err);
      }, ms);
    }
    if (signal !== undefined) {
      onAbort = () => {
        const err = new Error('This operation was aborted');
        err.failureType = 'testAborted';
        test.controller.abort(err);
        reject(err);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort);
    }
  });
  return Promise.race([promise, cancel]).finally(() => {
    realClearTimeout(timer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  });
}

/** Calls a test or hook function, with a done callback when it takes two arguments. */
function invoke(fn, thisArg, ctx) {
  if (fn.length >= 2) {
    return new Promise((resolve, reject) => {
      const result = Reflect.apply(fn, thisArg, [ctx, (err) => (err ? reject(err) : resolve())]);
      if (result && typeof result.then === 'function') {
        reject(new Error('passed a callback but also returned a Promise'));
      }
    });
  }
  return Promise.resolve(Reflect.apply(fn, thisArg, [ctx]));
}

function ancestors(test) {
  const out = [];
  for (let t = test.parent; t; t = t.parent) out.unshift(t);
  return out;
}

async function runHooks(list, ctx) {
  for (const hook of list) await invoke(hook, undefined, ctx);
}

/** Queues `test` under its parent; resolves once it has run and been reported. */
function runTest(test) {
  const parent = test.parent;
  parent.subtests.push(test);
  const done = new Promise((resolve) => {
    test.resolveDone = resolve;
  });
  parent.pending.push(test);
  advanceReport(parent);
  // Started from a microtask, as before: the code after test() runs first.
  Promise.resolve().then(() => pump(parent));
  return done;
}

/** Starts as many waiting subtests of `parent` as its concurrency allows. */
function pump(parent) {
  if (parent === root && !root.gateOpen) {
    openRootGate();
    return;
  }
  while (parent.gateOpen && parent.pending.length > 0 && parent.running < parent.concurrency) {
    const test = parent.pending.shift();
    parent.running++;
    execute(test).then(() => {
      parent.running--;
      test.resolveDone(test);
      pump(parent);
      if (parent.pending.length === 0 && parent.running === 0) {
        for (const resolve of parent.idleWaiters.splice(0)) resolve();
        if (parent === root) {
          const after = runRootAfterHooks();
          // --test-force-exit: the process ends once its tests have, whatever else is pending.
          if (forceExit) {
            Promise.resolve(after).then(() => {
              summarize();
              process.exit();
            });
          }
        }
      }
    });
  }
}

/** Resolves when every subtest of `test` queued so far (and those they queue) has finished. */
async function subtestsDone(test) {
  while (test.pending.length > 0 || test.running > 0) {
    await new Promise((resolve) => test.idleWaiters.push(resolve));
  }
}

// The root's before hooks (before() at the top level) run ahead of the first test; its after
// hooks once every test queued so far is done, even while handles keep the loop alive.
let rootBeforeStarted = false;
function openRootGate() {
  if (rootBeforeStarted) return;
  rootBeforeStarted = true;
  runHooks(root.hooks.before, new TestContext(root)).catch(rootHookFailed).then(() => {
    root.gateOpen = true;
    pump(root);
  });
}

let rootAfterRan = false;
function runRootAfterHooks() {
  if (rootAfterRan || root.hooks.after.length === 0) return undefined;
  rootAfterRan = true;
  return runHooks(root.hooks.after, new TestContext(root)).catch(rootHookFailed);
}

function rootHookFailed(err) {
  emit(root, 'test:diagnostic', { nesting: 0,
    message: `Error: a global hook failed: ${err && err.stack ? err.stack : err}` });
  process.exitCode = 1;
}

/** One event of `test`: through to its parent while it streams, buffered otherwise. */
function emit(test, type, data) {
  if (test === root) {
    deliver(type, data);
  } else if (test.streaming) {
    emit(test.parent, type, data);
  } else {
    test.buffer.push({ type, data });
  }
}

/** Lets the first unreported subtest of `parent` stream, flushing what it buffered. */
function advanceReport(parent) {
  while (parent.reportHead < parent.subtests.length) {
    const test = parent.subtests[parent.reportHead];
    if (!test.streaming) {
      test.streaming = true;
      for (const e of test.buffer.splice(0)) emit(parent, e.type, e.data);
    }
    if (!test.finished) return;
    parent.reportHead++;
  }
}

async function execute(test) {
  const ctx = new TestContext(test);
  const start = process.hrtime.bigint();
  emit(test, 'test:start', { name: test.name, nesting: test.nesting, ...test.location });
  if (!test.isSuite) {
    if (namePatterns.length > 0 &&
        !selfOrAncestor(test, (t) => namePatterns.some((re) => re.test(t.name)))) {
      test.skip = 'test name does not match pattern';
    } else if (!test.skip && testOnly && !selfOrAncestor(test, (t) => t.only)) {
      test.skip = "'only' option not set";
    }
  }
  if (test.only && !testOnly) {
    test.diagnostics.push("'only' and 'runOnly' require the --test-only command-line option.");
  }
  if (!test.skip && !(test.isSuite && test.error !== undefined)) {
    try {
      if (!test.isSuite) {
        for (const a of ancestors(test)) await runHooks(a.hooks.beforeEach, ctx);
      }
      if (test.isSuite) {
        // The suite's body already ran (describe() registers its tests); they wait for the
        // gate, opened once the before hooks are done.
        await runHooks(test.hooks.before, ctx);
        test.openGate();
        if (test.body !== undefined) await withTimeout(test, test.body);
      } else {
        await withTimeout(test, invoke(test.fn, ctx, ctx));
      }
      // Subtests registered while running (t.test() not awaited, it() inside describe).
      await subtestsDone(test);
      if (test.isSuite) await runHooks(test.hooks.after, ctx);
      if (!test.isSuite) {
        for (const a of ancestors(test).reverse()) await runHooks(a.hooks.afterEach, ctx);
        await runHooks(test.hooks.after, ctx);
      }
      const failed = test.subtests.filter((sub) => !sub.passed && !sub.todo && !sub.skip).length;
      if (failed > 0) {
        test.passed = false;
        // As in Node, what a parent "threw" is this message (not an Error: it has no stack).
        test.error = test.error || `${failed} subtest${failed === 1 ? '' : 's'} failed`;
      }
    } catch (err) {
      test.passed = false;
      test.error = err;
    } finally {
      if (test.mockTracker) test.mockTracker.reset();
    }
  }
  if (test.isSuite && test.error !== undefined) test.passed = false;
  test.duration = Number(process.hrtime.bigint() - start) / 1e6;
  report(test);
  test.finished = true;
  advanceReport(test.parent);
  return test;
}

// ===== reporting =====

const reporters = require('internal/test_runner/reporters');
// Under `--test` or run(), events go to the runner in the parent process, which reports them.
const childMode = process.env.NODE_TEST_CONTEXT === 'child-v8';
const testOnly = process.execArgv.includes('--test-only');
const forceExit = process.execArgv.includes('--test-force-exit');
const namePatterns = reporters.optionValues('--test-name-pattern').map((text) => {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  return m === null ? new RegExp(text) : new RegExp(m[1], m[2]);
});

function selfOrAncestor(test, predicate) {
  for (let t = test; t !== null && t !== root; t = t.parent) {
    if (predicate(t)) return true;
  }
  return false;
}

const root = new Test(null, '<root>', {}, () => {}, true);
root.nesting = -1;
root.streaming = true;
const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
let sink;
const startTime = process.hrtime.bigint();
let topIndex = 0;

function deliver(type, data) {
  if (sink === undefined) {
    sink = childMode
      ? { event: (e) => process.stdout.write(reporters.encodeEvent(e.type, e.data)), end() {} }
      : reporters.sinkFromOptions();
  }
  sink.event({ type, data });
}

/** The error a failed test reports: Node's ERR_TEST_FAILURE, with what was thrown as cause. */
function failureError(error, failureType) {
  if (error !== null && typeof error === 'object' && error.code === 'ERR_TEST_FAILURE') {
    return error;
  }
  const message = error instanceof Error ? error.message : `${error}`;
  const wrapper = new Error(message, { cause: error });
  wrapper.code = 'ERR_TEST_FAILURE';
  wrapper.failureType = failureType;
  return wrapper;
}

function report(test) {
  const n = test.parent.subtests.indexOf(test) + 1;
  if (test.parent === root) topIndex = Math.max(topIndex, n);
  if (test.isSuite) counts.suites++;
  else counts.tests++;
  const cancelled = test.error !== undefined && test.error !== null &&
    test.error.failureType !== undefined;
  if (!test.isSuite) {
    if (test.skip) counts.skipped++;
    else if (test.todo) counts.todo++;
    else if (test.passed) counts.pass++;
    else if (cancelled) counts.cancelled++;
    else counts.fail++;
  }
  if (test.subtests.length > 0) {
    emit(test, 'test:plan', { nesting: test.nesting + 1, count: test.subtests.length });
  }
  const details = { duration_ms: test.duration };
  if (test.isSuite) details.type = 'suite';
  const ok = test.passed || Boolean(test.skip);
  if (!ok && test.error !== undefined) {
    const failureType = cancelled ? test.error.failureType
      : test.isSuite || test.subtests.length ? 'subtestsFailed' : 'testCodeFailure';
    details.error = failureError(test.error, failureType);
  }
  const data = { name: test.name, nesting: test.nesting, testNumber: n, details,
    ...test.location };
  if (test.skip) data.skip = test.skip;
  else if (test.todo) data.todo = test.todo;
  emit(test, ok ? 'test:pass' : 'test:fail', data);
  for (const message of test.diagnostics) {
    emit(test, 'test:diagnostic', { nesting: test.nesting, message });
  }
  if (!test.passed && !test.todo && !test.skip) process.exitCode = 1;
}

process.on('beforeExit', summarize);

/** The run's plan and counts, once, when the process is about to end. */
function summarize() {
  if (sink === undefined || root.summarized) return;
  root.summarized = true;
  if (childMode) return;
  deliver('test:plan', { nesting: 0, count: topIndex });
  for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
    deliver('test:diagnostic', { nesting: 0, message: `${key} ${counts[key]}` });
  }
  const ms = (Number(process.hrtime.bigint() - startTime) / 1e6).toFixed(6);
  deliver('test:diagnostic', { nesting: 0, message: `duration_ms ${ms}` });
  sink.end();
}

// ===== the API =====

let currentSuite = root;

function test(name, options, fn) {
  return addTest(name, options, fn, test);
}

function addTest(name, options, fn, api) {
  const t = makeTest(currentSuite, name, options, fn, false, api);
  return runTest(t).then(() => undefined);
}

function describe(name, options, fn) {
  return addSuite(name, options, fn, describe);
}

function addSuite(name, options, fn, api) {
  const suite = makeTest(currentSuite, name, options, fn, true, api);
  const parent = currentSuite;
  // The body runs now, so the it() calls in it register on this suite; they wait for the
  // suite's gate (see execute()).
  suite.openGate = () => {
    suite.gateOpen = true;
    pump(suite);
  };
  if (!suite.skip) {
    currentSuite = suite;
    try {
      const result = suite.fn.call(suite, new TestContext(suite));
      if (result && typeof result.then === 'function') suite.body = result;
    } catch (err) {
      suite.passed = false;
      suite.error = err;
    } finally {
      currentSuite = parent;
    }
  } else {
    suite.gateOpen = true;
  }
  return runTest(suite).then(() => undefined);
}

function hook(kind) {
  return (fn) => {
    if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
    currentSuite.hooks[kind].push(fn);
  };
}

for (const [api, add] of [[test, addTest], [describe, addSuite]]) {
  for (const key of ['skip', 'todo', 'only']) {
    api[key] = function variant(name, options, f) {
      return add(...withOption(name, options, f, key), variant);
    };
  }
}

function withOption(name, options, fn, key) {
  const args = normalizeArgs(name, options, fn);
  return [args.name, { ...args.options, [key]: true }, args.fn];
}

const mock = new MockTracker();

test.test = test;
test.it = test;
test.describe = describe;
test.suite = describe;
test.before = hook('before');
test.after = hook('after');
test.beforeEach = hook('beforeEach');
test.afterEach = hook('afterEach');
test.mock = mock;
test.run = (options) => require('internal/test_runner/runner').run(options);

module.exports = test;
