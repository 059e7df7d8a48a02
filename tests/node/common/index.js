'use strict';
// A small stand-in for Node's test/common: the helpers Node's test/parallel files use,
// written against public APIs only. Checks registered with mustCall() run at process exit.

const path = require('path');
const util = require('util');

// The real process object: a test may replace the global (`global.process = {}`).
const process = globalThis.process;

// Kept: a test may delete util.inspect and still expect mustNotCall() to report.
const { inspect } = util;

// Loaded on first use: in Node 20.20 loading `assert` opens stderr, which a test of
// process.getActiveResourcesInfo() would then see.
let assertModule;
const lazyAssert = () => (assertModule ??= require('assert'));

const noop = () => {};
const pending = [];

// tests/node/run.py opens a file on the descriptor named here. It says 'loaded' until the exit
// checks have all run and passed, so a test that loads this helper and then ends early (or
// skips) is not taken for a pass; a test that never loads the helper has no checks to run.
// Written through the descriptor, not by path: the permission model denies writes by path
// (a test may run with --experimental-permission) but never checks fs.writeSync on an fd, and a
// test that drops root before exit still holds the descriptor.
const markerFd = process.env.EDDY_NODE_TEST_MARKER_FD === undefined ? -1 :
  Number(process.env.EDDY_NODE_TEST_MARKER_FD);
// Only the test's own process reports: the children it spawns (often itself again) must not
// write over its marker, and Node's environment has no such variable either.
delete process.env.EDDY_NODE_TEST_MARKER_FD;
let skipped = null;
let writeMarker = null;
if (markerFd >= 0) {
  // Taken now: a test may replace fs's functions before exit. No truncation is needed (and
  // ftruncateSync's path needs Array.prototype[Symbol.iterator], which a test may delete):
  // every text written at exit is longer than 'loaded', so it covers it.
  const { writeSync } = require('fs');
  writeMarker = (text) => writeSync(markerFd, text, 0);
  writeMarker('loaded');
}

// ----- leaked globals -----
// As Node's helper: at exit, an enumerable global that is neither one of the standard ones nor
// a value passed to allowGlobals() fails the test (NODE_TEST_KNOWN_GLOBALS=0 turns this off).
// The standard ones go by name, so lazily defined globals (crypto) are not read at exit.
const knownGlobalNames = new Set([
  'global', 'clearImmediate', 'clearInterval', 'clearTimeout', 'setImmediate', 'setInterval',
  'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch',
  'crypto', 'navigator',
]);
if (typeof globalThis.gc === 'function') knownGlobalNames.add('gc');
const knownGlobalValues = [];
// Read now: a test may replace process.env (or Array.prototype's iterator) before exit.
const checkGlobals = process.env.NODE_TEST_KNOWN_GLOBALS !== '0';

function allowGlobals(...allowlist) {
  for (let i = 0; i < allowlist.length; i++) knownGlobalValues.push(allowlist[i]);
}

function leakedGlobals() {
  const leaked = [];
  const names = Object.keys(globalThis);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (knownGlobalNames.has(name)) continue;
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (desc && 'value' in desc && knownGlobalValues.includes(desc.value)) continue;
    leaked.push(name);
  }
  return leaked;
}

process.on('exit', (code) => {
  const failed = pending.filter((c) => !c.check());
  // A non-zero code was reported already; a later process.exit(0) from another 'exit' listener
  // can still turn it into a pass, and then these counts are what decides.
  if (code === 0 && failed.length !== 0) {
    // On stdout, as Node's helper prints them.
    for (let i = 0; i < failed.length; i++) console.log(failed[i].message());
    process.exitCode = 1;
    return;
  }
  if (code === 0 && checkGlobals) {
    const leaked = leakedGlobals();
    if (leaked.length !== 0) {
      try {
        lazyAssert().fail(`Unexpected global(s) found: ${leaked.join(', ')}`);
      } catch (err) {
        console.error(err);
      }
      process.exitCode = 1;
      return;
    }
  }
  if (writeMarker === null) return;
  let text = skipped === null ? `checked ${pending.length}` : `skipped: ${skipped}`;
  // As Node's own helper, the counts are not held against a run that is failing at this point;
  // another 'exit' listener may still set the code back to 0 (the runner then sees exit 0).
  if (failed.length !== 0) text = `checked, deferred to the exit code (code ${code})`;
  writeMarker(text);
});

/** `file:line` of the caller of `top`. */
function getCallSite(top) {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, frames) => (frames.length === 0 ? '' :
    `${frames[0].getFileName()}:${frames[0].getLineNumber()}`);
  const holder = {};
  Error.captureStackTrace(holder, top);
  const site = holder.stack;
  Error.prepareStackTrace = original;
  return site;
}

function callRecord(state, name, expected, exact, stack) {
  return {
    check: () => (exact ? state.actual === expected : state.actual >= expected),
    message: () => `Mismatched ${name} function calls. Expected ${exact ? 'exactly' : 'at least'} ${expected}, actual ${state.actual}.\n${stack}`,
  };
}

function mustCallInner(fn, expected, exact, where) {
  if (typeof fn === 'number') {
    expected = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (typeof expected !== 'number' || expected < 0) {
    throw new TypeError(`Invalid ${exact ? 'exact' : 'minimum'} value: ${expected}`);
  }
  const stack = new Error().stack.split('\n').slice(3, 4).join('\n');
  const state = { actual: 0 };
  // The record is made outside this scope so that it keeps the name, not the function (all
  // closures of one scope share it): a test may check that what the function closes over is
  // collected once nothing else references it.
  pending.push(callRecord(state, fn.name || '<anonymous>', expected, exact, stack));
  const wrapped = function (...args) {
    state.actual++;
    return Reflect.apply(fn, this, args);
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length, configurable: true });
  Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
  return wrapped;
}

function mustCall(fn, expected = 1) {
  return mustCallInner(fn, expected, true);
}

function mustCallAtLeast(fn, minimum = 1) {
  return mustCallInner(fn, minimum, false);
}

function mustNotCall(msg) {
  const callSite = getCallSite(mustNotCall);
  return function mustNotCall(...args) {
    const argsInfo = args.length > 0 ? `\ncalled with arguments: ${args.map((a) => inspect(a)).join(', ')}` : '';
    lazyAssert().fail(`${msg || 'function should not have been called'} at ${callSite}${argsInfo}`);
  };
}

function mustSucceed(fn, expected) {
  return mustCall(function (err, ...args) {
    lazyAssert().ifError(err);
    if (typeof fn === 'function') return Reflect.apply(fn, this, args);
    return undefined;
  }, expected);
}

// One proxy per object, so a value read twice through the view is the same proxy.
const immutableViews = new WeakMap();
const immutableHandler = {
  __proto__: null,
  defineProperty(target, property) {
    lazyAssert().fail(`Expected no side effects, got ${inspect(property)} defined`);
  },
  deleteProperty(target, property) {
    lazyAssert().fail(`Expected no side effects, got ${inspect(property)} deleted`);
  },
  get(target, property, receiver) {
    return mustNotMutateObjectDeep(Reflect.get(target, property, receiver));
  },
  preventExtensions(target) {
    lazyAssert().fail('Expected no side effects, got extensions prevented');
  },
  set(target, property, value) {
    lazyAssert().fail(`Expected no side effects, got ${inspect(value)} assigned to ${inspect(property)}`);
  },
  setPrototypeOf(target, prototype) {
    lazyAssert().fail(`Expected no side effects, got set prototype to ${inspect(prototype)}`);
  },
};

/**
 * A view of `original` (and of every object reached through it) that fails the test on any
 * mutation. Primitives and functions come back as they are.
 */
function mustNotMutateObjectDeep(original) {
  if (original === null || typeof original !== 'object') return original;
  let view = immutableViews.get(original);
  if (view === undefined) {
    view = new Proxy(original, immutableHandler);
    immutableViews.set(original, view);
  }
  return view;
}

/** Builds the validation object assert.throws takes, or a callback that checks an error. */
function expectsError(validator, exact) {
  // Older tests pass the throwing function first: expectsError(fn, settings[, exact]).
  if (typeof validator === 'function' && !(validator.prototype instanceof Error) &&
      validator !== Error && exact !== undefined && typeof exact !== 'number') {
    const fn = validator;
    const check = expectsError(exact);
    lazyAssert().throws(fn, check);
    return undefined;
  }
  return mustCall((...args) => {
    if (args.length !== 1) lazyAssert().fail(`Expected one argument, got ${util.inspect(args)}`);
    const error = args[0];
    let rest = validator;
    // Older tests name the constructor as `type`.
    if (validator !== null && typeof validator === 'object' && !(validator instanceof RegExp) &&
        'type' in validator) {
      lazyAssert().ok(error instanceof validator.type,
        `Expected an instance of ${validator.type.name}, got ${util.inspect(error)}`);
      rest = { ...validator };
      delete rest.type;
    }
    lazyAssert().throws(() => { throw error; }, rest);
    return true;
  }, exact);
}

// Warning name -> checker for the next warning of that name (see expectWarning).
let warningCheckers;

/** Normalises the `expected` forms into a list of [message, code] pairs. */
function expectedWarnings(expected, code) {
  if (typeof expected === 'string' || expected instanceof RegExp) return [[expected, code]];
  if (!Array.isArray(expected)) {
    // { code: message, ... }
    return Object.entries(expected).map(([c, message]) => [message, c]);
  }
  if (expected.length !== 0 && !Array.isArray(expected[0])) return [[expected[0], expected[1]]];
  return expected.map((pair) => [pair[0], pair[1]]);
}

function warningChecker(name, expected) {
  const queue = expected.slice();
  // Every expected warning must arrive (checked at exit), and nothing more.
  return mustCall((warning) => {
    const next = queue.shift();
    if (next === undefined) lazyAssert().fail(`Unexpected extra warning received: ${warning}`);
    const [message, code] = next;
    lazyAssert().strictEqual(warning.name, name);
    if (message instanceof RegExp) lazyAssert().match(warning.message, message);
    else lazyAssert().strictEqual(warning.message, message);
    lazyAssert().strictEqual(warning.code, code);
  }, expected.length);
}

function expectWarning(nameOrMap, expected, code) {
  if (warningCheckers === undefined) {
    warningCheckers = Object.create(null);
    process.on('warning', (warning) => {
      const check = warningCheckers[warning.name];
      if (check === undefined) {
        throw new TypeError(`"${warning.name}" was triggered without being expected.\n${util.inspect(warning)}`);
      }
      check(warning);
    });
  }
  if (typeof nameOrMap === 'string') {
    warningCheckers[nameOrMap] = warningChecker(nameOrMap, expectedWarnings(expected, code));
  } else {
    for (const name of Object.keys(nameOrMap)) {
      warningCheckers[name] = warningChecker(name, expectedWarnings(nameOrMap[name]));
    }
  }
}

function invalidArgTypeHelper(input) {
  if (input == null) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) {
      return ` Received an instance of ${input.constructor.name}`;
    }
    return ` Received ${util.inspect(input, { depth: -1 })}`;
  }
  let inspected = util.inspect(input, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return ` Received type ${typeof input} (${inspected})`;
}

const arrayBufferViews = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
];

function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const out = [];
  for (const Type of arrayBufferViews) {
    const { BYTES_PER_ELEMENT = 1 } = Type;
    if (byteLength % BYTES_PER_ELEMENT === 0) {
      out.push(new Type(buffer, byteOffset, byteLength / BYTES_PER_ELEMENT));
    }
  }
  return out;
}

function getBufferSources(buf) {
  return [...getArrayBufferViews(buf), new Uint8Array(buf).buffer];
}

function skip(msg) {
  skipped = String(msg);
  console.log(`1..0 # Skipped: ${msg}`);
  process.exit(0);
}

function printSkipMessage(msg) {
  console.log(`1..0 # Skipped: ${msg}`);
}

function platformTimeout(ms) {
  return ms;
}

function runWithInvalidFD(fn) {
  let fd = 1 << 30;
  return fn(fd);
}

function canCreateSymLink() {
  return true;
}


function skipIfDumbTerminal() {
  if (process.env.TERM === 'dumb') skip('skipping - dumb terminal');
}

/** Runs a child process and resolves with { code, signal, stdout, stderr } once it closes. */
function spawnPromisified(...args) {
  const { spawn } = require('child_process');
  let stderr = '';
  let stdout = '';
  const child = spawn(...args);
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (data) => { stderr += data; });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data) => { stdout += data; });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout }));
    child.on('error', (code, signal) => reject({ code, signal, stderr, stdout }));
  });
}

/** Collects garbage (a few rounds, a loop turn apart) until `condition()` holds. */
async function gcUntil(name, condition) {
  let gc = globalThis.gc;
  if (typeof gc !== 'function') {
    require('v8').setFlagsFromString('--expose-gc');
    gc = require('vm').runInNewContext('gc');
  }
  const { setImmediate: tick } = require('timers/promises');
  for (let count = 0; count < 10; count++) {
    await tick();
    gc();
    if (condition()) return;
  }
  throw new Error(`Test ${name} failed`);
}

/** Fails when a package.json above `dir` could change how the test's files load. */
function requireNoPackageJSONAbove(dir = require.main && path.dirname(require.main.filename)) {
  const fs = require('fs');
  let here = path.dirname(dir);
  for (let up = path.dirname(here); here !== up; here = up, up = path.dirname(here)) {
    const file = path.join(here, 'package.json');
    if (fs.existsSync(file)) {
      const err = new Error(`This test shouldn't load properties from a package.json above its file location: ${file}`);
      err.code = 'ERR_PACKAGE_JSON_ABOVE';
      throw err;
    }
  }
}

// Exit codes and signals of a process that called abort() (SIGABRT; V8 may also trap).
function nodeProcessAborted(exitCode, signal) {
  if (process.platform === 'win32') return exitCode === 0xC0000409 || exitCode === 134;
  return ['SIGABRT', 'SIGTRAP', 'SIGILL'].includes(signal) || [132, 133, 134].includes(exitCode);
}

/** Re-runs this test in a child with core dumps off and checks that the child aborted. */
function childShouldThrowAndAbort() {
  const { exec } = require('child_process');
  let command = '';
  if (process.platform !== 'win32') command += 'ulimit -c 0 && ';
  const quote = (s) => `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
  command += [process.argv[0], '--abort-on-uncaught-exception', process.argv[1], 'child']
    .map(quote).join(' ');
  const child = exec(command);
  child.on('exit', mustCall((exitCode, signal) => {
    lazyAssert().ok(nodeProcessAborted(exitCode, signal),
                    `Expected an abort, got exit code ${exitCode}, signal ${signal}`);
  }));
}

function isAlive(pid) {
  try {
    process.kill(pid, 'SIGCONT');
    return true;
  } catch {
    return false;
  }
}

function createZeroFilledFile(filename) {
  require('fs').writeFileSync(filename, Buffer.alloc(10 * 1024 * 1024));
}

function hasOpenSSL(major, minor = 0) {
  const version = process.versions.openssl;
  if (typeof version !== 'string') return false;
  const [maj, min] = version.split('.').map(Number);
  return maj > major || (maj === major && min >= minor);
}

const common = {
  allowGlobals,
  arrayBufferViews,
  canCreateSymLink,
  checkoutEOL: process.platform === 'win32' ? '\r\n' : '\n',
  childShouldThrowAndAbort,
  createZeroFilledFile,
  defaultAutoSelectFamilyAttemptTimeout: platformTimeout(2500),
  gcUntil,
  get hasFipsCrypto() {
    const crypto = require('crypto');
    return typeof crypto.getFips === 'function' && Boolean(crypto.getFips());
  },
  hasMultiLocalhost: () => false,
  get hasOpenSSL3() { return hasOpenSSL(3); },
  get hasOpenSSL31() { return hasOpenSSL(3, 1); },
  hasQuic: false,
  inFreeBSDJail: false,
  isAlive,
  isASan: false,
  isAsan: false,
  isDebug: false,
  nodeProcessAborted,
  opensslCli: false,
  pwdCommand: process.platform === 'win32' ? ['cmd.exe', ['/d', '/c', 'cd']] : ['pwd', []],
  requireNoPackageJSONAbove,
  skipIfDumbTerminal,
  spawnPromisified,
  crashOnUnhandledRejection() {},
  enoughTestMem: true,
  expectsError,
  expectWarning,
  get fixturesDir() { return require('./fixtures').fixturesDir; },
  getArrayBufferViews,
  getBufferSources,
  hasCrypto: true,
  hasIntl: typeof Intl === 'object',
  hasIPv6: false,
  invalidArgTypeHelper,
  isAIX: false,
  isDumbTerminal: process.env.TERM === 'dumb',
  isFreeBSD: false,
  isIBMi: false,
  isLinux: process.platform === 'linux',
  isMainThread: true,
  isOpenBSD: false,
  isOSX: process.platform === 'darwin',
  isMacOS: process.platform === 'darwin',
  isSunOS: false,
  isWindows: process.platform === 'win32',
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  noop,
  platformTimeout,
  printSkipMessage,
  runWithInvalidFD,
  skip,
  skipIfInspectorDisabled() {},
  skipIf32Bits() {},
  skipIfEslintMissing() { skip('no eslint'); },
  skipIfWorker() {},
  // In the test's own tmpdir, as Node's helper has it: tmpdir.refresh() clears a socket left
  // by an earlier process with the same pid (in the shared /tmp such leftovers made listen()
  // fail with EADDRINUSE).
  PIPE: path.join(require('./tmpdir').path, `eddy-test-${process.pid}.sock`),
};

module.exports = common;
