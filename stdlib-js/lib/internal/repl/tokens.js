'use strict';
// internal/repl/tokens: a small JavaScript tokenizer for the REPL. It knows enough of the
// lexical grammar (comments, strings, template literals with nested `${}`, regular expressions
// versus division, numbers, names and punctuators) to let the REPL reason about an entry
// without a full parser: where its brackets stand, whether it ends inside a token that may
// continue on the next line, and where the statements of the top-level-await rewrite start and
// end (internal/repl/await). It never throws: a character it cannot place becomes a one-
// character 'invalid' token.

// Punctuators, longest first so that the first match wins.
const punctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '<<', '>>', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^',
  '!', '~', '?', ':', '=', '.', '@', '#',
];

// Keywords after which a `/` starts a regular expression (they end no expression).
const regexAfterWord = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else', 'yield', 'await', 'extends',
]);

// Words that are values: after them an operator continues the expression.
const valueWords = new Set(['this', 'super', 'null', 'true', 'false']);

const openers = { '(': ')', '[': ']', '{': '}' };

const isIdStart = (c) => /[\p{ID_Start}$_\\]/u.test(c);
const isIdPart = (c) => /[\p{ID_Continue}$_\u200c\u200d\\]/u.test(c);
const isLineTerminator = (c) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/**
 * Tokens of `src`: { type, value, start, end, nl } where type is 'name', 'num', 'string',
 * 'template' (a whole literal, or its head/middle/tail around `${}`: `part` says which),
 * 'regex', 'punct' or 'invalid', and `nl` says a line break precedes the token. The result
 * also tells how the text ends: `open` (brackets and `${` still open, innermost last),
 * `unterminated` ('comment', 'string', 'template' or 'regex' when the text ends inside one)
 * and `continued` (an unterminated string whose last line ends in a backslash).
 */
function tokenize(src) {
  const tokens = [];
  const open = [];  // { char, token } for '(', '[', '{' and '${'
  let pos = 0;
  let nl = false;
  let unterminated = null;
  let continued = false;
  let mismatched = false;

  const prevToken = () => tokens[tokens.length - 1];
  function regexAllowed() {
    const prev = prevToken();
    if (prev === undefined) return true;
    switch (prev.type) {
      case 'num': case 'string': case 'regex': return false;
      case 'template': return prev.part === 'head' || prev.part === 'middle';
      case 'name': return regexAfterWord.has(prev.value);
      case 'punct': return !(prev.value === ')' || prev.value === ']' || prev.value === '}' ||
        prev.value === '++' || prev.value === '--');
      default: return true;
    }
  }
  function push(type, start, extra) {
    const token = { type, value: src.slice(start, pos), start, end: pos, nl, ...extra };
    tokens.push(token);
    nl = false;
    return token;
  }

  // Reads template characters from `pos` (just after '`' or '}') up to '`' or '${'.
  function templateRest(start, first) {
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\') {
        pos += 2;
      } else if (c === '`') {
        pos++;
        push('template', start, { part: first ? 'full' : 'tail' });
        return;
      } else if (c === '$' && src[pos + 1] === '{') {
        pos += 2;
        const token = push('template', start, { part: first ? 'head' : 'middle' });
        open.push({ char: '${', token });
        return;
      } else {
        pos++;
      }
    }
    pos = src.length;
    unterminated = 'template';
    push('template', start, { part: first ? 'full' : 'tail', unterminated: true });
  }

  while (pos < src.length) {
    const c = src[pos];
    const start = pos;
    if (isLineTerminator(c)) {
      nl = true;
      pos++;
    } else if (c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\ufeff' ||
               /\s/.test(c)) {
      pos++;
    } else if (c === '/' && src[pos + 1] === '/') {
      while (pos < src.length && !isLineTerminator(src[pos])) pos++;
    } else if (c === '/' && src[pos + 1] === '*') {
      const close = src.indexOf('*/', pos + 2);
      if (close === -1) {
        unterminated = 'comment';
        pos = src.length;
      } else {
        if (/[\n\r\u2028\u2029]/.test(src.slice(pos, close))) nl = true;
        pos = close + 2;
      }
    } else if (c === '#' && pos === 0 && src[1] === '!') {
      while (pos < src.length && !isLineTerminator(src[pos])) pos++;
    } else if (c === '"' || c === "'") {
      pos++;
      let closed = false;
      while (pos < src.length) {
        const d = src[pos];
        if (d === '\\') {
          pos += src[pos + 1] === '\r' && src[pos + 2] === '\n' ? 3 : 2;
        } else if (d === c) {
          pos++;
          closed = true;
          break;
        } else if (d === '\n' || d === '\r') {
          break;
        } else {
          pos++;
        }
      }
      if (!closed) {
        pos = Math.min(pos, src.length);
        if (pos >= src.length) {
          unterminated = 'string';
          continued = /\\(?:\r\n?|\n|\u2028|\u2029)$/.test(src.slice(start));
        }
        push('invalid', start, { unterminated: true });
        if (pos < src.length) continue;
      } else {
        push('string', start);
      }
    } else if (c === '`') {
      pos++;
      templateRest(start, true);
    } else if (c === '}' && open.length > 0 && open[open.length - 1].char === '${') {
      open.pop();
      pos++;
      templateRest(start, false);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[pos + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]+)?n?)/
        .exec(src.slice(pos));
      pos += m[0].length;
      // Letters run on (`2e`, `0x`, `1px`): one token, the invalid one V8 reports.
      while (pos < src.length && /[\w$]/.test(src[pos])) pos++;
      push('num', start);
    } else if (isIdStart(c) || (c === '#' && isIdStart(src[pos + 1] ?? ''))) {
      pos++;
      while (pos < src.length) {
        const ch = String.fromCodePoint(src.codePointAt(pos));
        if (!isIdPart(ch)) break;
        pos += ch.length;
      }
      push('name', start);
    } else if (c === '/' && regexAllowed()) {
      pos++;
      let inClass = false;
      let closed = false;
      while (pos < src.length && !isLineTerminator(src[pos])) {
        const d = src[pos];
        if (d === '\\') pos += 2;
        else if (d === '[') { inClass = true; pos++; }
        else if (d === ']') { inClass = false; pos++; }
        else if (d === '/' && !inClass) { pos++; closed = true; break; }
        else pos++;
      }
      if (!closed) {
        if (pos >= src.length) unterminated = 'regex';
        push('invalid', start, { unterminated: true });
        continue;
      }
      while (pos < src.length && isIdPart(src[pos])) pos++;
      push('regex', start);
    } else {
      const p = punctuators.find((candidate) => src.startsWith(candidate, pos));
      if (p === undefined) {
        pos += String.fromCodePoint(src.codePointAt(pos)).length;
        push('invalid', start);
        continue;
      }
      // `?.` followed by a digit is `?` then a number (`a?.5:1`).
      if (p === '?.' && /[0-9]/.test(src[pos + 2] ?? '')) {
        pos++;
      } else {
        pos += p.length;
      }
      const token = push('punct', start);
      if (openers[p] !== undefined) {
        open.push({ char: p, token });
      } else if (p === ')' || p === ']' || p === '}') {
        const top = open[open.length - 1];
        if (top !== undefined && openers[top.char] === p) {
          top.token.match = tokens.length - 1;
          token.match = tokens.indexOf(top.token);
          open.pop();
        } else {
          mismatched = true;
        }
      }
    }
  }
  if (unterminated === null || unterminated === 'comment') continued = false;
  return { tokens, open, unterminated, continued, mismatched, trailingNewline: nl };
}

/** The text that closes what `open` (from tokenize) leaves open, innermost first. */
function closersOf(open) {
  let text = '';
  for (let i = open.length - 1; i >= 0; i--) {
    const c = open[i].char;
    text += c === '${' ? '}`' : openers[c];
  }
  return text;
}

/** True when `token` ends an expression (an operator after it continues the expression). */
function endsExpression(token) {
  if (token === undefined) return false;
  switch (token.type) {
    case 'num': case 'string': case 'regex': return true;
    case 'template': return token.part === 'full' || token.part === 'tail';
    case 'name': return !regexAfterWord.has(token.value) || valueWords.has(token.value);
    case 'punct': return token.value === ')' || token.value === ']' || token.value === '}' ||
      token.value === '++' || token.value === '--';
    default: return false;
  }
}

// Names that continue an expression when they follow one (binary operators spelled as words).
const continuingWords = new Set(['in', 'instanceof', 'of']);

/** True when `token` can only start something new after an expression (ASI applies). */
function startsStatement(token) {
  if (token === undefined) return false;
  switch (token.type) {
    case 'num': case 'string': return true;
    case 'name': return !continuingWords.has(token.value);
    case 'punct': return token.value === '{' || token.value === '!' || token.value === '~' ||
      token.value === '++' || token.value === '--' || token.value === ';';
    default: return false;
  }
}

module.exports = { closersOf, endsExpression, startsStatement, tokenize };
