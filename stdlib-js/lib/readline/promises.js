'use strict';
// node:readline/promises - the readline Interface with question() returning a promise.

const readline = require('readline');
const { AbortError, validateAbortSignal } = require('internal/errors');

class Interface extends readline.Interface {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const signal = options ? options.signal : undefined;
      let answer = resolve;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        // Aborting takes the question back and rejects.
        const onAbort = () => {
          this._cancelQuestion();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        answer = (line) => {
          signal.removeEventListener('abort', onAbort);
          resolve(line);
        };
      }
      super.question(query, answer);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  createInterface,
  Readline: class Readline {
    constructor(stream) { this.stream = stream; this.todo = []; }
    clearLine(dir) { this.todo.push(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'); return this; }
    clearScreenDown() { this.todo.push('\x1b[0J'); return this; }
    cursorTo(x, y) { this.todo.push(typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`); return this; }
    moveCursor(dx, dy) { let d = ''; if (dx) d += dx < 0 ? `\x1b[${-dx}D` : `\x1b[${dx}C`; if (dy) d += dy < 0 ? `\x1b[${-dy}A` : `\x1b[${dy}B`; this.todo.push(d); return this; }
    commit() { const data = this.todo.join(''); this.todo = []; return new Promise((r) => { this.stream.write(data, r); }); }
    rollback() { this.todo = []; return this; }
  },
};
