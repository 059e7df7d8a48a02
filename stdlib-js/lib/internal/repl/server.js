'use strict';
// internal/repl/server: REPLServer, node:repl's read-eval-print loop, a readline Interface
// over any pair of streams (process.stdin/stdout, a socket, test streams).
//
// Each line typed goes to `line`: a dot-command runs its action; anything else is added to the
// buffered entry and run by `eval` (internal/repl/eval by default) with a callback. A
// Recoverable error keeps the entry buffered and prompts with `... `; a result is printed with
// the writer (util.inspect); an error - thrown now, or later by a timer, emitter or promise the
// entry created - reaches the REPL's domain and is printed as "Uncaught ..." with the REPL's own
// stack frames cut off. While an entry awaits, keys typed on a terminal wait for it to finish
// (lines from a pipe do not, as in Node). Ctrl+C clears the line (twice on an empty one exits),
// Ctrl+D exits, and editor mode (internal/repl/commands) collects lines until Ctrl+D.

const { Interface } = require('readline');
const { inspect } = require('internal/util/inspect');
const { codes, validateFunction } = require('internal/errors');
const {
  REPL_MODE_SLOPPY, REPL_MODE_STRICT, Recoverable, createDefaultEval, withIteration,
} = require('internal/repl/eval');
const { complete, completeOnEditorMode } = require('internal/repl/completion');
const { defineDefaultCommands, turnOffEditorMode } = require('internal/repl/commands');
const { reverseSearch } = require('internal/repl/search');
const { setupPreview } = require('internal/repl/preview');
const { lexicalNames } = require('internal/repl/source');
const { createContext } = require('internal/repl/context');
const { describeError, uncaughtText } = require('internal/repl/report');

const kStandaloneREPL = Symbol('kStandaloneREPL');
const kBuffered = Symbol('bufferedCommand');
const kPaused = Symbol('paused');
const kPausedBuffer = Symbol('pausedBuffer');
const kSawSIGINT = Symbol('sawSIGINT');
// What the next Ctrl+C does instead of clearing the line (interrupting an awaiting entry).
const kInterrupts = Symbol('interrupts');
const kSawCtrlD = Symbol('sawCtrlD');
const kLexical = Symbol('lexicalNames');
const kDefaultEval = Symbol('defaultEval');
const kPreview = Symbol('preview');

// REPL1, REPL2, ...: every entry of every REPL gets the next name (as its stack frames show).
let resourceNumber = 0;
const nextResourceName = () => `REPL${++resourceNumber}`;

// The default writer; `writer.options` are the REPL's inspect options (util.inspect.replDefaults
// in the standalone REPL).
const writer = (obj) => inspect(obj, writer.options);
writer.options = { ...inspect.defaultOptions, showProxy: true };

/** A line of input: a dot-command, or (part of) an entry to evaluate. */
function onLine(cmd) {
  cmd = cmd || '';
  const entry = withIteration(() => this._entryOf(cmd));
  if (entry === null) return;
  claimRejections(this);
  this.eval(entry, this.context, nextResourceName(), (e, ...result) => {
    if (!e && this[kDefaultEval]) {
      withIteration(() => {
        for (const name of lexicalNames(entry)) this[kLexical].add(name);
      });
    }
    this._finishLine(cmd, e, ...result);
  });
}

let uncaughtGuardAdded = false;
const replDomains = new WeakSet();

// The REPL most recently started or run: unhandled rejections are reported there.
let currentRepl = null;

class REPLServer extends Interface {
  constructor(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
    let options;
    if (prompt !== null && typeof prompt === 'object') {
      options = { ...prompt };
      stream = options.stream || options.socket;
      evalFn = options.eval;
      useGlobal = options.useGlobal;
      ignoreUndefined = options.ignoreUndefined;
      prompt = options.prompt;
      replMode = options.replMode;
    } else {
      options = {};
    }
    if (!options.input && !options.output) {
      stream ||= process;
      options.input = stream.stdin || stream;
      options.output = stream.stdout || stream;
    }
    if (options.terminal === undefined) options.terminal = options.output.isTTY;
    options.terminal = !!options.terminal;
    if (options.terminal && options.useColors === undefined) {
      if (typeof options.output.hasColors === 'function') {
        options.useColors = options.output.hasColors();
      } else if (process.env.NODE_DISABLE_COLORS === undefined) {
        options.useColors = true;
      }
    }
    if (options.breakEvalOnSigint && evalFn) throw new codes.ERR_INVALID_REPL_EVAL_CONFIG();

    let self = null;
    const defaultCompleter = (text, cb) => {
      complete(self, text, self.editorMode ? completeOnEditorMode(cb) : cb);
    };
    super({
      input: options.input,
      output: options.output,
      completer: options.completer || defaultCompleter,
      terminal: options.terminal,
      historySize: options.historySize,
      prompt,
    });
    self = this;

    this[kStandaloneREPL] = !!options[kStandaloneREPL];
    this._initialPrompt = this.getPrompt();
    this.allowBlockingCompletions = !!options.allowBlockingCompletions;
    this.useColors = !!options.useColors;
    this._domain = options.domain || require('domain').create();
    this.useGlobal = !!useGlobal;
    this.ignoreUndefined = !!ignoreUndefined;
    this.replMode = replMode || REPL_MODE_SLOPPY;
    this.underscoreAssigned = false;
    this.last = undefined;
    this.underscoreErrAssigned = false;
    this.lastError = undefined;
    this.breakEvalOnSigint = !!options.breakEvalOnSigint;
    this.editorMode = false;
    this._loading = false;
    this[kBuffered] = '';
    this[kPaused] = false;
    this[kPausedBuffer] = [];
    this[kSawSIGINT] = false;
    this[kInterrupts] = new Set();
    this[kSawCtrlD] = false;
    this[kLexical] = new Set();

    defineDeprecatedStreamAccessors(this);

    if (this[kStandaloneREPL]) {
      // The running REPL, for whoever wants to look at it from inside.
      require('repl').repl = this;
    } else if (!uncaughtGuardAdded) {
      // Inside a REPL that is part of a program, the program owns 'uncaughtException'.
      uncaughtGuardAdded = true;
      process.prependListener('newListener', (event) => {
        if (event === 'uncaughtException' && process.domain && replDomains.has(process.domain)) {
          throw new codes.ERR_INVALID_REPL_INPUT(
            'Listeners for `uncaughtException` cannot be used in the REPL');
        }
      });
    }
    replDomains.add(this._domain);
    watchRejections(this);

    const defaultEval = createDefaultEval(this);
    this[kDefaultEval] = !evalFn;
    this.eval = this._domain.bind(evalFn || defaultEval);

    this.resetContext();
    this.commands = { __proto__: null };
    defineDefaultCommands(this);

    this.writer = options.writer || require('repl').writer;
    if (this.writer === writer) {
      writer.options.colors = this.useColors;
      if (this[kStandaloneREPL]) {
        Object.defineProperty(inspect, 'replDefaults', {
          __proto__: null,
          get: () => writer.options,
          set: (value) => {
            if (value === null || typeof value !== 'object') {
              throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', value);
            }
            return Object.assign(writer.options, value);
          },
          enumerable: true,
          configurable: true,
        });
      }
    }

    this._domain.on('error', (e) => this._reportError(e));
    this.on('close', () => {
      if (this[kPaused]) {
        this[kPausedBuffer].push(['close']);
        return;
      }
      this.emit('exit');
    });
    this.on('SIGINT', () => this._onSigint());
    this.on('SIGCONT', () => {
      if (this.editorMode) {
        this.output.write(`${this._initialPrompt}.editor\n`);
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
        this.output.write(`${this[kBuffered]}\n`);
        this.prompt(true);
      } else {
        this.displayPrompt(true);
      }
    });
    this.on('line', onLine);
    // On a terminal, with the REPL's own eval, the line is previewed as it is typed.
    const preview = options.terminal &&
      (options.preview !== undefined ? !!options.preview : !evalFn);
    this[kPreview] = setupPreview(this, preview, () => this[kBuffered] !== '',
      REPL_MODE_STRICT);
    this.displayPrompt();
  }

  // ----- lines -----

  /** The entry a line completes, or null when the line was a dot-command or editor input. */
  _entryOf(cmd) {
    this[kSawSIGINT] = false;
    currentRepl = this;
    if (this.editorMode) {
      this[kBuffered] += `${cmd}\n`;
      // The next line starts with this one's indentation.
      const indent = this._sawKeyPress && !this._loading ? /^\s+/.exec(cmd) : null;
      if (indent !== null) {
        this.write(indent[0]);
        this.line = indent[0];
        this.cursor = indent[0].length;
      }
      this._memory(cmd);
      return null;
    }
    const trimmed = cmd.trim();
    if (trimmed && trimmed[0] === '.' && trimmed[1] !== '.' &&
        Number.isNaN(Number.parseFloat(trimmed))) {
      const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
      const command = m !== null ? this.commands[m[1]] : undefined;
      if (command !== undefined) {
        command.action.call(this, m[2]);
        return null;
      }
      if (!this[kBuffered]) {
        this.output.write('Invalid REPL keyword\n');
        this._finishLine(cmd, null);
        return null;
      }
    }
    return `${this[kBuffered]}${cmd}\n`;
  }

  /** What follows an entry: more lines, the error, or the result and a new prompt. */
  _finishLine(cmd, e, ...result) {
    withIteration(() => this._finishLineNow(cmd, e, ...result));
  }

  _finishLineNow(cmd, e, ...result) {
    this._memory(cmd);
    if (e && !this[kBuffered] && cmd.trim().startsWith('npm ') && !(e instanceof Recoverable)) {
      this.output.write('npm should be run outside of the Node.js REPL, in your normal shell.\n' +
        '(Press Ctrl+D to exit.)\n');
      this.displayPrompt();
      return;
    }
    if (e) {
      if (e instanceof Recoverable && !this[kSawCtrlD]) {
        this[kBuffered] += `${cmd}\n`;
        this.displayPrompt();
        return;
      }
      this._domain.emit('error', e.err || e);
    }
    this.clearBufferedCommand();
    this[kSawCtrlD] = false;
    if (!e && result.length === 1 && (!this.ignoreUndefined || result[0] !== undefined)) {
      if (!this.underscoreAssigned) this.last = result[0];
      this.output.write(`${this.writer(result[0])}\n`);
    }
    if (!e) this.displayPrompt();
  }

  /** Keeps the lines of the session for `.save` (multi-line entries line by line). */
  _memory(cmd) {
    this.lines ||= [];
    this.lines.level ||= [];
    this.lines.push(cmd || '');
    if (!cmd) this.lines.level = [];
  }

  // ----- errors -----

  /** Prints an error that reached the REPL's domain, Node's way. */
  _reportError(e) {
    withIteration(() => this._reportErrorNow(e));
  }

  _reportErrorNow(e) {
    const text = describeError(this, e);
    if (!this.underscoreErrAssigned) this.lastError = e;

    if (this[kStandaloneREPL] && process.listenerCount('uncaughtException') !== 0) {
      process.nextTick(() => {
        process.emit('uncaughtException', e);
        this.clearBufferedCommand();
        this.lines.level = [];
        this.displayPrompt();
      });
      return;
    }
    this.output.write(uncaughtText(text === '' ? this.writer(e) : text, writer.options.breakLength));
    this.clearBufferedCommand();
    this.lines.level = [];
    this.displayPrompt();
  }

  // ----- keys -----

  _onSigint() {
    if (this[kInterrupts].size > 0) {
      for (const interrupt of [...this[kInterrupts]]) interrupt();
      return;
    }
    const empty = this.line.length === 0;
    this.clearLine();
    turnOffEditorMode(this);
    const buffered = this[kBuffered];
    if (!(buffered && buffered.length > 0) && empty) {
      if (this[kSawSIGINT]) {
        this.close();
        this[kSawSIGINT] = false;
        return;
      }
      this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      this[kSawSIGINT] = true;
    } else {
      this[kSawSIGINT] = false;
    }
    this.clearBufferedCommand();
    this.lines.level = [];
    this.displayPrompt();
  }

  _ttyWrite(d, key) {
    key = key || {};
    if (this[kPaused] && !(this.breakEvalOnSigint && key.ctrl && key.name === 'c')) {
      this[kPausedBuffer].push(['key', [d, key], this.isCompletionEnabled]);
      return;
    }
    if (!this.editorMode || !this.terminal) {
      // Ctrl+D on an empty line: the line ends before the REPL does.
      if (key.ctrl && key.name === 'd' && this.cursor === 0 && this.line.length === 0) {
        this.clearLine();
      }
      if (key.name === 'up' && !key.ctrl && !key.meta && !key.shift &&
          typeof this._historyDisabledNote === 'function') {
        this._historyDisabledNote();
      }
      this[kPreview].clearPreview(key);
      if (this.terminal && reverseSearch(this, d, key)) return;
      super._ttyWrite(d, key);
      this[kPreview].showPreview(key.name !== 'escape');
      return;
    }
    // Editor mode: Ctrl+D runs what was typed; history keys do nothing.
    if (key.ctrl && !key.shift) {
      switch (key.name) {
        case 'd':
          turnOffEditorMode(this);
          this[kSawCtrlD] = true;
          super._ttyWrite(d, { name: 'return' });
          break;
        case 'n':
        case 'p':
          break;
        default:
          super._ttyWrite(d, key);
      }
    } else {
      switch (key.name) {
        case 'up':
        case 'down':
          break;
        case 'tab':
          this._previousKey = null;
          super._ttyWrite(d, key);
          break;
        default:
          super._ttyWrite(d, key);
      }
    }
  }

  /** Ctrl+C calls `fn` (and nothing else) until the function returned is called. */
  _interruptOnSigint(fn) {
    this[kInterrupts].add(fn);
    return () => this[kInterrupts].delete(fn);
  }

  /** While an entry awaits, keys typed on a terminal (and the end of input) wait for it. */
  _pauseInput() {
    this[kPaused] = true;
  }

  _resumeInput() {
    if (!this[kPaused]) return;
    this[kPaused] = false;
    const completionEnabled = this.isCompletionEnabled;
    let entry;
    while ((entry = this[kPausedBuffer].shift()) !== undefined) {
      const [type, payload, isCompletionEnabled] = entry;
      if (type === 'key') {
        this.isCompletionEnabled = isCompletionEnabled;
        this._ttyWrite(payload[0], payload[1]);
      } else if (type === 'close') {
        this.emit('exit');
      }
      if (this[kPaused]) break;
    }
    this.isCompletionEnabled = completionEnabled;
  }

  // ----- the public surface -----

  clearBufferedCommand() {
    this[kBuffered] = '';
  }

  close() {
    process.nextTick(() => Interface.prototype.close.call(this));
  }

  createContext() {
    return createContext(this);
  }

  resetContext() {
    this.context = this.createContext();
    this.underscoreAssigned = false;
    this.underscoreErrAssigned = false;
    this.lines = [];
    this.lines.level = [];
    if (!this.useGlobal) this[kLexical] = new Set();

    Object.defineProperty(this.context, '_', {
      __proto__: null,
      configurable: true,
      get: () => this.last,
      set: (value) => {
        this.last = value;
        if (!this.underscoreAssigned) {
          this.underscoreAssigned = true;
          this.output.write('Expression assignment to _ now disabled.\n');
        }
      },
    });
    Object.defineProperty(this.context, '_error', {
      __proto__: null,
      configurable: true,
      get: () => this.lastError,
      set: (value) => {
        this.lastError = value;
        if (!this.underscoreErrAssigned) {
          this.underscoreErrAssigned = true;
          this.output.write('Expression assignment to _error now disabled.\n');
        }
      },
    });
    this.emit('reset', this.context);
  }

  displayPrompt(preserveCursor) {
    let prompt = this._initialPrompt;
    if (this[kBuffered].length) {
      const depth = this.lines.level.length ? this.lines.level.length - 1 : 0;
      prompt = `...${'..'.repeat(depth)} `;
    }
    Interface.prototype.setPrompt.call(this, prompt);
    this.prompt(preserveCursor);
  }

  setPrompt(prompt) {
    this._initialPrompt = prompt;
    super.setPrompt(prompt);
  }

  defineCommand(keyword, cmd) {
    if (typeof cmd === 'function') cmd = { action: cmd };
    else validateFunction(cmd.action, 'cmd.action');
    this.commands[keyword] = cmd;
  }

  complete(...args) {
    Reflect.apply(this.completer, this, args);
  }

  completeOnEditorMode(callback) {
    return completeOnEditorMode(callback);
  }

  setupHistory(historyFile, callback) {
    require('internal/repl/history').setupHistory(this, historyFile, callback);
  }

  /** Names declared with let/const/class by the entries so far (for completion). */
  _lexicalNames() {
    return this[kLexical];
  }

  _nextResourceName() {
    return nextResourceName();
  }
}

let streamAccessorsWarned = false;

// repl.inputStream / repl.outputStream: old names of input and output (deprecated, DEP0141).
function defineDeprecatedStreamAccessors(repl) {
  const pending = require('internal/options').getOptionValue('--pending-deprecation') ||
    /(?:^|\s)--pending-deprecation(?:\s|$)/.test(process.env.NODE_OPTIONS || '');
  const warn = () => {
    if (pending && !streamAccessorsWarned) {
      streamAccessorsWarned = true;
      process.emitWarning('repl.inputStream and repl.outputStream are deprecated. ' +
        'Use repl.input and repl.output instead', 'DeprecationWarning', 'DEP0141');
    }
  };
  for (const [name, target] of [['inputStream', 'input'], ['outputStream', 'output']]) {
    Object.defineProperty(repl, name, {
      __proto__: null,
      get() {
        warn();
        return this[target];
      },
      set(value) {
        warn();
        this[target] = value;
      },
      enumerable: false,
      configurable: true,
    });
  }
}

// Rejections nobody handles belong to the REPL whose entry made them, as Node's domain makes
// promises created inside it belong to the REPL. Without promise hooks that is approximated:
// the standalone REPL takes every one (it is the whole program), a REPL inside a program only
// those that surface in the turn of the loop an entry ran in; a program's own
// 'unhandledRejection' listeners come first.
let standaloneRejections = false;
let entryTurn = false;

function onUnhandledRejection(reason) {
  const others = process.listeners('unhandledRejection')
    .filter((fn) => fn !== onUnhandledRejection).length;
  if (others > 0) return;
  const target = currentRepl;
  if (target === null || target.closed) {
    // No REPL to show it: as if nobody listened, an uncaught exception.
    process.nextTick(() => { throw reason; });
    return;
  }
  target._domain.emit('error', reason);
}

function watchRejections(repl) {
  currentRepl ??= repl;
  if (repl[kStandaloneREPL] && !standaloneRejections) {
    standaloneRejections = true;
    if (!entryTurn) process.on('unhandledRejection', onUnhandledRejection);
  }
}

/** Before an entry of `repl` runs: its turn's rejections are the REPL's. */
function claimRejections(repl) {
  currentRepl = repl;
  if (standaloneRejections || entryTurn) return;
  entryTurn = true;
  process.on('unhandledRejection', onUnhandledRejection);
  setImmediate(() => {
    entryTurn = false;
    if (!standaloneRejections) process.removeListener('unhandledRejection', onUnhandledRejection);
  }).unref();
}

// As in Node, REPLServer may be called without `new` (and subclassed).
const REPLServerClass = REPLServer;
const REPLServerConstructor = function REPLServer(...args) {
  return Reflect.construct(REPLServerClass, args, new.target ?? REPLServerConstructor);
};
REPLServerConstructor.prototype = REPLServer.prototype;
Object.defineProperty(REPLServer.prototype, 'constructor', {
  __proto__: null, value: REPLServerConstructor, writable: true, enumerable: false,
  configurable: true,
});
Object.setPrototypeOf(REPLServerConstructor, Interface);

module.exports = {
  REPLServer: REPLServerConstructor,
  kStandaloneREPL,
  writer,
};
