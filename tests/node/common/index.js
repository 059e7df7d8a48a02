'use strict';
// A small stand-in for Node's test/common: the helpers Node's test/parallel files use,
// written against public APIs only. Checks registered with mustCall() run at process exit.

const assert = require('assert');
const path = require('path');
const util = require('util');

const noop = () => {};
const pending = [];

// tests/node/run.py names a file here. It says 'loaded' until the exit checks have all run and
// passed, so a test that loads this helper and then ends early (or skips) is not taken for a
// pass; a test that never loads the helper has no checks to run.
const marker = process.env.EDDY_NODE_TEST_MARKER;
let skipped = null;
if (marker) require('fs').writeFileSync(marker, 'loaded');

process.on('exit', (code) => {
  const failed = pending.filter((c) => !c.check());
  // A non-zero code was reported already; a later process.exit(0) from another 'exit' listener
  // can still turn it into a pass, and then these counts are what decides.
  if (code === 0 && failed.length !== 0) {
    for (const c of failed) console.error(c.message());
    process.exitCode = 1;
    return;
  }
  if (!marker) return;
  let text = skipped === null ? `checked ${pending.length}` : `skipped: ${skipped}`;
  // As Node's own helper, the counts are not held against a run that is failing at this point;
  // another 'exit' listener may still set the code back to 0 (the runner then sees exit 0).
  if (failed.length !== 0) text = `checked, deferred to the exit code (code ${code})`;
  require('fs').writeFileSync(marker, text);
});

function describe(fn) {
  return fn.name ? `function ${fn.name}` : 'anonymous function';
}

function mustCallInner(fn, expected, exact, where) {
  if (typeof fn === 'number') {
    expected = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (typeof expected !== 'number' || expected < 0) {
    throw new TypeError(`Invalid expected value: ${expected}`);
  }
  const stack = new Error().stack.split('\n').slice(3, 4).join('\n');
  const state = { actual: 0 };
  pending.push({
    check: () => (exact ? state.actual === expected : state.actual >= expected),
    message: () => `Mismatched ${describe(fn)} calls. Expected ${exact ? 'exactly' : 'at least'} ${expected}, actual ${state.actual}.\n${stack}`,
  });
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
  const stack = new Error().stack.split('\n').slice(2, 3).join('\n');
  return function mustNotCall(...args) {
    const argsInfo = args.length > 0 ? `\ncalled with arguments: ${args.map((a) => util.inspect(a)).join(', ')}` : '';
    assert.fail(`${msg || 'function should not have been called'} at ${stack.trim()}${argsInfo}`);
  };
}

function mustSucceed(fn, expected) {
  return mustCall(function (err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return Reflect.apply(fn, this, args);
    return undefined;
  }, expected);
}

function mustNotMutateObjectDeep(original) {
  return original;
}

/** Builds the validation object assert.throws takes, or a callback that checks an error. */
function expectsError(validator, exact) {
  // Older tests pass the throwing function first: expectsError(fn, settings[, exact]).
  if (typeof validator === 'function' && !(validator.prototype instanceof Error) &&
      validator !== Error && exact !== undefined && typeof exact !== 'number') {
    const fn = validator;
    const check = expectsError(exact);
    assert.throws(fn, check);
    return undefined;
  }
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail(`Expected one argument, got ${util.inspect(args)}`);
    const error = args[0];
    let rest = validator;
    // Older tests name the constructor as `type`.
    if (validator !== null && typeof validator === 'object' && !(validator instanceof RegExp) &&
        'type' in validator) {
      assert.ok(error instanceof validator.type,
        `Expected an instance of ${validator.type.name}, got ${util.inspect(error)}`);
      rest = { ...validator };
      delete rest.type;
    }
    assert.throws(() => { throw error; }, rest);
    return true;
  }, exact);
}

// Warning name -> checker for the next warning of that name (see expectWarning).
let warningCheckers;

/** Normalises the `expected` forms into a list of [message, code] pairs. */
function expectedWarnings(expected, code) {
  if (typeof expected === 'string' || expected instanceof RegExp) return [[expected, code]];
  if (!Array.isArray(expected)) {
    // { message: code, ... }
    return Object.entries(expected).map(([message, c]) => [message, c]);
  }
  if (expected.length !== 0 && !Array.isArray(expected[0])) return [[expected[0], expected[1]]];
  return expected.map((pair) => [pair[0], pair[1]]);
}

function warningChecker(name, expected) {
  const queue = expected.slice();
  // Every expected warning must arrive (checked at exit), and nothing more.
  return mustCall((warning) => {
    const next = queue.shift();
    if (next === undefined) assert.fail(`Unexpected extra warning received: ${warning}`);
    const [message, code] = next;
    assert.strictEqual(warning.name, name);
    if (message instanceof RegExp) assert.match(warning.message, message);
    else assert.strictEqual(warning.message, message);
    assert.strictEqual(warning.code, code);
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

function allowGlobals() {}

const common = {
  allowGlobals,
  arrayBufferViews,
  canCreateSymLink,
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
  hasOpenSSL3: false,
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
  PIPE: path.join(require('os').tmpdir(), `eddy-test-${process.pid}.sock`),
};

module.exports = common;
