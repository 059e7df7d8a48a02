'use strict';
// node:readline — line-by-line reading of a stream: createInterface() with 'line'/'close'
// events, question(), prompt(), async iteration over lines, and the cursor helpers that write
// ANSI escapes. Terminal line editing (history, completion, keypress decoding) is not here;
// input is taken as text lines, as Node does when `terminal` is false.

const EE = require('events');
const { codes } = require('internal/errors');
const { StringDecoder } = require('string_decoder');

const kLineEnd = /\r\n|\n|\r/;

class Interface extends EE {
  constructor(input, output, completer, terminal) {
    super();
    let options = input;
    if (!(input && typeof input.on === 'function' && typeof input.read === 'function' &&
          output === undefined && completer === undefined) &&
        !(input && typeof input === 'object' && 'input' in input)) {
      options = { input, output, completer, terminal };
    }
    if (!options || !options.input) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.input', options && options.input);
    }
    this.input = options.input;
    this.output = options.output;
    this.terminal = !!(options.terminal === undefined ? this.output && this.output.isTTY
      : options.terminal);
    this.line = '';
    this.cursor = 0;
    this.closed = false;
    this.paused = false;
    this._prompt = options.prompt === undefined ? '> ' : `${options.prompt}`;
    this._questionCallback = null;
    this._pending = '';
    this._decoder = new StringDecoder('utf8');
    this._onData = (chunk) => this._receive(typeof chunk === 'string' ? chunk : this._decoder.write(chunk));
    this._onEnd = () => {
      const rest = this._decoder.end();
      if (rest) this._receive(rest);
      if (this._pending.length > 0) {
        const line = this._pending;
        this._pending = '';
        this._onLine(line);
      }
      this.close();
    };
    this.input.on('data', this._onData);
    this.input.on('end', this._onEnd);
    if (typeof this.input.resume === 'function') this.input.resume();
    if (options.signal) {
      const onAbort = () => this.close();
      if (options.signal.aborted) process.nextTick(onAbort);
      else options.signal.addEventListener('abort', onAbort, { once: true });
    }
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

  prompt() {
    if (this.paused) this.resume();
    if (this.output && typeof this.output.write === 'function') this.output.write(this._prompt);
  }

  question(query, options, cb) {
    if (typeof options === 'function') {
      cb = options;
      options = {};
    }
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (typeof cb !== 'function') return;
    if (this._questionCallback) {
      this.prompt();
      return;
    }
    this._questionCallback = cb;
    if (options && options.signal) {
      options.signal.addEventListener('abort', () => { this._questionCallback = null; }, { once: true });
    }
    if (this.output && typeof this.output.write === 'function') this.output.write(`${query}`);
  }

  write(data) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (typeof data === 'string') this._receive(data);
  }

  pause() {
    if (this.paused) return this;
    if (typeof this.input.pause === 'function') this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return this;
    if (typeof this.input.resume === 'function') this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.input.removeListener('data', this._onData);
    this.input.removeListener('end', this._onEnd);
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() {
    return { rows: 0, cols: this.cursor };
  }

  [Symbol.asyncIterator]() {
    const lines = [];
    const waiting = [];
    let done = false;
    const push = (line) => {
      if (waiting.length > 0) waiting.shift()({ value: line, done: false });
      else lines.push(line);
    };
    const finish = () => {
      done = true;
      while (waiting.length > 0) waiting.shift()({ value: undefined, done: true });
    };
    this.on('line', push);
    this.on('close', finish);
    const rl = this;
    return {
      next() {
        if (lines.length > 0) return Promise.resolve({ value: lines.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return() {
        rl.removeListener('line', push);
        rl.close();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    };
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

module.exports = {
  Interface,
  clearLine,
  clearScreenDown: escapeWriter('\x1b[0J'),
  createInterface,
  cursorTo,
  emitKeypressEvents() {},
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('readline/promises'); },
});
