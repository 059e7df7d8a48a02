'use strict';
// node:readline - createInterface() over a stream: 'line'/'close' events, question(), prompt(),
// async iteration over lines, the cursor helpers that write ANSI escapes, and, with
// `terminal: true`, the line editor: keypresses decoded from the input (emitKeypressEvents),
// cursor and word movement, deletion, history, and tab completion with a `completer`.

const EE = require('events');
const {
  codes,
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateUint32,
} = require('internal/errors');
const { StringDecoder } = require('string_decoder');

const kLineEnd = /\r\n|\n|\r/;
const kEscape = '\x1b';
const kWatermarkData = Symbol.for('nodejs.watermarkData');

// ===== keypress decoding =====

const kKeypressDecoder = Symbol('keypressDecoder');

// Key names of escape sequences, by code: the sequence without ESC and without a modifier
// parameter. Variants that carry a modifier in their last character ('$' shift, '^' ctrl, and
// rxvt's lowercase letters) are looked up under their plain form (see `nameKey`).
const keyNames = {
  '__proto__': null,
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10',
  '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left', 'OE': 'clear', 'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end',
  '[Z': 'tab',
  '[200~': 'paste-start', '[201~': 'paste-end',
};

function nameKey(key, code) {
  const last = code[code.length - 1];
  let plain = code;
  if (last === '$' || last === '^') {
    plain = `${code.slice(0, -1)}~`;
    if (last === '$') key.shift = true;
    else key.ctrl = true;
  } else if (code.length === 2 && last >= 'a' && last <= 'e') {
    plain = code[0] + last.toUpperCase();
    if (code[0] === '[') key.shift = true;
    else key.ctrl = true;
  } else if (code === '[Z') {
    key.shift = true;
  }
  // An unknown sequence (say a colour code) is still a key, named 'undefined' as in Node.
  key.name = keyNames[plain] ?? 'undefined';
}

const isDigit = (c) => c >= '0' && c <= '9';

/**
 * Decodes the key at the start of `chars` (code points) when it is complete: returns
 * [sequenceLength, key] or null while an escape sequence still waits for characters. `flush`
 * (the escape timeout passed) ends a lone ESC as the escape key.
 */
function decodeKey(chars, flush) {
  const key = { sequence: '', name: undefined, ctrl: false, meta: false, shift: false };
  let pos = 0;
  let escaped = false;
  if (chars[0] === kEscape) {
    escaped = true;
    pos = 1;
    if (chars[pos] === kEscape) pos = 2;
    if (pos >= chars.length) {
      if (!flush) return null;
      key.name = 'escape';
      key.meta = true;
      return [chars.length, key, true];
    }
  }
  const ch = chars[pos];
  if (escaped && (ch === '[' || ch === 'O')) {
    let p = pos + 1;
    let code = ch;
    let modifier = 0;
    if (p >= chars.length) return null;
    if (ch === 'O') {
      if (isDigit(chars[p])) {
        modifier = chars[p] - 1;
        p++;
        if (p >= chars.length) return null;
      }
      code += chars[p];
    } else {
      if (chars[p] === '[') {
        code += '[';
        p++;
        if (p >= chars.length) return null;
      }
      let params = '';
      while (p < chars.length && (isDigit(chars[p]) || chars[p] === ';') && params.length < 8) {
        params += chars[p++];
      }
      if (p >= chars.length) return null;
      const final = chars[p];
      let m;
      if ('~^$'.includes(final) && (m = /^(\d\d?)(?:;(\d))?$/.exec(params)) !== null) {
        code += m[1] + final;
        modifier = (m[2] || 1) - 1;
      } else if (/^[A-Za-z]$/.test(final) && (m = /^(?:(?:\d;)?(\d))?$/.exec(params)) !== null) {
        code += final;
        modifier = (m[1] || 1) - 1;
      } else {
        code += params + final;
      }
    }
    key.ctrl = (modifier & 4) !== 0;
    key.meta = (modifier & 10) !== 0;
    key.shift = (modifier & 1) !== 0;
    key.code = code;
    nameKey(key, code);
    return [p + 1, key, true];
  }
  if (ch === '\r') key.name = 'return';
  else if (ch === '\n') key.name = 'enter';
  else if (ch === '\t') key.name = 'tab';
  else if (ch === '\b' || ch === '\x7f') key.name = 'backspace';
  else if (ch === kEscape) key.name = 'escape';
  else if (ch === ' ') key.name = 'space';
  else if (ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 0x60);
    key.ctrl = true;
  } else if (/^[0-9A-Za-z]$/.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = ch >= 'A' && ch <= 'Z';
  }
  key.meta = escaped;
  return [pos + 1, key, escaped];
}

/** Makes `stream` emit 'keypress' (sequence, key) for what it receives while anyone listens. */
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const decoder = new StringDecoder('utf8');
  stream[kKeypressDecoder] = decoder;
  let pending = [];
  let timer;

  function drain(flush) {
    while (pending.length > 0) {
      const decoded = decodeKey(pending, flush);
      if (decoded === null) return;
      const [length, key, escaped] = decoded;
      const sequence = pending.slice(0, length).join('');
      pending = pending.slice(length);
      key.sequence = sequence;
      // A lone unnamed character is emitted as text; a named key or escape sequence with
      // `undefined` text when escaped.
      if (key.name !== undefined || escaped) stream.emit('keypress', escaped ? undefined : sequence, key);
      else if (length === 1) stream.emit('keypress', sequence, key);
    }
  }

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const text = typeof input === 'string' ? input : decoder.write(input);
      if (!text) return;
      clearTimeout(timer);
      // Text arriving in one chunk was pasted, not typed: only its last character may
      // trigger tab completion.
      const chars = [...text];
      // A chunk of one character was typed (the REPL's editor mode keeps indentation then).
      iface._sawKeyPress = chars.length === 1;
      for (let i = 0; i < chars.length; i++) {
        iface.isCompletionEnabled = i === chars.length - 1;
        pending.push(chars[i]);
        drain(false);
      }
      // A trailing ESC may be the escape key or the start of a sequence: wait a little.
      if (pending.length > 0 && pending[pending.length - 1] === kEscape) {
        timer = setTimeout(() => drain(true), iface.escapeCodeTimeout ?? 500);
      }
    } else {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

// ===== display helpers =====

let inspectModule;
function stringWidth(text) {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.getStringWidth(text, false);
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  let prefix = strings[0];
  for (const s of strings) {
    while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** UTF-16 length of the code point ending just before `i` / starting at `i`. */
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  const code = str.codePointAt(i - 2);
  return i > 1 && code > 0xffff ? 2 : 1;
}
function charLengthAt(str, i) {
  if (i >= str.length) return 1;
  return str.codePointAt(i) > 0xffff ? 2 : 1;
}

// ===== Interface =====

// A TTY can't be switched to raw mode without a native binding.tty.setRawMode (Eddy has none
// yet): the terminal then echoes and edits lines itself, so the editor stays off by default.
const rawModeAvailable = (input) =>
  !input.isTTY || typeof binding.tty?.setRawMode === 'function';

const kLineIterator = Symbol('kLineIterator');

class Interface extends EE {
  constructor(input, output, completer, terminal) {
    super();
    let history;
    let historySize;
    let removeHistoryDuplicates = false;
    let crlfDelay;
    let prompt = '> ';
    let signal;
    let tabSize = 8;
    let escapeCodeTimeout = 500;
    if (input && input.input) {
      // An options object.
      const options = input;
      output = options.output;
      completer = options.completer;
      terminal = options.terminal;
      history = options.history;
      historySize = options.historySize;
      signal = options.signal;
      if (options.tabSize !== undefined) {
        validateUint32(options.tabSize, 'tabSize', true);
        tabSize = options.tabSize;
      }
      removeHistoryDuplicates = !!options.removeHistoryDuplicates;
      if (options.prompt !== undefined) prompt = options.prompt;
      crlfDelay = options.crlfDelay;
      if (options.escapeCodeTimeout !== undefined) {
        if (!Number.isFinite(options.escapeCodeTimeout)) {
          throw new codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', options.escapeCodeTimeout);
        }
        escapeCodeTimeout = options.escapeCodeTimeout;
      }
      if (signal) validateAbortSignal(signal, 'options.signal');
      input = options.input;
    }
    if (!input || typeof input.on !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.input', input);
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
    }
    if (history === undefined) history = [];
    else validateArray(history, 'history');
    if (historySize === undefined) historySize = 30;
    validateNumber(historySize, 'historySize', 0);
    if (terminal === undefined && !(output === null || output === undefined)) {
      terminal = !!output.isTTY && rawModeAvailable(input);
    }

    this.input = input;
    this.output = output;
    this.terminal = !!terminal;
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    this.history = history;
    this.historySize = historySize;
    this.historyIndex = -1;
    this.removeHistoryDuplicates = removeHistoryDuplicates;
    this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
    this.escapeCodeTimeout = escapeCodeTimeout;
    this.tabSize = tabSize;
    this.prevRows = 0;
    this.completer = completer === undefined || completer.length === 2 ? completer :
      (line, cb) => {
        const value = completer(line);
        if (value && typeof value.then === 'function') value.then((v) => cb(null, v), cb);
        else cb(null, value);
      };
    this._prompt = `${prompt}`;
    this._questionCallback = null;
    this._oldPrompt = this._prompt;
    this._pending = '';
    this._decoder = new StringDecoder('utf8');
    this._previousKey = null;
    this._substringSearch = null;
    this._sawReturnAt = 0;
    this.isCompletionEnabled = true;

    const removers = [];
    const listen = (emitter, event, fn) => {
      emitter.on(event, fn);
      removers.push(() => emitter.removeListener(event, fn));
    };
    listen(input, 'error', (err) => this.emit('error', err));
    if (this.terminal) {
      emitKeypressEvents(input, this);
      listen(input, 'keypress', (s, key) => this._ttyWrite(s, key));
      listen(input, 'end', () => {
        if (this.line.length > 0) this.emit('line', this.line);
        this.close();
      });
      if (output != null && typeof output.on === 'function') {
        listen(output, 'resize', () => this._refreshLine());
      }
      this._setRawMode(true);
    } else {
      listen(input, 'data', (chunk) => this._normalWrite(chunk));
      listen(input, 'end', () => {
        const rest = this._decoder.end();
        if (rest) this._receive(rest);
        if (this._pending.length > 0) {
          const line = this._pending;
          this._pending = '';
          this._onLine(line);
        }
        this.close();
      });
    }
    this.once('close', () => { for (const remove of removers) remove(); });
    if (signal) {
      const onAbort = () => this.close();
      if (signal.aborted) {
        process.nextTick(onAbort);
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    if (typeof input.resume === 'function') input.resume();
  }

  get columns() {
    return this.output && this.output.columns ? this.output.columns : Infinity;
  }

  _setRawMode(mode) {
    if (typeof this.input.setRawMode === 'function') return this.input.setRawMode(mode);
  }

  _writeToOutput(text) {
    if (typeof text !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('stringToWrite', 'string', text);
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  // ----- non-terminal input: text split into lines -----

  _normalWrite(chunk) {
    if (chunk === undefined) return;
    this._receive(typeof chunk === 'string' ? chunk : this._decoder.write(chunk));
  }

  _receive(text) {
    let data = this._pending + text;
    let m;
    while (!this.closed && (m = kLineEnd.exec(data)) !== null) {
      // A trailing "\r" may be the first half of "\r\n": wait for more input.
      if (m[0] === '\r' && m.index === data.length - 1) break;
      const line = data.slice(0, m.index);
      data = data.slice(m.index + m[0].length);
      this._onLine(line);
    }
    this._pending = data;
  }

  _onLine(line) {
    if (this._questionCallback) {
      const cb = this._questionCallback;
      this._questionCallback = null;
      this.setPrompt(this._oldPrompt);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  getPrompt() {
    return this._prompt;
  }

  setPrompt(prompt) {
    this._prompt = `${prompt}`;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this._prompt);
    }
  }

  question(query, options, cb) {
    if (typeof options === 'function') {
      cb = options;
      options = undefined;
    }
    const signal = options && typeof options === 'object' ? options.signal : undefined;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this._cancelQuestion();
      signal.addEventListener('abort', onAbort, { once: true });
      const answer = cb;
      cb = (line) => {
        signal.removeEventListener('abort', onAbort);
        if (typeof answer === 'function') answer(line);
      };
    }
    if (typeof cb !== 'function') return;
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this._questionCallback) {
      this.prompt();
      return;
    }
    this._oldPrompt = this._prompt;
    this.setPrompt(query);
    this._questionCallback = cb;
    this.prompt();
  }

  _cancelQuestion() {
    if (!this._questionCallback) return;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    this.clearLine();
  }

  write(data, key) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(data, key);
    else this._normalWrite(data);
  }

  pause() {
    if (this.paused) return;
    if (typeof this.input.pause === 'function') this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    if (typeof this.input.resume === 'function') this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    this.emit('close');
  }

  // ----- the terminal line editor -----

  /** Display position {rows, cols} of the end of `text` at the output's width. */
  _getDisplayPos(text) {
    const columns = this.columns;
    inspectModule ??= require('internal/util/inspect');
    text = inspectModule.stripVTControlCharacters(text);
    let rows = 0;
    let offset = 0;
    for (const ch of text) {
      if (ch === '\n') {
        rows += Math.ceil(offset / columns) || 1;
        offset = 0;
      } else if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
      } else {
        const width = stringWidth(ch);
        // A wide character does not start in the last column: it wraps whole.
        if (width === 2 && (offset + 1) % columns === 0) offset++;
        offset += width;
      }
    }
    const cols = offset % columns;
    return { rows: rows + (offset - cols) / columns, cols };
  }

  getCursorPos() {
    return this._getDisplayPos(this._prompt + this.line.slice(0, this.cursor));
  }

  _refreshLine() {
    if (this.output === null || this.output === undefined) return;
    const text = this._prompt + this.line;
    const end = this._getDisplayPos(text);
    const cursorPos = this.getCursorPos();
    if (this.prevRows > 0) moveCursor(this.output, 0, -this.prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(text);
    // Ending in the first column (an empty prompt and line, or exactly at the right edge):
    // a space makes the terminal allocate that line, as Node's readline does.
    if (end.cols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    if (end.rows > cursorPos.rows) moveCursor(this.output, 0, cursorPos.rows - end.rows);
    this.prevRows = cursorPos.rows;
  }

  _insertString(text) {
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
      this.cursor += text.length;
      this._refreshLine();
    } else {
      const before = this.getCursorPos();
      this.line += text;
      this.cursor += text.length;
      if (before.rows < this.getCursorPos().rows) this._refreshLine();
      else this._writeToOutput(text);
    }
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const before = this.getCursorPos();
    this.cursor = Math.max(0, Math.min(this.line.length, this.cursor + dx));
    const after = this.getCursorPos();
    if (before.rows === after.rows) {
      if (after.cols !== before.cols) moveCursor(this.output, after.cols - before.cols, 0);
    } else {
      this._refreshLine();
    }
  }

  _wordLeft() {
    if (this.cursor === 0) return;
    const reversed = [...this.line.slice(0, this.cursor)].reverse().join('');
    this._moveCursor(-/^\s*(?:[^\w\s]+|\w+)?/.exec(reversed)[0].length);
  }

  _wordRight() {
    if (this.cursor >= this.line.length) return;
    this._moveCursor(/^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor))[0].length);
  }

  _deleteLeft() {
    if (this.cursor === 0 || this.line.length === 0) return;
    const n = charLengthLeft(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    this.cursor -= n;
    this._refreshLine();
  }

  _deleteRight() {
    if (this.cursor >= this.line.length) return;
    const n = charLengthAt(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
    this._refreshLine();
  }

  _deleteWordLeft() {
    if (this.cursor === 0) return;
    const reversed = [...this.line.slice(0, this.cursor)].reverse().join('');
    const n = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed)[0].length;
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    this.cursor -= n;
    this._refreshLine();
  }

  _deleteWordRight() {
    if (this.cursor >= this.line.length) return;
    const rest = this.line.slice(this.cursor);
    const n = /^(?:\s+|\W+|\w+)\s*/.exec(rest)[0].length;
    this.line = this.line.slice(0, this.cursor) + rest.slice(n);
    this._refreshLine();
  }

  _deleteLineLeft() {
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._refreshLine();
  }

  _deleteLineRight() {
    this.line = this.line.slice(0, this.cursor);
    this._refreshLine();
  }

  clearLine() {
    this._moveCursor(Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  _addHistory() {
    const line = this.line;
    if (line.length === 0 || this.historySize === 0 || line.trim().length === 0) return line;
    if (this.history.length === 0 || this.history[0] !== line) {
      if (this.removeHistoryDuplicates) {
        const i = this.history.indexOf(line);
        if (i !== -1) this.history.splice(i, 1);
      }
      this.history.unshift(line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    this.emit('history', this.history);
    return line;
  }

  _line() {
    const line = this._addHistory();
    this.clearLine();
    this._onLine(line);
  }

  /**
   * Up (step 1, older) or down (-1): the next entry that starts with what was typed before
   * the first Up and differs from the line shown; past either end, that typed text again.
   */
  _historyMove(step) {
    if (step > 0 ? this.historyIndex >= this.history.length || this.history.length === 0 :
      this.historyIndex < 0) {
      return;
    }
    const search = this._substringSearch || '';
    let index = this.historyIndex + step;
    while (index >= 0 && index < this.history.length &&
           ((search && !this.history[index].startsWith(search)) ||
            this.line === this.history[index])) {
      index += step;
    }
    this.line = index < 0 || index >= this.history.length ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this._refreshLine();
  }

  _tabComplete(lastKeypressWasTab) {
    this.pause();
    this.completer(this.line.slice(0, this.cursor), (err, value) => {
      this.resume();
      if (err) {
        inspectModule ??= require('internal/util/inspect');
        this._writeToOutput(`Tab completion error: ${inspectModule.inspect(err)}`);
        return;
      }
      this._showCompletions(lastKeypressWasTab, value);
    });
  }

  _showCompletions(lastKeypressWasTab, [completions, completeOn] = []) {
    if (!completions || completions.length === 0) return;
    // Apply the part every candidate shares, if that adds anything.
    const prefix = commonPrefix(completions.filter((c) => c !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this._insertString(prefix.slice(completeOn.length));
      return;
    } else if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this._refreshLine();
      return;
    }
    if (!lastKeypressWasTab) return;
    // A second tab lists the candidates in columns ('' starts a new group).
    const widths = completions.map(stringWidth);
    const width = Math.max(...widths) + 2;
    let perRow = Math.floor(this.columns / width) || 1;
    if (perRow === Infinity) perRow = 1;
    let text = '\r\n';
    let inRow = 0;
    let pad = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || inRow === perRow) {
        text += '\r\n';
        inRow = 0;
        pad = 0;
      } else {
        text += ' '.repeat(pad);
      }
      if (completion === '') {
        text += '\r\n';
      } else {
        text += completion;
        pad = width - widths[i];
        inRow++;
      }
    }
    if (inRow !== 0) text += '\r\n\r\n';
    this._writeToOutput(text);
    this._refreshLine();
  }

  _ttyWrite(s, key) {
    const previousKey = this._previousKey;
    key = key || {};
    this._previousKey = key;
    // Up and Down search the history for what was typed before them.
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (this._substringSearch === null) this._substringSearch = this.line.slice(0, this.cursor);
    } else if (this._substringSearch !== null) {
      this._substringSearch = null;
      if (this.historyIndex === this.history.length) this.historyIndex = -1;
    }
    if (key.name === 'escape') return;
    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this._deleteLineLeft();
      else if (key.name === 'delete') this._deleteLineRight();
      return;
    }
    if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          break;
        case 'h': this._deleteLeft(); break;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else this._deleteRight();
          break;
        case 'u': this._deleteLineLeft(); break;
        case 'k': this._deleteLineRight(); break;
        case 'a': this._moveCursor(-Infinity); break;
        case 'e': this._moveCursor(Infinity); break;
        case 'b': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
        case 'f': this._moveCursor(charLengthAt(this.line, this.cursor)); break;
        case 'l':
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          break;
        case 'n': this._historyMove(-1); break;
        case 'p': this._historyMove(1); break;
        case 'z':
          if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
          break;
        case 'w':
        case 'backspace': this._deleteWordLeft(); break;
        case 'delete': this._deleteWordRight(); break;
        case 'left': this._wordLeft(); break;
        case 'right': this._wordRight(); break;
      }
      return;
    }
    if (key.meta) {
      switch (key.name) {
        case 'b': this._wordLeft(); break;
        case 'f': this._wordRight(); break;
        case 'd':
        case 'delete': this._deleteWordRight(); break;
        case 'backspace': this._deleteWordLeft(); break;
      }
      return;
    }
    if (this._sawReturnAt !== 0 && key.name !== 'enter') this._sawReturnAt = 0;
    switch (key.name) {
      case 'return':
        this._sawReturnAt = Date.now();
        this._line();
        return;
      case 'enter':
        // "\r\n" typed as two keys is one line end.
        if (this._sawReturnAt === 0 || Date.now() - this._sawReturnAt > this.crlfDelay) this._line();
        this._sawReturnAt = 0;
        return;
      case 'backspace': this._deleteLeft(); return;
      case 'delete': this._deleteRight(); return;
      case 'left': this._moveCursor(-charLengthLeft(this.line, this.cursor)); return;
      case 'right': this._moveCursor(charLengthAt(this.line, this.cursor)); return;
      case 'home': this._moveCursor(-Infinity); return;
      case 'end': this._moveCursor(Infinity); return;
      case 'up': this._historyMove(1); return;
      case 'down': this._historyMove(-1); return;
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          this._tabComplete(previousKey !== null && previousKey.name === 'tab');
          return;
        }
        break;
    }
    if (typeof s !== 'string' || s === '') return;
    // Text (typed, pasted or written): each line end in it completes a line.
    const ends = /\r\n|\n|\r/g;
    let start = 0;
    let m;
    while ((m = ends.exec(s)) !== null) {
      this._insertString(s.slice(start, m.index));
      start = m.index + m[0].length;
      this._line();
      if (this.closed) return;
    }
    this._insertString(s.slice(start));
  }

  [Symbol.asyncIterator]() {
    // One iterator per interface (a loop nested in another reads the same lines). Lines are
    // queued (pausing the input past 1024 of them) until read; 'close' ends it. Leaving a loop
    // early closes the interface (not its input), as in Node.
    if (this[kLineIterator] !== undefined) return this[kLineIterator];
    const lines = EE.on(this, 'line', { close: ['close'], highWaterMark: 1024 });
    const rl = this;
    this[kLineIterator] = Object.setPrototypeOf({
      next() {
        return lines.next().then((r) => (r.done ? r : { value: r.value[0], done: false }));
      },
      return() {
        rl.close();
        return lines.return();
      },
      throw(err) { return lines.throw(err); },
      [Symbol.asyncIterator]() { return this; },
      [kWatermarkData]: lines[kWatermarkData],
    }, Object.getPrototypeOf(lines));
    return this[kLineIterator];
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function escapeWriter(sequence) {
  return (stream, callback) => {
    if (stream == null) {
      if (typeof callback === 'function') process.nextTick(callback, null);
      return true;
    }
    return stream.write(sequence, callback);
  };
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new codes.ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += `\x1b[${-dx}D`;
  else if (dx > 0) data += `\x1b[${dx}C`;
  if (dy < 0) data += `\x1b[${-dy}A`;
  else if (dy > 0) data += `\x1b[${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  const type = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
  return escapeWriter(type)(stream, callback);
}

const clearScreenDown = escapeWriter('\x1b[0J');

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('readline/promises'); },
});
