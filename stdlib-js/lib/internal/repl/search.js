'use strict';
// internal/repl/search: Ctrl+R / Ctrl+S in the REPL, searching the history backwards and
// forwards as the user types. The line shows the entry found (its matching part underlined
// when colors are on) and the row below says `bck-i-search: text_` (`failed-...` when nothing
// matches). Enter runs the entry found; Ctrl+C or Escape give back the line as it was; any
// other key keeps the entry in the line and does what it does.

const { clearScreenDown, cursorTo, moveCursor } = require('readline');

const kState = Symbol('reverseSearch');

/** The history index at or beyond `from` (in `step` direction) whose entry holds `text`. */
function find(history, text, from, step) {
  for (let i = from; i >= 0 && i < history.length; i += step) {
    if (history[i].includes(text)) return i;
  }
  return -1;
}

function render(repl, state) {
  let entry = state.index === -1 ? state.line : repl.history[state.index];
  if (state.failed) entry = '';
  repl.line = entry;
  const at = state.index === -1 || state.text === '' ? -1 : entry.indexOf(state.text);
  repl.cursor = at === -1 ? entry.length : at;
  let shown = entry;
  if (at !== -1 && repl.useColors) {
    const end = at + state.text.length;
    shown = `${entry.slice(0, at)}\x1b[4m${entry.slice(at, end)}\x1b[24m${entry.slice(end)}`;
  }
  const output = repl.output;
  if (repl.prevRows > 0) moveCursor(output, 0, -repl.prevRows);
  cursorTo(output, 0);
  clearScreenDown(output);
  const end = repl._getDisplayPos(repl.getPrompt() + entry);
  const label = `${state.failed ? 'failed-' : ''}${state.step === 1 ? 'bck' : 'fwd'}-i-search: `;
  repl._writeToOutput(`${repl.getPrompt()}${shown}\n${label}${state.text}_`);
  // Back to where the cursor belongs in the line.
  const cursor = repl.getCursorPos();
  moveCursor(output, 0, -(end.rows - cursor.rows + 1));
  cursorTo(output, cursor.cols);
  repl.prevRows = cursor.rows;
}

/** Leaves search mode: the line keeps `line` (or the entry found), redrawn without the search. */
function stop(repl, restore) {
  const state = repl[kState];
  repl[kState] = null;
  if (restore) {
    repl.line = state.line;
    repl.cursor = state.cursor;
  } else {
    repl.cursor = repl.line.length;
  }
  repl._refreshLine();
}

/**
 * Handles key `key` (text `d`) when it belongs to a search: returns true when it was used.
 * Called by the REPL's _ttyWrite on a terminal, before the line editor.
 */
function reverseSearch(repl, d, key) {
  let state = repl[kState];
  const searchKey = key.ctrl && !key.meta && !key.shift && (key.name === 'r' || key.name === 's');
  if (!state) {
    if (!searchKey || !repl.terminal) return false;
    state = {
      line: repl.line, cursor: repl.cursor, text: '', index: -1, step: key.name === 'r' ? 1 : -1,
      failed: false,
    };
    repl[kState] = state;
    render(repl, state);
    return true;
  }
  if (searchKey) {
    // The next match in the direction asked for.
    state.step = key.name === 'r' ? 1 : -1;
    // Nothing typed yet: nothing to look for (the line stays as it was), as in Node.
    if (state.text === '') {
      render(repl, state);
      return true;
    }
    const next = find(repl.history, state.text, state.index + state.step, state.step);
    if (next === -1) state.failed = true;
    else state.index = next;
    render(repl, state);
    return true;
  }
  if ((key.ctrl && key.name === 'c') || key.name === 'escape') {
    stop(repl, true);
    return true;
  }
  if (key.name === 'backspace' || (key.ctrl && key.name === 'h')) {
    state.text = state.text.slice(0, -1);
    const found = state.text === '' ? -1 : find(repl.history, state.text, 0, 1);
    state.index = state.text === '' ? -1 : found;
    state.failed = state.text !== '' && found === -1;
    render(repl, state);
    return true;
  }
  if (typeof d === 'string' && d.length > 0 && !key.ctrl && !key.meta &&
      key.name !== 'return' && key.name !== 'enter' && key.name !== 'tab' &&
      !/[\x00-\x1f\x7f]/.test(d)) {
    state.text += d;
    const from = state.index === -1 ? (state.step === 1 ? 0 : repl.history.length - 1) : state.index;
    const found = find(repl.history, state.text, from, state.step);
    state.failed = found === -1;
    if (found !== -1) state.index = found;
    render(repl, state);
    return true;
  }
  // Any other key: the entry found stays in the line and the key does its usual work.
  stop(repl, false);
  return false;
}

module.exports = { reverseSearch };
