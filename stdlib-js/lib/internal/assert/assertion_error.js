// internal/assert/assertion_error: the AssertionError class thrown by node:assert, and the
// messages it generates - the "+ actual - expected" line diff for strict comparisons, the short
// "a !== b" form for small primitives, and the one-sided forms for the negated assertions.
'use strict';

const { inspect } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

// Headline for each operator when no message was given.
const kHeadline = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Two one-line values whose combined length is at most this are shown as `a !== b`.
const kShortLimit = 12;
// More lines than this (in a one-sided listing) are cut to the first kKeepLines - 1 and "...".
const kMaxListed = 50;
const kKeepLines = 47;

// Diff colours, switched on per error when stderr is a colour terminal.
const palette = { blue: '', green: '', red: '', white: '' };

function pickColors() {
  const stderr = globalThis.process && process.stderr;
  let on = false;
  try {
    on = Boolean(stderr && stderr.isTTY && typeof stderr.hasColors === 'function' &&
                 stderr.hasColors());
  } catch {
    on = false;
  }
  palette.blue = on ? '\u001b[34m' : '';
  palette.green = on ? '\u001b[32m' : '';
  palette.red = on ? '\u001b[31m' : '';
  palette.white = on ? '\u001b[39m' : '';
}

function inspectValue(value) {
  // Stable, fully expanded output: one property per line and sorted keys, so that the line
  // diff below lines up.
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d\d?m/g, '');
}

function isObjectLike(value) {
  return typeof value === 'object' && value !== null;
}

// Cut a listing of inspected lines to something readable.
function clipLines(lines) {
  if (lines.length > kMaxListed) {
    lines = lines.slice(0, kKeepLines - 1);
    lines.push(`${palette.blue}...${palette.white}`);
  }
  return lines;
}

// The message for a failed strictEqual / deepStrictEqual. `custom` (if non-empty) replaces
// the headline.
function diffMessage(actual, expected, operator, custom) {
  const { blue, green, red, white } = palette;
  if (operator === 'strictEqual' &&
      ((isObjectLike(actual) && isObjectLike(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const headline = custom ? String(custom) : kHeadline[operator];
  const actualText = inspectValue(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectValue(expected).split('\n');

  // One line each: either the short `a !== b` form, or a caret under the first difference.
  let caret = '';
  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const colors = inspect.defaultOptions && inspect.defaultOptions.colors;
    const rawA = colors ? stripAnsi(actualLines[0]) : actualLines[0];
    const rawE = colors ? stripAnsi(expectedLines[0]) : expectedLines[0];
    const total = rawA.length + rawE.length;
    if (total <= kShortLimit) {
      if (!isObjectLike(actual) && !isObjectLike(expected) &&
          (actual !== 0 || expected !== 0)) {
        return `${headline}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const stderr = globalThis.process && process.stderr;
      const width = stderr && stderr.isTTY ? stderr.columns : 80;
      if (total < width) {
        let at = 0;
        while (rawA[at] === rawE[at]) at++;
        if (at > 2) caret = `\n  ${' '.repeat(at)}^`;
      }
    }
  }

  // Lines shared at the end are dropped from the diff; the last three are shown as context
  // (with the first dropped one and "..." above them when more were dropped).
  let sharedTail = 0;
  let tail = '';
  let tailTop = '';
  let skipped = false;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (sharedTail < 3) tail = `\n  ${line}${tail}`;
    else tailTop = line;
    sharedTail++;
  }

  const longest = Math.max(actualLines.length, expectedLines.length);
  if (longest === 0) {
    // Everything matched: the values look the same but are different objects.
    const lines = clipLines(actualText.split('\n'));
    return `${kHeadline.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  if (sharedTail >= 5) {
    tail = `\n${blue}...${white}${tail}`;
    skipped = true;
  }
  if (tailTop !== '') tail = `\n  ${tailTop}${tail}`;

  const plus = `${green}+${white}`;
  const minus = `${red}-${white}`;
  const head = `${headline}\n${green}+ actual${white} ${red}- expected${white}`;
  const skippedNote = ` ${blue}...${white} Lines skipped`;

  // Which side has more lines, and how far both sides go.
  const actualLonger = actualLines.length === longest;
  const longer = actualLonger ? actualLines : expectedLines;
  const common = actualLonger ? expectedLines.length : actualLines.length;

  let out = ''; // Shown lines so far.
  let pendingMinus = ''; // "- expected" lines waiting for the "+" block to end.
  let printed = 0;
  let sameRun = 0; // Identical lines since the last difference.

  // After a run of identical lines, show its end: the first two were shown as they came, the
  // rest are shown in full up to five, otherwise as "..." plus the last two.
  const closeRun = (lines, i) => {
    if (sameRun <= 2) return;
    if (sameRun === 5) {
      out += `\n  ${lines[i - 3]}`;
      printed++;
    } else if (sameRun > 5) {
      out += `\n${blue}...${white}`;
      skipped = true;
    }
    if (sameRun >= 4) {
      out += `\n  ${lines[i - 2]}`;
      printed++;
    }
    out += `\n  ${lines[i - 1]}`;
    printed++;
  };

  for (let i = 0; i < longest; i++) {
    if (i >= common) {
      // Only the longer side has a line here.
      closeRun(longer, i);
      sameRun = 0;
      if (actualLonger) out += `\n${plus} ${longer[i]}`;
      else pendingMinus += `\n${minus} ${longer[i]}`;
      printed++;
    } else {
      const e = expectedLines[i];
      let a = actualLines[i];
      // A line that differs only by a trailing comma counts as the same line.
      let differs = a !== e && !(a.endsWith(',') && a.slice(0, -1) === e);
      if (differs && e.endsWith(',') && e.slice(0, -1) === a) {
        differs = false;
        a += ',';
      }
      if (differs) {
        closeRun(actualLines, i);
        sameRun = 0;
        out += `\n${plus} ${a}`;
        pendingMinus += `\n${minus} ${e}`;
        printed += 2;
      } else {
        out += pendingMinus;
        pendingMinus = '';
        sameRun++;
        if (sameRun <= 2) {
          out += `\n  ${a}`;
          printed++;
        }
      }
    }
    if (printed > kMaxListed && i < longest - 2) {
      return `${head}${skippedNote}\n${out}\n${blue}...${white}${pendingMinus}\n` +
        `${blue}...${white}`;
    }
  }
  return `${head}${skipped ? skippedNote : ''}\n${out}${pendingMinus}${tail}${caret}`;
}

// The message for a failed notStrictEqual / notDeepStrictEqual: only `actual` is shown.
function oneSidedMessage(actual, operator) {
  let headline = kHeadline[operator];
  if (operator === 'notStrictEqual' && (isObjectLike(actual) || typeof actual === 'function')) {
    headline = kHeadline.notStrictEqualObject;
  }
  const lines = clipLines(inspectValue(actual).split('\n'));
  if (lines.length === 1) {
    return `${headline}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  }
  return `${headline}\n\n${lines.join('\n')}\n`;
}

function cut(text, max) {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

// Everything else: `actual op expected`, or the loose deep-equality wording.
function plainMessage(actual, expected, operator) {
  let left = inspectValue(actual);
  let right = inspectValue(expected);
  const headline = kHeadline[operator];
  if (operator === 'notDeepEqual' && left === right) {
    return cut(`${headline}\n\n${left}`, 1024);
  }
  left = cut(left, 512);
  right = cut(right, 512);
  if (operator === 'deepEqual') {
    return `${headline}\n\n${left}\n\nshould loosely deep-equal\n\n${right}`;
  }
  const unequal = kHeadline[`${operator}Unequal`];
  if (unequal) {
    return `${unequal}\n\n${left}\n\nshould not loosely deep-equal\n\n${right}`;
  }
  return `${left} ${operator} ${right}`;
}

// Long strings are shortened when an AssertionError is inspected.
function shorten(text) {
  const lines = text.split('\n', 11);
  if (lines.length > 10) {
    return `${lines.slice(0, 10).join('\n')}\n...`;
  }
  // (Node keeps the part after the first 512 characters here.)
  if (text.length > 512) return `${text.slice(512)}...`;
  return text;
}

function isErrorValue(value) {
  return binding.types.isNativeError(value) || value instanceof Error;
}

// Remove the own `stack` (and the hidden `cause` / `errors`) of each error for a while;
// returns the function that puts them back.
function hideStacks(errors) {
  const saved = [];
  for (const err of new Set(errors)) {
    for (const key of ['stack', 'cause', 'errors']) {
      const desc = Object.getOwnPropertyDescriptor(err, key);
      if (desc !== undefined && desc.configurable && (key === 'stack' || !desc.enumerable)) {
        delete err[key];
        saved.push([err, key, desc]);
      }
    }
  }
  return () => {
    for (const [err, key, desc] of saved) Object.defineProperty(err, key, desc);
  };
}

function buildMessage(actual, expected, operator, message) {
  if (message != null) {
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      pickColors();
      return diffMessage(actual, expected, operator, message);
    }
    return String(message);
  }
  pickColors();
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return diffMessage(actual, expected, operator, '');
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    return oneSidedMessage(actual, operator);
  }
  return plainMessage(actual, expected, operator);
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    const { actual, expected } = options;

    const savedLimit = Error.stackTraceLimit;
    const limitWritable = typeof savedLimit === 'number' &&
      Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable !== false;
    if (limitWritable) Error.stackTraceLimit = 0;

    // When both values are errors they are shown without their stack traces (`[Error: x]`).
    const restoreStacks = isErrorValue(actual) && isErrorValue(expected) ?
      hideStacks([actual, expected]) : null;
    let text;
    try {
      text = buildMessage(actual, expected, operator, message);
    } finally {
      if (restoreStacks !== null) restoreStacks();
      if (text === undefined && limitWritable) Error.stackTraceLimit = savedLimit;
    }
    super(text);

    if (limitWritable) Error.stackTraceLimit = savedLimit;

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || AssertionError);
    // Read the stack now so that its header keeps the "[ERR_ASSERTION]" part.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // Show `actual` and `expected` shallowly (the message already has the full picture).
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof savedActual === 'string') this.actual = shorten(savedActual);
    if (typeof savedExpected === 'string') this.expected = shorten(savedExpected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = savedActual;
      this.expected = savedExpected;
    }
  }
}

module.exports = { AssertionError };
