'use strict';
// process.emitWarning() and the default 'warning' listener that prints warnings to stderr.
// The bootstrap (internal/bootstrap/node) installs both on `process`.

const { codes } = require('internal/errors');
const { getOptionValue } = require('internal/options');

let traceHintShown = false;

/**
 * Returns true when `warning` was scheduled to be thrown instead of emitted. The throw waits a
 * tick, so warnings emitted before it are printed first, as Node does; an uncaught report
 * then points at the throw statement below, which reads as Node's.
 */
function throwIfDeprecationsThrow(warning) {
  if (warning.name === 'DeprecationWarning') {
    if (process.throwDeprecation) {
      process.nextTick(() => {
        throw warning;
      });
      return true;
    }
  }
  return false;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    const err = new Error(warning);
    err.name = String(type || 'Warning');
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
    Error.captureStackTrace(err, ctor || process.emitWarning);
    warning = err;
  } else if (!(warning instanceof Error)) {
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  if (throwIfDeprecationsThrow(warning)) return;
  process.nextTick(() => process.emit('warning', warning));
}

/** The default 'warning' listener. Anything but an Error (process.emit('warning', 'x')) is ignored. */
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  // NODE_NO_WARNINGS=1 is --no-warnings, as in Node.
  if (process.noProcessWarnings || !getOptionValue('--warnings') ||
      process.env.NODE_NO_WARNINGS === '1') return;
  if (disabledWarnings().has(warning.code) || disabledWarnings().has(warning.name)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = getOptionValue('--trace-warnings') ||
    (isDeprecation && process.traceDeprecation);
  let text;
  if (trace && warning.stack) {
    text = warning.stack;
  } else {
    text = `${warning.name}: ${warning.message}`;
  }
  if (typeof warning.code === 'string') text = `[${warning.code}] ${text}`;
  // As Node: the prefix names the release ('node'), the hint the command that was run.
  let out = `(${process.release.name}:${process.pid}) ${text}\n`;
  if (typeof warning.detail === 'string') out += `${warning.detail}\n`;
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    const argv0 = require('path').basename(process.argv0 || 'node', '.exe');
    out += `(Use \`${argv0} ${flag} ...\` to show where the warning was created)\n`;
  }
  const file = redirectFile();
  if (file !== undefined) {
    try {
      require('fs').appendFileSync(file, out);
      return;
    } catch {
      // As Node: a file that cannot be written leaves the warning on stderr.
    }
  }
  process.stderr.write(out);
}

// --disable-warning=CODE_OR_TYPE (repeatable; on the command line or in NODE_OPTIONS): such
// warnings are still emitted as 'warning' events, only not printed.
let disabled;
function disabledWarnings() {
  if (disabled === undefined) disabled = new Set(getOptionValue('--disable-warning'));
  return disabled;
}

// --redirect-warnings=FILE (or NODE_REDIRECT_WARNINGS): warnings are appended to FILE.
function redirectFile() {
  let file = getOptionValue('--redirect-warnings');
  if (file === undefined) file = process.env.NODE_REDIRECT_WARNINGS;
  return file ? file : undefined;
}

/** Started from a startup snapshot: the hint is shown once in this process too; options anew. */
function refresh() {
  traceHintShown = false;
  disabled = undefined;
}

// --trace-sync-io: once the main script has run, every call of a synchronous I/O API prints
// Node's warning with the stack that made it.
let syncTraceOn = false;

/** Called when the main script has run: sync I/O from now on is traced (with the option). */
function startSyncTrace() {
  syncTraceOn = getOptionValue('--trace-sync-io');
}

/** With --trace-sync-io, make `target[name]` (for each name) report its calls once traced. */
function traceSyncCalls(target, names) {
  if (!getOptionValue('--trace-sync-io')) return;
  for (const name of names) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    const traced = function (...args) {
      if (syncTraceOn) {
        const frames = new Error().stack.split('\n').slice(1).join('\n');
        process._rawDebug(`(${process.release.name}:${process.pid}) WARNING: Detected use of sync API\n${frames}`);
      }
      return Reflect.apply(original, this, args);
    };
    // The stack names the API, as Node's does.
    Object.defineProperty(traced, 'name', { __proto__: null, value: name });
    Object.defineProperty(traced, 'length', { __proto__: null, value: original.length });
    target[name] = traced;
  }
}

module.exports = {
  emitWarning, onWarning, refresh, startSyncTrace, throwIfDeprecationsThrow, traceSyncCalls,
};
