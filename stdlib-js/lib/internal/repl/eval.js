'use strict';
// internal/repl/eval: how the REPL runs an entry (its default `eval`).
//
// An entry is first compiled without running it (binding.runtime.compileFunction compiles it
// as a function body, whose syntax errors are the script's): an entry that stops short - V8
// says "Unexpected end of input", or it ends inside a template, a comment or a string continued
// with a backslash, or closing its open brackets makes the error go away - is Recoverable and
// the REPL asks for more with `... `; any other syntax error is reported at once, with the
// source line and carets (V8 does not hand the error's position to JS, so it is found again
// here: the shortest prefix that fails the same way). Entries that start with `{` are tried as
// an object literal first, entries that await at the top level are rewritten
// (internal/repl/await) - one the rewrite cannot run is judged with its awaits blanked out -
// and the rest run as scripts with vm in the REPL's context.

const vm = require('vm');
const { closersOf, tokenize } = require('internal/repl/tokens');
const { markFunctions, processTopLevelAwait } = require('internal/repl/await');

const rt = binding.runtime;
const { codes: { ERR_SCRIPT_EXECUTION_INTERRUPTED } } = require('internal/errors');
// Runs REPL code with the original array iteration (see bootstrap's withArrayIteration).
const withIteration = require.withArrayIteration ?? ((fn) => fn());

/** An incomplete entry: the REPL keeps reading lines. */
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

/** The SyntaxError compiling `code` throws, or null when it compiles. */
function compileError(code) {
  try {
    rt.compileFunction(code, 'repl', []);
    return null;
  } catch (err) {
    return err instanceof SyntaxError || (err && err.name === 'SyntaxError') ? err : null;
  }
}

/** What closes everything `lexed` (from tokenize) leaves open at its end. */
function closingText(lexed) {
  return (lexed.unterminated === 'template' ? '`' : '') + closersOf(lexed.open);
}

/** True when `code` failed only because it ends too soon. */
function isRecoverable(code, err) {
  const lexed = tokenize(code);
  if (lexed.unterminated === 'template' || lexed.unterminated === 'comment') return true;
  if (lexed.unterminated === 'string') return lexed.continued;
  const message = err ? err.message : compileError(code)?.message;
  if (message === undefined) return false;
  if (message === 'Unexpected end of input' || message.startsWith('Unterminated template')) {
    return true;
  }
  if (lexed.open.length === 0 || lexed.mismatched) return false;
  // The error is at the end when closing the open brackets changes it.
  const closed = compileError(`${code}\n${closingText(lexed)}`);
  return closed === null || closed.message !== message;
}

/**
 * Where the syntax error `message` of `code` lies: { start, end } (offsets in `code`), or null.
 * It is the token that ends the shortest prefix which fails with the same message, not for
 * lack of more input. With `asV8`, where V8 points elsewhere (a missing `)` marks the last
 * argument), that place.
 */
function errorRange(code, message, asV8 = true) {
  // A prefix fails the same way when it holds the offending token: its error is not one of
  // running out of input.
  // (A line break after it ends the prefix's last token the way more text would.)
  const fails = (n) => {
    const prefix = `${code.slice(0, n)}\n`;
    const err = compileError(prefix);
    return err !== null && err.message === message && !isRecoverable(prefix, err);
  };
  if (!fails(code.length)) return null;
  let lo = 0;
  let hi = code.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  const { tokens } = tokenize(code);
  let index = tokens.findIndex((t) => t.start < hi && hi <= t.end);
  if (index === -1) index = tokens.findIndex((t) => t.start >= hi - 1);
  if (index === -1) return null;
  // V8 marks the last argument when a call's `)` is missing.
  if (asV8 && message === 'missing ) after argument list' && index > 0) index--;
  return { start: tokens[index].start, end: tokens[index].end };
}

/** The first `return` outside any function (a function body allows it; a script does not). */
function topLevelReturn(code) {
  const { tokens } = tokenize(code);
  markFunctions(tokens, 0, tokens.length, false);
  const token = tokens.find((t) => t.type === 'name' && t.value === 'return' && !t.inFunction);
  return token === undefined ? null : { start: token.start, end: token.end };
}

/**
 * Gives a syntax error of `code` Node's decorated stack: "FILE:LINE", the source line and
 * carets under the offending token, a blank line, then the error's own stack.
 */
function decorateSyntaxError(err, code, filename) {
  if (err === null || typeof err !== 'object') return;
  let range;
  try {
    range = err.message === 'Illegal return statement' ? topLevelReturn(code) :
      errorRange(code, err.message);
  } catch {
    range = null;
  }
  if (range === null) return;
  const lineStart = code.lastIndexOf('\n', range.start - 1) + 1;
  let lineEnd = code.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = code.length;
  const line = code.slice(lineStart, lineEnd);
  const lineNumber = code.slice(0, lineStart).split('\n').length;
  const column = range.start - lineStart;
  // V8 marks an unterminated regular expression by its first character.
  const width = err.message === 'Invalid regular expression: missing /' ? 1 :
    Math.max(1, Math.min(range.end, lineEnd) - range.start);
  let stack;
  try {
    stack = err.stack;
  } catch {
    stack = `${err}`;
  }
  const arrow = `${filename}:${lineNumber}\n${line}\n${' '.repeat(column)}${'^'.repeat(width)}\n\n`;
  try {
    Object.defineProperty(err, 'stack', {
      __proto__: null, value: arrow + stack, writable: true, configurable: true,
    });
  } catch {
    // a frozen error keeps its stack
  }
}

// ===== the default eval =====

// RegExp.$1...$9 belong to the user: the REPL's own regular expressions must not change them.
// They are saved after each entry and put back (by one match) before the next.
const kRegExpSep = '\u0000';
const regExpRestorer = new RegExp(`^${Array(9).fill('([^\\u0000]*)').join(kRegExpSep)}$`);

/**
 * Prepares entry `code` for running: { script, awaiting, code } or { err } (a Recoverable or
 * the syntax error), or {} for an empty entry.
 */
function prepare(server, code, filename) {
  const input = code;
  let wrapped = false;
  let awaiting = false;

  // `{ a: 1 }` reads as an object literal, not a block with a label.
  if (/^\s*{/.test(code) && !/;\s*$/.test(code)) {
    code = `(${code.trim()})\n`;
    wrapped = true;
  }

  if (code.includes('await')) {
    let rewritten = null;
    try {
      rewritten = processTopLevelAwait(code);
    } catch {
      rewritten = null;
    }
    if (rewritten !== null) {
      code = rewritten;
      wrapped = true;
      awaiting = true;
    }
  }

  if (code === '\n') return {};

  const strict = server.replMode === REPL_MODE_STRICT;
  for (;;) {
    let source = code;
    if (strict && !/^\s*$/.test(code)) source = `'use strict'; void 0;\n${code}`;
    let syntaxError = compileError(source);
    if (syntaxError !== null && wrapped) {
      // Not an object literal (or the rewrite did not compile): the entry as typed.
      wrapped = false;
      awaiting = false;
      code = input;
      continue;
    }
    if (syntaxError === null) {
      // import() at the REPL goes through the main loader, as in Node. What a function body
      // allows and a script does not (a top-level `return`) fails here, already decorated by
      // vm as Node's does.
      try {
        const script = new vm.Script(source, {
          filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
        });
        return { script, awaiting, code };
      } catch (err) {
        if (!(err instanceof SyntaxError || (err && err.name === 'SyntaxError'))) throw err;
        return { err };
      }
    }
    if (code.includes('await')) {
      const awaitError = awaitSyntaxError(code, syntaxError);
      if (awaitError !== null) return { err: awaitError };
    }
    // An entry starting with `{` may be an object literal still open (`{ a: [1`): judged as
    // one too, as Node judges it.
    if (isRecoverable(code, syntaxError) ||
        (/^\s*{/.test(code) && isRecoverable(`(${code}`, null))) {
      return { err: new Recoverable(syntaxError) };
    }
    decorateSyntaxError(syntaxError, code, filename);
    return { err: syntaxError };
  }
}

/**
 * The error of an entry with `await` the rewrite could not run, as Node reports it: judged
 * with every `await` blanked out (an entry incomplete without them is Recoverable), and shown
 * as "SyntaxError: " followed by the line, a caret and the message when the fault lies at or
 * after the first `await`. Null when the entry's own error should be reported instead.
 */
function awaitSyntaxError(code, syntaxError) {
  const plain = code.replace(/\bawait\b/g, '     ');
  const plainError = compileError(plain);
  if (plainError !== null && isRecoverable(plain, plainError)) return new Recoverable(syntaxError);
  let range;
  let message;
  if (plainError !== null) {
    range = errorRange(plain, plainError.message, false);
    message = plainError.message;
    // The parser Node uses here names the offending character.
    if (range !== null &&
        /^(?:Unexpected (?:number|string|identifier|template|token)|missing \) after)/.test(message)) {
      message = `Unexpected token '${plain[range.start]}'`;
    }
  } else {
    // Only `await` itself is wrong (in a function that is not async): there it is a name, so
    // what follows it is the unexpected token.
    const { tokens } = tokenize(code);
    const index = tokens.findIndex((t) => t.type === 'name' && t.value === 'await');
    const next = tokens[index + 1];
    if (index !== -1 && next !== undefined && !next.nl && next.type !== 'punct') {
      range = { start: next.start, end: next.end };
      message = `Unexpected token '${code[next.start]}'`;
    } else {
      range = index === -1 ? null : { start: tokens[index].start, end: tokens[index].end };
      message = syntaxError.message;
    }
  }
  if (range === null || range.start < code.indexOf('await')) return null;
  const lineStart = code.lastIndexOf('\n', range.start - 1) + 1;
  let lineEnd = code.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = code.length;
  const caret = `${' '.repeat(range.start - lineStart)}^`;
  return new SyntaxError(`\n${code.slice(lineStart, lineEnd)}\n${caret}\n\n${message}`);
}

/**
 * The default eval of `server` (a REPLServer): `(code, context, filename, callback)`. Errors
 * thrown while running go to the REPL's domain, as uncaught ones do; syntax errors and
 * Recoverable go to `callback`. Only the entry itself runs with the user's builtins: the REPL's
 * own work runs with the original array iteration, which an entry may have deleted.
 */
function createDefaultEval(server) {
  const savedRegExps = Array(9).fill('');
  const saveRegExps = () => {
    for (let i = 1; i <= 9; i++) savedRegExps[i - 1] = RegExp[`$${i}`];
  };

  return function defaultEval(code, context, filename, callback) {
    const prepared = withIteration(() => prepare(server, code, filename));
    if (prepared.script === undefined) {
      if (prepared.err !== undefined) callback(prepared.err);
      else callback(null);
      return;
    }
    const { script, awaiting } = prepared;

    let finished = false;
    const finish = (error, value) => {
      if (finished) return;
      finished = true;
      saveRegExps();
      if (error) callback(error);
      else callback(null, value);
    };
    const toDomain = (error) => {
      if (!process.domain) return false;
      process.domain.emit('error', error);
      process.domain.exit();
      return true;
    };

    // While the entry runs synchronously, Ctrl+C is the terminal's SIGINT again.
    const rawBefore = server.breakEvalOnSigint && server.terminal ? server.input.isRaw : undefined;
    if (rawBefore) server._setRawMode(false);
    let result;
    regExpRestorer.exec(savedRegExps.join(kRegExpSep));
    try {
      // With breakEvalOnSigint, Ctrl+C stops even an entry that never returns (vm's
      // breakOnSigint).
      // As Node's REPL: no arrow above the stack (the REPL prints errors its own way).
      const options = { displayErrors: false, breakOnSigint: server.breakEvalOnSigint === true };
      result = server.useGlobal ? script.runInThisContext(options) :
        script.runInContext(context, options);
    } catch (error) {
      saveRegExps();
      if (rawBefore) server._setRawMode(true);
      withIteration(() => {
        if ((error instanceof SyntaxError || (error && error.name === 'SyntaxError')) &&
            isCompileTimeError(error)) {
          // A syntax error only a script has (`return` at the top): nothing ran.
          decorateSyntaxError(error, prepared.code, filename);
        }
      });
      if (!toDomain(error)) finish(error);
      return;
    }
    if (rawBefore) server._setRawMode(true);

    if (!awaiting) {
      finish(null, result);
      return;
    }
    // Keys typed (and the end of input) wait until the entry settles and its result is out.
    // With breakEvalOnSigint, Node races the entry against Ctrl+C, which then rejects it with
    // ERR_SCRIPT_EXECUTION_INTERRUPTED (no stack); the race also costs a tick, which decides
    // how results interleave with other promise jobs.
    server._pauseInput();
    let stopListening = null;
    const settled = server.breakEvalOnSigint ? Promise.race([result, new Promise((_, reject) => {
      stopListening = server._interruptOnSigint(() => {
        const limit = Error.stackTraceLimit;
        try {
          Error.stackTraceLimit = 0;
        } catch {
          // a frozen Error: the stack stays
        }
        const err = new ERR_SCRIPT_EXECUTION_INTERRUPTED();
        try {
          Error.stackTraceLimit = limit;
        } catch {
          // as above
        }
        reject(err);
      });
    })]) : result;
    Promise.resolve(settled).then((outcome) => {
      finish(null, outcome?.value);
    }, (error) => {
      if (!(error && toDomain(error))) finish(error);
    }).finally(() => {
      if (stopListening !== null) stopListening();
      server._resumeInput();
    });
  };
}

// A SyntaxError thrown while compiling (not by running code) has no frame of the entry.
function isCompileTimeError(err) {
  let stack;
  try {
    stack = `${err.stack}`;
  } catch {
    return false;
  }
  const firstFrame = /\n\s+at (.*)/.exec(stack);
  return firstFrame === null || /\(node:vm:|^Script\.runIn/.test(firstFrame[1]);
}

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

module.exports = {
  withIteration,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  compileError,
  createDefaultEval,
  decorateSyntaxError,
  isRecoverable,
};
