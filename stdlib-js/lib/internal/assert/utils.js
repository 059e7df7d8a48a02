// internal/assert/utils: assert.ok's failure path. Without a message, the message quotes the
// source text of the failing call ("The expression evaluated to a falsy value: ..."), found by
// reading the caller's file at the position its stack frame names.
'use strict';

const { AssertionError } = require('internal/assert/assertion_error');

const isIdentChar = (ch) => ch !== undefined && /[\p{ID_Continue}$\u200c\u200d]/u.test(ch);
const isSpace = (ch) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

// Where the caller of `fn` is: { file, line, column } (1-based), or undefined when it is not
// a file on disk (eval, -e, builtins, native frames).
function callerPosition(fn) {
  const holder = {};
  const savedLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, fn);
  } finally {
    Error.stackTraceLimit = savedLimit;
  }
  const stack = holder.stack;
  if (typeof stack !== 'string') return undefined;
  const frame = stack.split('\n').find((line) => line.startsWith('    at '));
  if (frame === undefined || frame.includes('(eval at ')) return undefined;
  const m = /^ {4}at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(frame);
  if (m === null) return undefined;
  let file = m[1];
  if (file.startsWith('file://')) {
    try {
      file = require('internal/url').fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  if (!file.startsWith('/')) return undefined;
  return { file, line: Number(m[2]), column: Number(m[3]) };
}

// Skip a string, template or comment starting at `i`; returns the index after it, or -1 when
// `i` does not start one.
function skipLiteral(src, i) {
  const ch = src[i];
  if (ch === '"' || ch === "'") {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ch || src[j] === '\n') return j + 1;
    }
    return src.length;
  }
  if (ch === '`') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') {
        j++;
      } else if (src[j] === '`') {
        return j + 1;
      } else if (src[j] === '$' && src[j + 1] === '{') {
        j = skipGroup(src, j + 1) - 1;
      }
    }
    return src.length;
  }
  if (ch === '/' && src[i + 1] === '/') {
    const nl = src.indexOf('\n', i);
    return nl === -1 ? src.length : nl;
  }
  if (ch === '/' && src[i + 1] === '*') {
    const close = src.indexOf('*/', i + 2);
    return close === -1 ? src.length : close + 2;
  }
  return -1;
}

// `src[i]` opens a bracket group; return the index just after its matching closer.
function skipGroup(src, i) {
  const closers = { '(': ')', '[': ']', '{': '}' };
  const stack = [closers[src[i]]];
  let j = i + 1;
  while (j < src.length && stack.length > 0) {
    const after = skipLiteral(src, j);
    if (after !== -1) {
      j = after;
      continue;
    }
    const ch = src[j];
    if (closers[ch] !== undefined) stack.push(closers[ch]);
    else if (ch === stack[stack.length - 1]) stack.pop();
    j++;
  }
  return j;
}

// `src[k]` closes a bracket group; return the index of its opener (or -1).
function openerOf(src, k) {
  let depth = 0;
  for (; k >= 0; k--) {
    const ch = src[k];
    if (ch === ')' || ch === ']' || ch === '}') depth++;
    else if (ch === '(' || ch === '[' || ch === '{') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

// Walk back from `pos` (the start of a callee piece) over the rest of the callee chain:
// `a.b.c`, `x().y`, `a?.b`, `o[k]`. `kind` is 'name' for an identifier, 'args' for the
// argument list itself and 'group' for a parenthesised callee like `(0, fn)`.
function chainStart(src, pos, kind) {
  for (;;) {
    let k = pos - 1;
    while (k >= 0 && isSpace(src[k])) k--;
    let dotted = false;
    if (src[k] === '.') {
      dotted = true;
      k--;
      if (src[k] === '?') k--;
      while (k >= 0 && isSpace(src[k])) k--;
    } else if (kind !== 'args' && kind !== 'bracket') {
      return pos;
    }
    if (isIdentChar(src[k]) && (dotted || kind === 'args' || kind === 'bracket')) {
      while (k > 0 && isIdentChar(src[k - 1])) k--;
      pos = k;
      kind = 'name';
    } else if (src[k] === ')' || src[k] === ']') {
      const open = openerOf(src, k);
      if (open === -1) return pos;
      kind = src[k] === ']' ? 'bracket' : 'args';
      pos = open;
    } else {
      return pos;
    }
  }
}

// The source text of the call expression at `offset` (where V8 puts a call: the callee's
// name, or the argument list's "(" for other callees), or undefined if it can't be found.
function callText(src, offset) {
  let open = offset;
  let start;
  if (src[offset] === '(') {
    start = chainStart(src, offset, 'args');
  } else {
    while (isIdentChar(src[open])) open++;
    while (isSpace(src[open])) open++;
    if (src[open] !== '(') return undefined;
    start = chainStart(src, offset, 'name');
  }
  return { start, text: src.slice(start, skipGroup(src, open)) };
}

function escapeControl(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
                      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// "The expression evaluated to a falsy value: ..." for the caller of `fn`, or undefined.
function sourceMessage(fn) {
  const pos = callerPosition(fn);
  if (pos === undefined) return undefined;
  let src;
  try {
    src = binding.fs.readFileUtf8(pos.file);
  } catch {
    return undefined;
  }
  if (typeof src !== 'string') return undefined;
  let lineStart = 0;
  for (let n = 1; n < pos.line; n++) {
    const nl = src.indexOf('\n', lineStart);
    if (nl === -1) return undefined;
    lineStart = nl + 1;
  }
  const found = callText(src, lineStart + pos.column - 1);
  if (found === undefined) return undefined;
  const column = found.start - lineStart;
  const lines = escapeControl(found.text).replace(/\r\n/g, '\n').split('\n');
  let code = lines[0];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    let cut = 0;
    while (cut < column && (line[cut] === ' ' || line[cut] === '\t')) cut++;
    code += `\n  ${line.slice(cut)}`;
  }
  return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
}

// assert() / assert.ok(): `argLen` is how many arguments the caller got.
function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = sourceMessage(fn);
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({
      actual: value,
      expected: true,
      message,
      operator: '==',
      stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

module.exports = { innerOk };
