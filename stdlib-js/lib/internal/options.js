'use strict';

// Option values as Node's getOptionValue gives them: NODE_OPTIONS first, then the command line
// (process.execArgv as the process started, or a worker's own), the last occurrence winning;
// `--no-x` turns a boolean off; `_` reads as `-` within a name. The command (cli/src/options.rs)
// has already refused what Node refuses, so reading here is lenient.

// Options that take a value (`--x=v` or `--x v`); the repeatable ones collect every value.
const kLists = new Set(['--require', '--import', '--conditions', '--env-file', '--disable-warning',
  '--allow-fs-read', '--allow-fs-write', '--experimental-loader', '--security-revert',
  '--test-name-pattern', '--test-reporter', '--test-reporter-destination', '--v8-flag',
  '--watch-path']);
const kValues = new Set(['--eval', '--input-type', '--max-http-header-size', '--title',
  '--snapshot-blob',
  '--unhandled-rejections', '--disable-proto', '--redirect-warnings', '--tls-keylog',
  '--tls-cipher-list', '--dns-result-order', '--diagnostic-dir', '--heapsnapshot-signal',
  '--heapsnapshot-near-heap-limit', '--openssl-config', '--stack-trace-limit', '--stack-size',
  '--max-old-space-size', '--max-semi-space-size', '--gc-interval', '--trace-event-categories',
  '--trace-event-file-pattern', '--v8-pool-size', '--experimental-default-type',
  '--experimental-policy', '--experimental-specifier-resolution', '--test-concurrency',
  '--test-shard', '--test-timeout', '--inspect-port', '--secure-heap', '--secure-heap-min',
  '--report-dir', '--report-directory', '--report-filename', '--report-signal',
  '--cpu-prof-dir', '--cpu-prof-interval', '--cpu-prof-name', '--heap-prof-dir',
  '--heap-prof-interval', '--heap-prof-name', '--policy-integrity', '--experimental-sea-config',
  '--logfile']);
const kAliases = {
  '__proto__': null, '-r': '--require', '-C': '--conditions', '-e': '--eval', '-p': '--print',
  '-c': '--check', '-i': '--interactive', '-v': '--version', '-h': '--help',
  '--loader': '--experimental-loader', '--debug-port': '--inspect-port',
};
// Booleans that are on unless turned off.
const kOnByDefault = new Set(['--warnings', '--deprecation', '--addons', '--global-search-paths',
  '--extra-info-on-fatal-exception', '--force-async-hooks-checks', '--experimental-fetch',
  '--experimental-global-customevent', '--experimental-global-webcrypto',
  '--experimental-global-navigator', '--experimental-websocket', '--network-family-autoselection',
  '--experimental-repl-await', '--concurrent-array-buffer-sweeping', '--node-snapshot']);

/** Split NODE_OPTIONS as Node does: at spaces, except within double quotes (where `\` escapes). */
function tokenize(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') { i++; continue; }
    let token = '';
    while (i < text.length && text[i] !== ' ') {
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          token += text[i++];
        }
        i++;
      } else {
        token += text[i++];
      }
    }
    out.push(token);
  }
  return out;
}

/** Read `args` into `values` (a Map from option name to its value). */
function read(values, args, fromEnv) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--' || arg === '-' || !arg.startsWith('-')) {
      if (fromEnv) continue;
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    let name = eq === -1 ? arg : arg.slice(0, eq);
    if (name.startsWith('--')) name = `--${name.slice(2).replace(/_/g, '-')}`;
    if (name === '-pe' || name === '-ep') {
      values.set('--print', true);
      name = '--eval';
    }
    name = kAliases[name] || name;
    if (kLists.has(name) || kValues.has(name)) {
      let value;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      else continue;
      if (kLists.has(name)) {
        if (!values.has(name)) values.set(name, []);
        values.get(name).push(value);
      } else {
        values.set(name, value);
      }
    } else if (name.startsWith('--no-')) {
      values.set(`--${name.slice(5)}`, false);
    } else {
      values.set(name, true);
      // `-p CODE`: the code follows unless it is an option.
      if (name === '--print' && eq === -1 && i + 1 < args.length && !args[i + 1].startsWith('-')) {
        values.set('--eval', args[++i]);
      }
    }
  }
}

let execArgv = [];
let nodeOptions = '';
let cache = null;

/**
 * Set where options come from: the process's command line and NODE_OPTIONS at start-up, or a
 * worker's execArgv and the NODE_OPTIONS of the environment it was given.
 */
function setSources(argv, envOptions) {
  execArgv = argv.slice();
  nodeOptions = typeof envOptions === 'string' ? envOptions : '';
  cache = null;
}

/** The value of option `name` (`--x`): true/false, a string, an array, or undefined. */
function getOptionValue(name) {
  if (cache === null) {
    cache = new Map();
    read(cache, tokenize(nodeOptions), true);
    read(cache, execArgv, false);
  }
  if (cache.has(name)) return cache.get(name);
  if (kLists.has(name)) return [];
  if (kOnByDefault.has(name)) return true;
  return kValues.has(name) ? undefined : false;
}

/**
 * What options make of every realm (the main one, a worker's, a vm context's), given its
 * global object: --disable-proto removes Object.prototype.__proto__ or makes it throw.
 */
function prepareRealm(global) {
  const mode = getOptionValue('--disable-proto');
  if (mode === 'delete') {
    delete global.Object.prototype.__proto__;
  } else if (mode === 'throw') {
    const { codes } = require('internal/errors');
    const refuse = () => { throw new codes.ERR_PROTO_ACCESS(); };
    Object.defineProperty(global.Object.prototype, '__proto__', {
      __proto__: null, get: refuse, set: refuse, enumerable: false, configurable: true,
    });
  }
}

module.exports = { getOptionValue, prepareRealm, setSources, tokenize };
