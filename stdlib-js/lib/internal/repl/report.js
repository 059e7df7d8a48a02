'use strict';
// internal/repl/report: how the REPL shows an error nobody caught - an entry's exception, or
// one thrown later by something the entry started. The stack loses the REPL's own frames
// (read through a temporary Error.prepareStackTrace, so a user's hook still formats it), a
// SyntaxError keeps only its source line and carets, and "Uncaught" goes before the line that
// names the error (on a line of its own when that one is long), as in Node.

const { kIsNodeError } = require('internal/errors');
const { isNativeError } = require('util').types;
const { REPL_MODE_STRICT } = require('internal/repl/eval');
const { toDynamicImport } = require('internal/repl/source');

function isError(e) {
  return isNativeError(e) || e instanceof Error;
}

/** Eddy's default stack format: the header, then one "    at" line per frame. */
function formatStack(error, frames) {
  let header;
  try {
    if (error !== null && typeof error === 'object' && error[kIsNodeError] === true) {
      const message = `${error.message}`;
      header = `${error.name} [${error.code}]${message === '' ? '' : `: ${message}`}`;
    } else {
      header = Error.prototype.toString.call(error);
    }
  } catch {
    header = '<error>';
  }
  return header + frames.map((frame) => `\n    at ${frame}`).join('');
}

/**
 * Formats `error.stack` (unless it was read before) without the frames of the REPL itself: the
 * last anonymous frame of user code (an entry's top level) and everything below it go; with
 * none, the bottom frame goes (as in Node).
 */
function formatWithoutReplFrames(error) {
  const userHook = Error.prepareStackTrace;
  Error.prepareStackTrace = function prepareReplStackTrace(err, frames) {
    let cut = -1;
    for (let i = frames.length - 1; i >= 0; i--) {
      let topLevel = false;
      try {
        // An anonymous frame of code the REPL ran (the runtime's own files are node:...).
        topLevel = frames[i].getFunctionName() === null &&
          !`${frames[i].getFileName()}`.startsWith('node:');
      } catch {
        topLevel = false;
      }
      if (topLevel) {
        cut = i;
        break;
      }
    }
    frames = frames.slice(0, cut);
    if (typeof userHook === 'function') return userHook(err, frames);
    return formatStack(err, frames);
  };
  try {
    void error.stack;
  } catch {
    // a throwing stack getter: shown as it is
  } finally {
    Error.prepareStackTrace = userHook;
  }
}

/**
 * The writer's text for error `e` of `repl` with the stack as the REPL shows it, or '' for a
 * value that is not an error object.
 */
function describeError(repl, e) {
  if (typeof e !== 'object' || e === null) return '';
  if (e.domainThrown) {
    delete e.domain;
    delete e.domainThrown;
  }
  if (!isError(e)) return '';
  formatWithoutReplFrames(e);
  let stack;
  try {
    stack = e.stack;
  } catch {
    stack = undefined;
  }
  if (typeof stack === 'string' && stack) {
    if (e.name === 'SyntaxError') {
      stack = stack.replace(/^REPL\d+:\d+\r?\n/, '').replace(/^\s+at\s.*\n?/gm, '');
      if (`${e.message}`.includes('Cannot use import statement outside a module')) {
        e.message = 'Cannot use import statement inside the Node.js REPL, alternatively ' +
          `use dynamic import: ${toDynamicImport(repl.lines[repl.lines.length - 1] ?? '')}`;
        stack = stack.replace(/SyntaxError:.*\n?/, `SyntaxError: ${e.message}\n`);
      }
    } else if (repl.replMode === REPL_MODE_STRICT) {
      // The entry ran one line down, after 'use strict'.
      stack = stack.replace(/(\s+at\s+REPL\d+:)(\d+)/, (_, pre, line) => pre + (line - 1));
    }
    // A file's syntax error (from require) shows its source line and carets first, as in Node.
    // (Code the REPL ran itself has its arrow in the stack already.)
    const arrow = binding.runtime.arrowMessage(e);
    if (arrow !== undefined && !stack.includes(arrow.slice(arrow.indexOf('\n') + 1))) {
      stack = `${arrow}\n${stack}`;
    }
    try {
      Object.defineProperty(e, 'stack', {
        __proto__: null, value: stack, writable: true, configurable: true,
      });
    } catch {
      // a frozen error keeps its stack
    }
  }
  const text = repl.writer(e);
  // A one-line error in brackets prints without them.
  return text[0] === '[' && text[text.length - 1] === ']' ? text.slice(1, -1) : text;
}

/** `text` with "Uncaught" before its first line that names an error, ending in a newline. */
function uncaughtText(text, breakLength) {
  const lines = text.split(/(?<=\n)/);
  let matched = false;
  let out = '';
  for (const line of lines) {
    if (!matched && /^\[?([A-Z][a-z0-9_]*)*Error/.test(line)) {
      out += breakLength >= line.length ? `Uncaught ${line}` : `Uncaught:\n${line}`;
      matched = true;
    } else {
      out += line;
    }
  }
  if (!matched) out = `Uncaught${lines.length === 1 ? ' ' : ':\n'}${out}`;
  return out.endsWith('\n') ? out : `${out}\n`;
}

module.exports = { describeError, uncaughtText };
