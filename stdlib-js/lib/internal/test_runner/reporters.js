'use strict';
// node:test's reporters: each turns the test events ({ type, data }: test:start, test:pass,
// test:fail, test:plan, test:diagnostic, test:stdout, test:stderr) into text. The built-in
// ones (tap, spec, dot) are synchronous formatters (`event(e)` and `end()` return the text to
// write) so a test file's own output and its report keep their order; `node:test/reporters`
// exposes them as the async generators of Node's reporter API. Also here: the encoding a test
// file run under `--test` (or run()) uses to hand its events to the parent process.

const path = require('path');
const { inspect } = require('internal/util/inspect');

// ===== tap =====

function tapIndent(nesting) {
  return '    '.repeat(Math.max(0, nesting));
}

/**
 * `value` in the YAML Node's TAP reporter writes, after a `key:` indented by `pad`: inline,
 * or on the following lines indented two more.
 */
function yamlValue(value, pad) {
  if (value === null || value === undefined) return ' ~';
  if (typeof value === 'string') {
    if (!value.includes('\n')) return ` '${value.replace(/'/g, "''")}'`;
    return ` |-\n${value.split('\n').map((l) => `${pad}  ${l}`).join('\n')}`;
  }
  if (typeof value !== 'object') return ` ${typeof value === 'symbol' ? value.toString() : value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return Array.isArray(value) ? ' []' : ' {}';
  return keys.map((k) => `\n${pad}  ${k}:${yamlValue(value[k], `${pad}  `)}`).join('');
}

function yamlError(pad, err) {
  const lines = [];
  const isError = err instanceof Error;
  const message = isError ? `${err.message}` : typeof err === 'string' ? err : inspect(err);
  const keyPad = `${pad}  `;
  const field = (key, value) => lines.push(`${keyPad}${key}:${yamlValue(value, keyPad)}`);
  field('error', message);
  if (isError && err.code !== undefined) {
    field('code', err.code);
    field('name', err.name);
  } else {
    field('code', 'ERR_TEST_FAILURE');
  }
  if (isError && ('expected' in err || 'actual' in err)) {
    field('expected', err.expected);
    field('actual', err.actual);
    field('operator', err.operator);
  }
  if (isError && typeof err.stack === 'string' && err.failureType === undefined) {
    lines.push(`${keyPad}stack: |-`);
    for (const l of err.stack.split('\n')) {
      if (/^\s+at /.test(l)) lines.push(`${keyPad}  ${l.trim().slice(3)}`);
    }
  }
  return lines;
}

/**
 * An event's own `key` (skip, todo): what a mutated Object.prototype holds is not the event's.
 */
function own(data, key) {
  return data !== null && typeof data === 'object' && Object.prototype.hasOwnProperty.call(data, key)
    ? data[key] : undefined;
}

function directive(data) {
  const skip = own(data, 'skip');
  if (skip !== undefined && skip !== false) {
    return ` # SKIP${typeof skip === 'string' ? ` ${skip}` : ''}`;
  }
  const todo = own(data, 'todo');
  if (todo !== undefined && todo !== false) {
    return ` # TODO${typeof todo === 'string' ? ` ${todo}` : ''}`;
  }
  return '';
}

/** The error a failure reports: what the test threw (the ERR_TEST_FAILURE's cause). */
function failureCause(error) {
  if (error !== null && typeof error === 'object' && error.code === 'ERR_TEST_FAILURE' &&
      'cause' in error) {
    return error.cause;
  }
  return error;
}

class TapFormatter {
  #started = false;

  start() {
    if (this.#started) return '';
    this.#started = true;
    return 'TAP version 13\n';
  }

  event({ type, data }) {
    const out = this.start();
    const pad = tapIndent(data.nesting ?? 0);
    switch (type) {
      case 'test:start':
        return `${out}${pad}# Subtest: ${data.name}\n`;
      case 'test:pass':
      case 'test:fail':
        return out + this.#result(type === 'test:pass', data, pad);
      case 'test:plan':
        return `${out}${pad}1..${data.count}\n`;
      case 'test:diagnostic':
        return `${out}${pad}# ${data.message}\n`;
      case 'test:stdout':
      case 'test:stderr':
        return out + `${data.message}`.replace(/\r?\n$/, '').split(/\r?\n/)
          .map((l) => `# ${l}\n`).join('');
      default:
        return out;
    }
  }

  #result(ok, data, pad) {
    const lines = [];
    const details = data.details ?? {};
    lines.push(`${pad}${ok ? 'ok' : 'not ok'} ${data.testNumber} - ${data.name}${directive(data)}`);
    lines.push(`${pad}  ---`);
    const ms = Number(details.duration_ms ?? 0);
    lines.push(`${pad}  duration_ms: ${ms.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')}`);
    if (details.type === 'suite') lines.push(`${pad}  type: 'suite'`);
    const error = details.error;
    if (!ok && error !== undefined) {
      if (data.file !== undefined && data.line !== undefined) {
        lines.push(`${pad}  location: '${data.file}:${data.line}:${data.column}'`);
      }
      lines.push(`${pad}  failureType: '${error.failureType}'`);
      lines.push(...yamlError(pad, failureCause(error)));
    }
    lines.push(`${pad}  ...`);
    return `${lines.join('\n')}\n`;
  }

  end() {
    return '';
  }
}

// ===== spec and dot =====

const SYMBOLS = { pass: '\u2714', fail: '\u2716', skip: '\ufe63', parent: '\u25b6', info: '\u2139' };
const COLORS = { pass: '\x1b[32m', fail: '\x1b[31m', skip: '\x1b[90m', info: '\x1b[34m',
  parent: '', reset: '\x1b[39m' };

function duration(details, colors = false) {
  const text = `(${details?.duration_ms ?? 0}ms)`;
  return colors ? ` \x1b[90m${text}\x1b[39m` : ` ${text}`;
}

/** The spec reporter's "# reason" after a skipped or todo test. */
function specDirective(data) {
  for (const [key, word] of [['skip', 'SKIP'], ['todo', 'TODO']]) {
    const v = own(data, key);
    if (v !== undefined && v !== false) return ` # ${typeof v === 'string' && v !== '' ? v : word}`;
  }
  return '';
}

/** A failed test's error as inspect shows it, one string per line. */
function errorLines(error, colors = false) {
  return inspect(failureCause(error), { colors }).split('\n');
}

class SpecFormatter {
  #colors;
  #stack = [];
  #failures = [];

  constructor(colors = false) {
    this.#colors = colors;
  }

  #paint(kind, text) {
    if (!this.#colors || COLORS[kind] === '') return text;
    return `${COLORS[kind]}${text}${COLORS.reset}`;
  }

  start() {
    return '';
  }

  event({ type, data }) {
    const pad = '  '.repeat(Math.max(0, data.nesting ?? 0));
    switch (type) {
      case 'test:start':
        this.#stack.push({ name: data.name, nesting: data.nesting, shown: false });
        return '';
      case 'test:pass':
      case 'test:fail':
        return this.#result(type === 'test:pass', data, pad);
      case 'test:diagnostic':
        return `${pad}${this.#paint('info', `${SYMBOLS.info} ${data.message}`)}\n`;
      case 'test:stdout':
      case 'test:stderr':
        return `${data.message}`;
      default:
        return '';
    }
  }

  #result(ok, data, pad) {
    // This test's own start ends here; its parents are titled once their first child is done.
    const top = this.#stack.length - 1;
    if (top >= 0 && this.#stack[top].nesting === data.nesting) this.#stack.pop();
    let out = '';
    for (const parent of this.#stack) {
      if (parent.shown || parent.nesting >= data.nesting) continue;
      parent.shown = true;
      out += `${'  '.repeat(parent.nesting)}${SYMBOLS.parent} ${parent.name}\n`;
    }
    const skipped = own(data, 'skip') !== undefined && own(data, 'skip') !== false;
    const kind = ok ? (skipped ? 'skip' : 'pass') : 'fail';
    const line = `${SYMBOLS[kind]} ${data.name}${duration(data.details, this.#colors)}` +
      specDirective(data);
    out += `${pad}${this.#paint(kind, line)}\n`;
    const error = data.details?.error;
    if (!ok && error !== undefined && error.failureType !== 'subtestsFailed') {
      out += `${errorLines(error, this.#colors).map((l) => `${pad}  ${l}`).join('\n')}\n\n`;
      this.#failures.push(data);
    }
    return out;
  }

  end() {
    if (this.#failures.length === 0) return '';
    const reports = this.#failures.map((data) => {
      let where = '';
      if (data.file !== undefined && data.line !== undefined) {
        where = `test at ${path.relative(process.cwd(), data.file)}:${data.line}:${data.column}\n`;
      }
      const head = `${SYMBOLS.fail} ${data.name}${duration(data.details, this.#colors)}` +
        specDirective(data);
      const body = errorLines(data.details.error, this.#colors).map((l) => `  ${l}`).join('\n');
      return `${where}${this.#paint('fail', head)}\n${body}\n`;
    });
    return `${['', this.#paint('fail', `${SYMBOLS.fail} failing tests:`), ''].join('\n')}\n` +
      reports.join('\n');
  }
}

class DotFormatter {
  #count = 0;
  #failures = [];

  start() {
    return '';
  }

  event({ type, data }) {
    if (type !== 'test:pass' && type !== 'test:fail') return '';
    let out = type === 'test:pass' ? '.' : 'X';
    if (type === 'test:fail') this.#failures.push(data);
    if (++this.#count % 20 === 0) out += '\n';
    return out;
  }

  end() {
    let out = '\n';
    if (this.#failures.length > 0) {
      out += '\nFailed tests:\n\n';
      for (const data of this.#failures) {
        out += `${SYMBOLS.fail} ${data.name}${duration(data.details)}${specDirective(data)}\n`;
        out += `${errorLines(data.details.error).map((l) => `  ${l}`).join('\n')}\n`;
      }
    }
    return out;
  }
}

const FORMATTERS = { __proto__: null, tap: TapFormatter, spec: SpecFormatter, dot: DotFormatter };

/** As Node's reporter API: an async generator of text over a source of events. */
function asGenerator(Formatter) {
  return async function* reporter(source) {
    const formatter = new Formatter();
    const first = formatter.start();
    if (first !== '') yield first;
    for await (const event of source) {
      const text = formatter.event(event);
      if (text !== '') yield text;
    }
    const last = formatter.end();
    if (last !== '') yield last;
  };
}

// ===== the protocol between a test file's process and its runner =====

// Starts every line that carries an event; anything else a test file prints is its output.
const MARKER = '\u001e\u001fnode:test ';

function encode(value, seen = new Set()) {
  switch (typeof value) {
    case 'undefined': return { $: 'u' };
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: 'n', v: String(value) };
    case 'bigint': return { $: 'b', v: String(value) };
    case 'symbol': return { $: 'i', v: value.toString() };
    case 'function': return { $: 'i', v: inspect(value) };
    case 'string':
    case 'boolean':
      return value;
    default:
      break;
  }
  if (value === null) return null;
  if (seen.has(value)) return { $: 'i', v: inspect(value) };
  seen.add(value);
  try {
    if (value instanceof Error) {
      const props = {};
      for (const key of Object.keys(value)) props[key] = encode(value[key], seen);
      const out = { $: 'e', ctor: value.constructor?.name ?? 'Error', name: `${value.name}`,
        message: `${value.message}`, stack: value.stack, props };
      if (Object.prototype.hasOwnProperty.call(value, 'cause')) out.cause = encode(value.cause, seen);
      return out;
    }
    if (Array.isArray(value)) return value.map((v) => encode(v, seen));
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const props = {};
      for (const key of Object.keys(value)) props[key] = encode(value[key], seen);
      return { $: 'o', v: props };
    }
    return { $: 'i', v: inspect(value) };
  } finally {
    seen.delete(value);
  }
}

const errorClasses = new Map();
function errorClass(name) {
  const builtin = globalThis[name];
  if (typeof builtin === 'function' && builtin.prototype instanceof Error) return builtin;
  if (name === 'Error') return Error;
  if (name === 'AssertionError') return require('assert').AssertionError;
  let cls = errorClasses.get(name);
  if (cls === undefined) {
    cls = { [name]: class extends Error {} }[name];
    errorClasses.set(name, cls);
  }
  return cls;
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  switch (value.$) {
    case 'u': return undefined;
    case 'n': return Number(value.v);
    case 'b': return BigInt(value.v);
    case 'i': {
      // Shown as it was in the test's process.
      const text = value.v;
      return { [inspect.custom]() { return text; } };
    }
    case 'e': {
      const err = Object.create(errorClass(value.ctor).prototype);
      if (err.name !== value.name) {
        Object.defineProperty(err, 'name', { value: value.name, writable: true, configurable: true });
      }
      Object.defineProperty(err, 'message', { value: value.message, writable: true, configurable: true });
      Object.defineProperty(err, 'stack', { value: value.stack, writable: true, configurable: true });
      if ('cause' in value) {
        Object.defineProperty(err, 'cause', { value: decode(value.cause), writable: true, configurable: true });
      }
      for (const key of Object.keys(value.props)) err[key] = decode(value.props[key]);
      return err;
    }
    case 'o': {
      const out = {};
      for (const key of Object.keys(value.v)) out[key] = decode(value.v[key]);
      return out;
    }
    default:
      return value;
  }
}

function encodeEvent(type, data) {
  return `${MARKER}${JSON.stringify({ type, data: encode(data) })}\n`;
}

/** A line of a test file's output: the event it carries, or undefined for plain output. */
function decodeEvent(line) {
  if (!line.startsWith(MARKER)) return undefined;
  try {
    const { type, data } = JSON.parse(line.slice(MARKER.length));
    return { type, data: decode(data) };
  } catch {
    return undefined;
  }
}

module.exports = {
  FORMATTERS,
  MARKER,
  TapFormatter,
  SpecFormatter,
  DotFormatter,
  asGenerator,
  encodeEvent,
  decodeEvent,
};

// ===== where reports go =====

/** A destination's write function, and whether it is a terminal that shows colors. */
function destination(name) {
  if (name === 'stdout' || name === 'stderr') {
    const stream = process[name];
    return {
      stream,
      write: (text) => stream.write(text),
      colors: stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors(),
    };
  }
  const fs = require('fs');
  const fd = fs.openSync(name, 'w');
  return { stream: undefined, path: name, write: (text) => fs.writeSync(fd, text), colors: false };
}

/** A reporter given by module (a path or package name): Node's reporter API, loaded async. */
function moduleSink(name, dest) {
  const { Readable } = require('stream');
  const source = new Readable({ objectMode: true, read() {} });
  const { createRequire } = require('module');
  const { pathToFileURL } = require('url');
  const cwd = process.cwd();
  let specifier;
  try {
    specifier = pathToFileURL(createRequire(path.join(cwd, 'index.js')).resolve(name)).href;
  } catch {
    specifier = name;
  }
  const { importModuleDynamically } = require('internal/modules/esm/loader');
  const loaded = importModuleDynamically(specifier, pathToFileURL(`${cwd}/`).href)
    .then((ns) => {
      let reporter = ns !== null && typeof ns === 'object' && 'default' in ns ? ns.default : ns;
      if (reporter !== null && typeof reporter === 'object' && 'default' in reporter &&
          typeof reporter.pipe !== 'function') {
        reporter = reporter.default;
      }
      const output = typeof reporter === 'function' ? Readable.from(reporter(source)) : source.pipe(reporter);
      const target = dest.stream ?? require('fs').createWriteStream(dest.path);
      output.on('data', (chunk) => target.write(chunk));
    });
  loaded.catch((err) => {
    process.exitCode = 1;
    process.nextTick(() => { throw err; });
  });
  return {
    event(e) { source.push(e); },
    end() { source.push(null); },
    start() {},
  };
}

/**
 * Where a process's test events go, from --test-reporter and --test-reporter-destination
 * (repeatable, paired in order). Without them: spec on a terminal, tap otherwise.
 */
function createSink(names, destinations) {
  const { codes } = require('internal/errors');
  if (names.length === 0) names = [process.stdout.isTTY ? 'spec' : 'tap'];
  if (destinations.length === 0 && names.length === 1) destinations = ['stdout'];
  if (destinations.length !== names.length) {
    throw new codes.ERR_INVALID_ARG_VALUE('--test-reporter', names,
      'must match the number of specified \'--test-reporter-destination\'');
  }
  const sinks = names.map((name, i) => {
    const dest = destination(destinations[i]);
    const Formatter = FORMATTERS[name];
    if (Formatter === undefined) return moduleSink(name, dest);
    const formatter = Formatter === SpecFormatter ? new SpecFormatter(dest.colors) : new Formatter();
    const put = (text) => { if (text !== '') dest.write(text); };
    return {
      event(e) { put(formatter.event(e)); },
      end() { put(formatter.end()); },
      start() { put(formatter.start()); },
    };
  });
  return {
    event(e) { for (const s of sinks) s.event(e); },
    end() { for (const s of sinks) s.end(); },
    start() { for (const s of sinks) s.start(); },
  };
}

/** The values of a repeatable option in execArgv (`--name value` or `--name=value`). */
function optionValues(name, argv = process.execArgv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name && i + 1 < argv.length) out.push(argv[++i]);
    else if (argv[i].startsWith(`${name}=`)) out.push(argv[i].slice(name.length + 1));
  }
  return out;
}

/** The reporters this process writes to, as its command line chose them. */
function sinkFromOptions() {
  return createSink(optionValues('--test-reporter'), optionValues('--test-reporter-destination'));
}

module.exports.createSink = createSink;
module.exports.sinkFromOptions = sinkFromOptions;
module.exports.optionValues = optionValues;
module.exports.own = own;
