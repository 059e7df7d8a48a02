'use strict';
// internal/repl/eval: how the REPL runs an entry (its default `eval`).
//
// An entry is first compiled without running it (binding.runtime.compileFunction compiles it
// as a function body, whose syntax errors are the script's): an entry that stops short — V8
// says "Unexpected end of input", or it ends inside a template, a comment or a string continued
// with a backslash, or closing its open brackets makes the error go away — is Recoverable and
// the REPL asks for more with `... `; any other syntax error is reported at once, with the
// source line and carets (V8 does not hand the error's position to JS, so it is found again
// here: the shortest prefix that fails the same way). Entries that start with `{` are tried as
// an object literal first, entries that await at the top level are rewritten
// (internal/repl/await), and the rest run as scripts with vm in the REPL's context.

const vm = require('vm');
const { closersOf, tokenize } = require('internal/repl/tokens');
const { markFunctions, processTopLevelAwait } = require('internal/repl/await');

const rt = binding.runtime;
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
 * It is the token that ends the shortest prefix which, once what it leaves open is closed,
 * fails with the same message.
 */
function errorRange(code, message) {
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
  if (message === 'missing ) after argument list' && index > 0) index--;
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
function decorateSyntaxError(err, code, filename, lineOffset = 0) {
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
  const lineNumber = code.slice(0, lineStart).split('\n').length - lineOffset;
  const column = range.start - lineStart;
  const width = Math.max(1, Math.min(range.end, lineEnd) - range.start);
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

// RegExp.$1…$9 belong to the user: the REPL's own regular expressions must not change them.
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
      return { script: new vm.Script(source, { filename }), awaiting, code };
    }
    if (/\bawait\b/.test(code) && syntaxError.message.includes('await')) {
      // `await` where the rewrite could not help: report the entry's own error inside an
      // async function, as V8 reads it there.
      const inAsync = compileError(`(async () => {\n${code}\n})`);
      if (inAsync !== null && !isRecoverable(code)) syntaxError = inAsync;
    }
    if (isRecoverable(code, syntaxError)) return { err: new Recoverable(syntaxError) };
    decorateSyntaxError(syntaxError, code, filename);
    return { err: syntaxError };
  }
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
      result = server.useGlobal ? script.runInThisContext() : script.runInContext(context);
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
    // With breakEvalOnSigint, Node races the entry against Ctrl+C; the race costs a tick,
    // which decides how results interleave with other promise jobs, so it is kept.
    server._pauseInput();
    const settled = server.breakEvalOnSigint ? Promise.race([result, new Promise(() => {})]) :
      result;
    Promise.resolve(settled).then((outcome) => {
      finish(null, outcome?.value);
    }, (error) => {
      if (!(error && toDomain(error))) finish(error);
    }).finally(() => server._resumeInput());
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
