'use strict';
// internal/repl/preview: what a REPL on a terminal shows in grey as the user types, as Node's
// does: right after the word being typed, the rest that completion would add (Enter at the
// end of the line or Right at its end takes it); on the row below the input, the value the
// line would produce. The line is evaluated only as far as it has no side effects: V8's
// debug-evaluate stops at the first write to anything that existed before, or call it does not
// know to be pure (binding.runtime.evaluateNoSideEffects), within 333 ms. Without colors the
// same text follows `// `. The REPL's _ttyWrite calls clearPreview(key) before a key and
// showPreview() after it; refreshing the line shows the preview again.

const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('readline');
const { getStringWidth, inspect } = require('internal/util/inspect');

const rt = binding.runtime;
const kTimeout = 333;
const kTimedOut = Symbol('timedOut');
const previewOptions = { colors: false, depth: 1, showHidden: false };

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  let prefix = strings[0];
  for (const s of strings) {
    while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

// The global object of each vm context a REPL runs in (what a script there sees as
// globalThis; the context object itself is the sandbox vm pairs with it).
const contextGlobals = new WeakMap();

function globalOf(context) {
  let global = contextGlobals.get(context);
  if (global === undefined) {
    global = require('vm').runInContext('globalThis', context);
    contextGlobals.set(context, global);
  }
  return global;
}

/**
 * `code` evaluated without side effects in the REPL's context: { value }, { error } (it threw,
 * or would have had a side effect), or null for no preview (out of time, or no context).
 */
function evaluate(repl, code) {
  let target;
  if (!repl.useGlobal) {
    try {
      target = globalOf(repl.context);
    } catch {
      return null;
    }
  }
  try {
    const value = binding.signal?.runBreakable === undefined ?
      rt.evaluateNoSideEffects(code, target) :
      binding.signal.runBreakable(rt.evaluateNoSideEffects, rt, [code, target], undefined,
        kTimeout, kTimedOut);
    return value === kTimedOut ? null : { value };
  } catch (error) {
    return { error };
  }
}

function inStrictMode(repl, strictSymbol) {
  return repl.replMode === strictSymbol || process.execArgv.some(
    (arg) => arg.toLowerCase().replaceAll('_', '-') === '--use-strict');
}

/**
 * Sets up previews for `repl` (a REPLServer); `active` is false for a REPL with its own eval
 * or not on a terminal. `isBuffered()` says whether earlier lines of an entry are waiting.
 */
function setupPreview(repl, active, isBuffered, strictSymbol) {
  if (process.env.TERM === 'dumb' || !active) {
    return { showPreview() {}, clearPreview() {} };
  }

  let inputPreview = null;
  let completionPreview = null;
  let completionRound = 0;
  let hasCompletions = false;
  // The line as it was when Escape was pressed: Enter then does not take the completion.
  let escaped = null;

  const positions = () => {
    const displayPos = repl._getDisplayPos(`${repl.getPrompt()}${repl.line}`);
    const cursorPos = repl.line.length !== repl.cursor ? repl.getCursorPos() : displayPos;
    return { displayPos, cursorPos };
  };
  const cursorAtEnd = () => {
    const { cursorPos, displayPos } = positions();
    return cursorPos.rows === displayPos.rows && cursorPos.cols === displayPos.cols;
  };

  const clearPreview = (key) => {
    if (inputPreview !== null) {
      const { displayPos, cursorPos } = positions();
      const rows = displayPos.rows - cursorPos.rows + 1;
      moveCursor(repl.output, 0, rows);
      clearLine(repl.output);
      moveCursor(repl.output, 0, -rows);
      inputPreview = null;
    }
    if (completionPreview !== null) {
      const move = repl.line.length !== repl.cursor;
      let pos;
      let rows;
      if (move) {
        pos = positions();
        cursorTo(repl.output, pos.displayPos.cols);
        rows = pos.displayPos.rows - pos.cursorPos.rows;
        moveCursor(repl.output, 0, rows);
      }
      const after = repl._getDisplayPos(`${repl.getPrompt()}${repl.line}${completionPreview}`);
      // On one row, clearing the rest of it is enough.
      if (after.rows === 0 || (pos && pos.displayPos.rows === after.rows)) {
        clearLine(repl.output, 1);
      } else {
        clearScreenDown(repl.output);
      }
      if (move) {
        cursorTo(repl.output, pos.cursorPos.cols);
        moveCursor(repl.output, 0, -rows);
      }
      if (!key.ctrl && !key.shift) {
        if (key.name === 'escape') {
          if (escaped === null && key.meta) escaped = repl.line;
        } else if ((key.name === 'return' || key.name === 'enter') && !key.meta &&
                   escaped !== repl.line && cursorAtEnd()) {
          repl._insertString(completionPreview);
        }
      }
      completionPreview = null;
    }
    if (escaped !== repl.line) escaped = null;
  };

  // The rest of the word that completion would add: shown, or (`insert`) typed in.
  function showCompletionPreview(line, insert) {
    const round = ++completionRound;
    repl.completer(line, (error, data) => {
      // A slow completer may answer after the line changed.
      if (round !== completionRound || error || !data) return;
      const [rawCompletions, completeOn] = data;
      if (!rawCompletions || rawCompletions.length === 0) return;
      hasCompletions = true;
      const prefix = commonPrefix(rawCompletions.filter(Boolean));
      if (prefix.length <= completeOn.length) return;
      const suffix = prefix.slice(completeOn.length);
      if (insert) {
        repl._insertString(suffix);
        return;
      }
      completionPreview = suffix;
      const text = repl.useColors ? `\x1b[90m${suffix}\x1b[39m` : ` // ${suffix}`;
      const { cursorPos, displayPos } = positions();
      if (repl.line.length !== repl.cursor) {
        cursorTo(repl.output, displayPos.cols);
        moveCursor(repl.output, 0, displayPos.rows - cursorPos.rows);
      }
      repl.output.write(text);
      cursorTo(repl.output, cursorPos.cols);
      const after = repl._getDisplayPos(`${repl.getPrompt()}${repl.line}${suffix}`);
      moveCursor(repl.output, 0, -(after.rows - cursorPos.rows - (after.cols === 0 ? 1 : 0)));
    });
  }

  // The preview text of `input`, or null for none.
  function inputPreviewOf(input) {
    const outcome = evaluate(repl, input);
    if (outcome === null) return null;
    if (!('error' in outcome)) return describe(outcome.value);
    const { error } = outcome;
    const name = error !== null && typeof error === 'object' ? safeName(error) : undefined;
    // Side effects and syntax errors say nothing about the input, nor does a name not yet
    // defined (it may be half typed) unless strict mode makes it an error worth showing.
    if (name === 'EvalError' || name === 'SyntaxError' ||
        (name === 'ReferenceError' && (hasCompletions || !inStrictMode(repl, strictSymbol)))) {
      return null;
    }
    return describe(error);
  }

  function describe(value) {
    try {
      if (value === undefined) return 'undefined';
      if (value === null || (typeof value !== 'object' && typeof value !== 'function' &&
                             typeof value !== 'symbol')) {
        return inspect(value, previewOptions);
      }
      return inspect(value, {
        ...repl.writer.options, colors: false, depth: 1, compact: true, breakLength: Infinity,
      });
    } catch {
      return null;
    }
  }

  const showPreview = (showCompletion = true) => {
    // Already shown (after a refresh), or completion is off (pasting).
    if (inputPreview !== null || !repl.isCompletionEnabled) return;
    const line = repl.line.trim();
    if (line === '') return;
    hasCompletions = false;
    if (showCompletion) showCompletionPreview(repl.line, false);
    // The middle of a multi-line entry has nothing to preview on its own.
    if (isBuffered()) return;

    let previewLine = line;
    if (completionPreview !== null && cursorAtEnd() && escaped !== repl.line) {
      previewLine += completionPreview;
    }
    // As the REPL reads it: an entry starting with `{` is an object literal first.
    let inspected = null;
    if (previewLine[0] === '{' && previewLine[previewLine.length - 1] !== ';') {
      inspected = inputPreviewOf(`(${previewLine})`);
    }
    if (inspected === null) inspected = inputPreviewOf(previewLine);
    if (inspected === null || inspected === line) return;
    if (inspected === 'undefined' && (!repl.useColors || repl.ignoreUndefined)) return;

    inputPreview = inspected;
    // At most a row (and 250 characters), wide characters counted as two.
    let maxColumns = Math.min(repl.columns, 250);
    if (inspected.length * 2 >= maxColumns && getStringWidth(inspected) > maxColumns) {
      maxColumns -= 4 + (repl.useColors ? 0 : 3);
      let cut = '';
      for (const char of inspected) {
        maxColumns -= getStringWidth(char);
        if (maxColumns < 0) break;
        cut += char;
      }
      inspected = `${cut}...`;
    }
    const lineBreak = /[\r\n\v]/.exec(inspected);
    if (lineBreak !== null) inspected = inspected.slice(0, lineBreak.index);

    const text = repl.useColors ? `\x1b[90m${inspected}\x1b[39m` : `// ${inspected}`;
    const { cursorPos, displayPos } = positions();
    const rows = displayPos.rows - cursorPos.rows;
    moveCursor(repl.output, 0, rows);
    repl.output.write(`\n${text}`);
    cursorTo(repl.output, cursorPos.cols);
    moveCursor(repl.output, 0, -rows - 1);
  };

  // A refresh redraws the line without the preview: show it again.
  const refreshLine = repl._refreshLine;
  repl._refreshLine = function _refreshLine() {
    inputPreview = null;
    Reflect.apply(refreshLine, this, []);
    showPreview();
  };

  // Moving right past the end of the line types the completion in.
  let insertCompletion = true;
  const moveCursorBy = repl._moveCursor;
  repl._moveCursor = function _moveCursor(dx) {
    const before = this.cursor;
    Reflect.apply(moveCursorBy, this, [dx]);
    if (before + dx > this.line.length && typeof this.completer === 'function' &&
        insertCompletion) {
      showCompletionPreview(this.line, true);
    }
  };
  // ...but not when clearLine moves to the end on its way out.
  const clearLineNow = repl.clearLine;
  repl.clearLine = function clearLine() {
    insertCompletion = false;
    try {
      Reflect.apply(clearLineNow, this, []);
    } finally {
      insertCompletion = true;
    }
  };

  return { showPreview, clearPreview };
}

function safeName(error) {
  try {
    return error.name;
  } catch {
    return undefined;
  }
}

module.exports = { setupPreview };
