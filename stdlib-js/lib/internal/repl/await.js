'use strict';
// internal/repl/await: the REPL's top-level `await`. An entry that awaits outside any function
// is rewritten to run inside an async arrow function, whose promise the REPL waits for:
//
//   const { a } = await f(); a   ->   let a; (async () => { void ({ a } = await f());
//                                       return { value: (a) } })()
//
// Declarations that must outlive the entry move out of the function: `var` anywhere outside
// functions, and `let`/`const`/`class` at the top become declarations before it (`const`
// becomes `let`, since the value is assigned later), with assignments left in their place;
// function declarations are declared with `var` and copied to the global object. The last
// statement's value, when it is an expression, comes back as `{ value }`. The rewrite works on
// tokens (internal/repl/tokens) and statement boundaries, not on a full syntax tree: when it
// cannot make sense of an entry it returns null and the entry runs as written.

const { endsExpression, startsStatement, tokenize } = require('internal/repl/tokens');

const isPunct = (token, value) => token !== undefined && token.type === 'punct' &&
  token.value === value;
const isName = (token, value) => token !== undefined && token.type === 'name' &&
  (value === undefined || token.value === value);

// Keywords before a parenthesized head whose `{` opens a block, not a function body.
const blockHeads = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);

/**
 * Marks every token inside a function (body, parameters or a class body) with `inFunction`.
 * A `{` opens a function body after `=>`, after a parameter list `(...)` that no statement
 * keyword owns (functions, methods, accessors), and after `class Name extends ...`. An arrow
 * function without braces runs to the end of its assignment expression.
 */
function markFunctions(tokens, from, to, inFunction) {
  let classPending = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (inFunction) token.inFunction = true;
    if (isName(token, 'class')) classPending = true;
    if (token.type === 'punct' && token.match !== undefined && token.match > i) {
      let opensFunction = false;
      if (token.value === '{') {
        const prev = tokens[i - 1];
        if (classPending) {
          opensFunction = true;
          classPending = false;
        } else if (isPunct(prev, '=>')) {
          opensFunction = true;
        } else if (isPunct(prev, ')') && prev.match !== undefined) {
          const owner = tokens[prev.match - 1];
          const forAwait = isName(owner, 'await') && isName(tokens[prev.match - 2], 'for');
          opensFunction = !(isName(owner) && blockHeads.has(owner.value)) && !forAwait;
        }
      }
      markFunctions(tokens, i + 1, token.match, inFunction || opensFunction);
      if (inFunction) tokens[token.match].inFunction = true;
      i = token.match;
      continue;
    }
    if (isPunct(token, '=>') && !inFunction && !isPunct(tokens[i + 1], '{')) {
      // A concise arrow body: up to a `,` or `;` at this level, the end of the enclosing
      // group, or a line break where a new statement starts.
      let j = i + 1;
      for (; j < to; j++) {
        const t = tokens[j];
        if (isPunct(t, ',') || isPunct(t, ';')) break;
        if (j > i + 1 && t.nl && endsExpression(tokens[j - 1]) && startsStatement(t)) break;
        if (t.type === 'punct' && t.match !== undefined && t.match > j) {
          markFunctions(tokens, j, t.match + 1, true);
          j = t.match;
          continue;
        }
        t.inFunction = true;
      }
      i = j - 1;
    }
  }
}

/** A statement-level walk that collects the edits of the rewrite. */
class Rewriter {
  constructor(src, tokens) {
    this.src = src;
    this.tokens = tokens;
    this.i = 0;
    this.edits = [];     // { at, remove, text, order }
    this.hoisted = [];   // 'var a, b; ' / 'let c; '
    this.failed = false; // something we do not handle (import/export, top-level return)
  }

  get token() { return this.tokens[this.i]; }

  edit(at, remove, text) {
    this.edits.push({ at, remove, text, order: this.edits.length });
  }

  /** Skips an expression up to `;`, a `,` when `commaEnds`, the enclosing group's end or ASI. */
  skipExpression(end, commaEnds) {
    const start = this.i;
    let ternaries = 0;
    while (this.i < end) {
      const t = this.token;
      if (t.type === 'punct') {
        if (t.value === ';') break;
        if (t.value === ',' && commaEnds) break;
        if (t.value === ')' || t.value === ']' || t.value === '}') break;
        if (t.value === '?') ternaries++;
        if (t.value === ':') {
          if (ternaries === 0) break;
          ternaries--;
        }
      }
      if (this.i > start && t.nl && endsExpression(this.tokens[this.i - 1]) &&
          startsStatement(t)) {
        break;
      }
      if (t.type === 'punct' && t.match !== undefined && t.match > this.i) {
        this.i = t.match + 1;
      } else {
        this.i++;
      }
    }
  }

  /** Statements from the current token to `end` (exclusive); returns them. */
  statements(end, top) {
    const list = [];
    while (this.i < end && !this.failed) {
      const before = this.i;
      list.push(this.statement(end, top));
      if (this.i === before) this.i++;  // never loop on something unexpected
    }
    return list;
  }

  skipSemicolon() {
    if (isPunct(this.token, ';')) this.i++;
  }

  /** One statement starting at the current token: returns { kind, first, last }. */
  statement(end, top) {
    const first = this.i;
    const t = this.token;
    const next = this.tokens[this.i + 1];
    const done = (kind) => ({ kind, first, last: this.i - 1 });
    if (isPunct(t, ';')) {
      this.i++;
      return done('empty');
    }
    if (isPunct(t, '{')) {
      this.i++;
      this.statements(t.match, false);
      this.i = t.match + 1;
      return done('block');
    }
    if (t.type === 'name') {
      switch (t.value) {
        case 'var':
        case 'const':
          this.declaration(end, top, t.value);
          this.skipSemicolon();
          return done('declaration');
        case 'let':
          if (isName(next) || isPunct(next, '[') || isPunct(next, '{')) {
            this.declaration(end, top, 'let');
            this.skipSemicolon();
            return done('declaration');
          }
          break;
        case 'async':
          if (isName(next, 'function') && !next.nl) {
            this.functionDeclaration(first);
            return done('function');
          }
          break;
        case 'function':
          this.functionDeclaration(first);
          return done('function');
        case 'class':
          this.classDeclaration(end, top);
          return done('class');
        case 'if':
          this.i++;
          this.skipGroup();
          this.statement(end, false);
          if (isName(this.token, 'else')) {
            this.i++;
            this.statement(end, false);
          }
          return done('if');
        case 'for':
          this.forStatement(end);
          return done('for');
        case 'while':
        case 'with':
          this.i++;
          this.skipGroup();
          this.statement(end, false);
          return done(t.value);
        case 'do':
          this.i++;
          this.statement(end, false);
          if (isName(this.token, 'while')) {
            this.i++;
            this.skipGroup();
          }
          this.skipSemicolon();
          return done('do');
        case 'try':
          this.i++;
          this.statement(end, false);
          if (isName(this.token, 'catch')) {
            this.i++;
            if (isPunct(this.token, '(')) this.skipGroup();
            this.statement(end, false);
          }
          if (isName(this.token, 'finally')) {
            this.i++;
            this.statement(end, false);
          }
          return done('try');
        case 'switch':
          this.i++;
          this.skipGroup();
          if (isPunct(this.token, '{')) {
            const close = this.token.match;
            this.i++;
            while (this.i < close && !this.failed) {
              if (isName(this.token, 'case')) {
                this.i++;
                this.skipExpression(close, false);
                if (isPunct(this.token, ':')) this.i++;
              } else if (isName(this.token, 'default') && isPunct(this.tokens[this.i + 1], ':')) {
                this.i += 2;
              } else {
                const before = this.i;
                this.statement(close, false);
                if (this.i === before) this.i++;
              }
            }
            this.i = close + 1;
          }
          return done('switch');
        case 'return':
          this.failed = true;
          return done('return');
        case 'import':
          if (!isPunct(next, '(') && !isPunct(next, '.')) this.failed = true;
          break;
        case 'export':
          this.failed = true;
          return done('export');
        case 'throw':
        case 'break':
        case 'continue':
          this.i++;
          this.skipExpression(end, false);
          this.skipSemicolon();
          return done(t.value);
        default:
          if (isPunct(next, ':') && t.value !== 'yield' && t.value !== 'await') {
            this.i += 2;
            this.statement(end, false);
            return done('label');
          }
      }
    }
    this.skipExpression(end, false);
    const last = this.i - 1;
    this.skipSemicolon();
    return { kind: 'expression', first, last };
  }

  skipGroup() {
    const t = this.token;
    if (t !== undefined && t.type === 'punct' && t.match !== undefined && t.match > this.i) {
      this.i = t.match + 1;
    }
  }

  /**
   * The binding names of the pattern starting at token `i` (a name, `[...]` or `{...}`), pushed
   * onto `out`; returns the index after the pattern.
   */
  patternNames(i, out) {
    const t = this.tokens[i];
    if (isName(t)) {
      out.push(t.value);
      return i + 1;
    }
    if (!isPunct(t, '[') && !isPunct(t, '{')) {
      this.failed = true;
      return i + 1;
    }
    const close = t.match;
    let j = i + 1;
    const isObject = t.value === '{';
    while (j < close && !this.failed) {
      if (isPunct(this.tokens[j], ',')) {
        j++;
        continue;
      }
      if (isPunct(this.tokens[j], '...')) {
        j = this.patternNames(j + 1, out);
      } else if (isObject) {
        const key = this.tokens[j];
        j = isPunct(key, '[') ? key.match + 1 : j + 1;
        if (isPunct(this.tokens[j], ':')) j = this.patternNames(j + 1, out);
        else if (isName(key)) out.push(key.value);
        else this.failed = true;
      } else {
        j = this.patternNames(j, out);
      }
      if (isPunct(this.tokens[j], '=')) {
        this.i = j + 1;
        this.skipExpression(close, true);
        j = this.i;
      }
    }
    return close + 1;
  }

  /**
   * `var|let|const declarators`: the declarators become assignments (`void (a = 1)`), and
   * their names are declared before the async function when they outlive it.
   */
  declaration(end, top, kind, inForHead = false) {
    const keyword = this.token;
    this.i++;
    const names = [];
    const parts = [];
    let lastEnd = keyword.end;
    for (;;) {
      const patternStart = this.i;
      const after = this.patternNames(this.i, names);
      if (this.failed) return;
      this.i = after;
      const pattern = this.src.slice(this.tokens[patternStart].start, this.tokens[after - 1].end);
      lastEnd = this.tokens[after - 1].end;
      if (isPunct(this.token, '=')) {
        const initStart = this.i + 1;
        this.i = initStart;
        this.skipExpression(end, true);
        if (this.i === initStart) {
          this.failed = true;
          return;
        }
        lastEnd = this.tokens[this.i - 1].end;
        parts.push(`${pattern} = ${this.src.slice(this.tokens[initStart].start, lastEnd)}`);
      } else if (inForHead && (isName(this.token, 'of') || isName(this.token, 'in'))) {
        // for (var x of ...): the pattern alone stays, as the assignment target.
        if (kind === 'var') {
          this.hoist('var', names);
          this.edit(keyword.start, this.tokens[patternStart].start - keyword.start, '');
        }
        return;
      } else if (kind !== 'var') {
        parts.push(`${pattern}=undefined`);
      }
      if (isPunct(this.token, ',')) {
        this.i++;
        continue;
      }
      break;
    }
    if (kind !== 'var' && !top) return;  // block-scoped: stays inside the function
    this.hoist(kind === 'var' ? 'var' : 'let', names);
    let text;
    if (parts.length === 0) text = 'void 0';
    else if (parts.length === 1) text = `void (${parts[0]})`;
    else text = `void ( ${parts.map((p) => `(${p})`).join(', ')})`;
    this.edit(keyword.start, lastEnd - keyword.start, text);
  }

  hoist(kind, names) {
    if (names.length > 0) this.hoisted.push(`${kind} ${names.join(', ')}; `);
  }

  /** `[async] function [*] name (...) {...}`: declared with `var` and copied to the global. */
  functionDeclaration(first) {
    if (isName(this.token, 'async')) this.i++;
    this.i++;  // function
    if (isPunct(this.token, '*')) this.i++;
    const name = this.token;
    if (!isName(name)) {
      this.failed = true;
      return;
    }
    this.i++;
    this.skipGroup();
    this.skipGroup();
    this.hoist('var', [name.value]);
    this.edit(this.tokens[first].start, 0, `this.${name.value} = ${name.value}; `);
  }

  /** `class Name ... {...}`: at the top, `let Name;` before and `Name=class Name ...` in place. */
  classDeclaration(end, top) {
    const keyword = this.token;
    this.i++;
    const name = this.token;
    while (this.i < end && !isPunct(this.token, '{')) {
      if (this.token.type === 'punct' && this.token.match !== undefined) this.skipGroup();
      else this.i++;
    }
    this.skipGroup();
    if (top && isName(name) && name.value !== 'extends') {
      this.hoist('let', [name.value]);
      this.edit(keyword.start, 0, `${name.value}=`);
    }
  }

  /** `for [await] (head) body`: a `var` in the head becomes assignments or a bare target. */
  forStatement(end) {
    this.i++;
    if (isName(this.token, 'await')) this.i++;
    const open = this.token;
    if (!isPunct(open, '(')) {
      this.failed = true;
      return;
    }
    this.i++;
    if (isName(this.token, 'var')) this.declaration(open.match, false, 'var', true);
    this.i = open.match + 1;
    this.statement(end, false);
  }
}

/** The entry rewritten for top-level await, or null when it needs no (or has no) rewrite. */
function processTopLevelAwait(src) {
  const lexed = tokenize(src);
  const { tokens } = lexed;
  if (lexed.unterminated !== null || lexed.mismatched || lexed.open.length > 0) return null;
  markFunctions(tokens, 0, tokens.length, false);
  if (!tokens.some((t) => isName(t, 'await') && !t.inFunction)) return null;

  const rewriter = new Rewriter(src, tokens);
  const statements = rewriter.statements(tokens.length, true);
  if (rewriter.failed) return null;

  // The value of the last statement, when it is an expression, is the entry's value.
  const last = statements.filter((s) => s.kind !== 'empty').pop();
  if (last !== undefined && last.kind === 'expression' && last.last >= last.first) {
    const first = tokens[last.first];
    const final = tokens[last.last];
    if (isPunct(first, '(') && first.match === last.last) {
      rewriter.edit(first.start, 0, 'return ');
      rewriter.edit(first.end, 0, '{ value: (');
      rewriter.edit(final.start, 0, ') }');
    } else {
      rewriter.edit(first.start, 0, 'return { value: (');
      rewriter.edit(final.end, 0, ') }');
    }
  }

  const edits = rewriter.edits.sort((a, b) => a.at - b.at || a.order - b.order);
  let body = '';
  let pos = 0;
  for (const { at, remove, text } of edits) {
    body += src.slice(pos, at) + text;
    pos = Math.max(pos, at + remove);
  }
  body += src.slice(pos);
  return `${rewriter.hoisted.join('')}(async () => { ${body} })()`;
}

/**
 * The declarations the top level of `src` (already tokenized) makes, as the rewrite would put
 * them before the async function: 'let a, b; ' for let/const/class, 'var c; ' otherwise.
 */
function scanStatements(src, tokens) {
  const rewriter = new Rewriter(src, tokens);
  rewriter.statements(tokens.length, true);
  return rewriter.hoisted;
}

module.exports = { markFunctions, processTopLevelAwait, scanStatements };
